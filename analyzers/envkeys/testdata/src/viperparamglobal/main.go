// Command viperparamglobal turns on AutomaticEnv for viper's global
// instance, but asks its key of another one, which reads no environment.
package main

import (
	"github.com/spf13/viper"

	"viperparamglobal/plugin"
)

func main() {
	viper.AutomaticEnv()
	_ = plugin.Init(viper.New())
}
