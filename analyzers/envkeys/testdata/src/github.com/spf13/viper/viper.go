// Package viper is a stub of github.com/spf13/viper with the surface the tests use.
package viper

import "strings"

type Viper struct{}

func New() *Viper                                      { return &Viper{} }
func BindEnv(input ...string) error                    { return nil }
func SetEnvPrefix(in string)                           {}
func AutomaticEnv()                                    {}
func SetEnvKeyReplacer(r *strings.Replacer)            {}
func (v *Viper) BindEnv(input ...string) error         { return nil }
func (v *Viper) SetEnvPrefix(in string)                {}
func (v *Viper) AutomaticEnv()                         {}
func GetString(key string) string                      { return "" }
func (v *Viper) SetEnvKeyReplacer(r *strings.Replacer) {}
func (v *Viper) GetString(key string) string           { return "" }
func (v *Viper) AllSettings() map[string]any           { return nil }
