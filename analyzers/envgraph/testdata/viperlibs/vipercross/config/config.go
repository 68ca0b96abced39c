// Package config sets viper's global instance up; the command asks it
// for keys in another package.
package config

import (
	"strings"

	"github.com/spf13/viper"
)

// Load reads the environment into viper's global instance.
func Load() {
	viper.SetEnvPrefix("shop")
	viper.SetEnvKeyReplacer(strings.NewReplacer(".", "_"))
	viper.AutomaticEnv() // want `prefix prefix "SHOP_" loader viper`
}

// bindFlag binds a flag under a key its callers name: no read by itself.
func bindFlag(key string) { _ = viper.BindPFlag(key, nil) }

// Addr is the address to listen on.
func Addr() string { return viper.GetString("http.addr") } // want `bind "SHOP_HTTP_ADDR" loader viper`
