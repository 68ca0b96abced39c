// Package viper is a stub of github.com/spf13/viper.
package viper

import "strings"

type Viper struct{}

func New() *Viper                                      { return &Viper{} }
func (v *Viper) BindEnv(input ...string) error         { return nil }
func (v *Viper) SetEnvPrefix(in string)                {}
func (v *Viper) AutomaticEnv()                         {}
func (v *Viper) GetString(key string) string           { return "" }
func (v *Viper) SetEnvKeyReplacer(r *strings.Replacer) {}
func BindEnv(input ...string) error                    { return nil }
func MustBindEnv(input ...string)                      {}
func SetEnvPrefix(in string)                           {}
func AutomaticEnv()                                    {}
func GetString(key string) string                      { return "" }
func SetEnvKeyReplacer(r *strings.Replacer)            {}

func Unmarshal(rawVal any) error                { return nil }
func UnmarshalKey(key string, rawVal any) error { return nil }
func (v *Viper) Unmarshal(rawVal any) error     { return nil }
