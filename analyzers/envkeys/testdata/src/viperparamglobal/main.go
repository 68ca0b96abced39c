// Command viperparamglobal turns on AutomaticEnv for viper's global
// instance, with the key replacer that would turn the plugin's key into
// QUERY_NAME_SPACE, but asks its key of another one, which reads no
// environment.
package main

import (
	"strings"

	"github.com/spf13/viper"

	"viperparamglobal/plugin"
)

func main() {
	viper.SetEnvKeyReplacer(strings.NewReplacer("-", "_", ".", "_"))
	viper.AutomaticEnv()
	_ = plugin.Init(viper.New())
}
