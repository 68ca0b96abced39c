// Package conf sets up a viper instance it is given.
package conf

import (
	"strings"

	"github.com/spf13/viper"
)

// Configure makes v read every key it is asked from the environment.
func Configure(v *viper.Viper) {
	v.AutomaticEnv()
	v.SetEnvKeyReplacer(strings.NewReplacer("-", "_", ".", "_"))
}
