// Package viper is a stub of github.com/spf13/viper: the calls that bind
// env keys and those whose form envgraph records.
package viper

import (
	"strings"
	"time"
)

type Viper struct{}

func New() *Viper                                             { return &Viper{} }
func (v *Viper) BindEnv(input ...string) error                { return nil }
func (v *Viper) SetEnvPrefix(in string)                       {}
func (v *Viper) AutomaticEnv()                                {}
func (v *Viper) GetInt(key string) int                        { return 0 }
func (v *Viper) GetString(key string) string                  { return "" }
func (v *Viper) SetEnvKeyReplacer(r *strings.Replacer)        {}
func BindEnv(input ...string) error                           { return nil }
func MustBindEnv(input ...string)                             {}
func SetEnvPrefix(in string)                                  {}
func AutomaticEnv()                                           {}
func GetString(key string) string                             { return "" }
func SetEnvKeyReplacer(r *strings.Replacer)                   {}
func GetInt(key string) int                                   { return 0 }
func GetInt64(key string) int64                               { return 0 }
func GetUint(key string) uint                                 { return 0 }
func GetFloat64(key string) float64                           { return 0 }
func GetBool(key string) bool                                 { return false }
func GetDuration(key string) time.Duration                    { return 0 }
func GetStringSlice(key string) []string                      { return nil }
func Unmarshal(rawVal any, opts ...DecoderConfigOption) error { return nil }
func UnmarshalKey(key string, rawVal any, opts ...DecoderConfigOption) error {
	return nil
}

type DecoderConfigOption func(any)

func DecodeHook(hook any) DecoderConfigOption { return nil }
