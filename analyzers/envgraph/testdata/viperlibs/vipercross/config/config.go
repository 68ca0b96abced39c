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

// Addr is the address to listen on.
func Addr() string { return viper.GetString("http.addr") } // want `bind "SHOP_HTTP_ADDR" loader viper`
