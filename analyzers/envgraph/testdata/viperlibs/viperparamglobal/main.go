// Command viperparamglobal is viperparam's twin: the global instance has
// AutomaticEnv and a key replacer, the instance handed to plugin has
// neither, so the program reads none of the keys plugin asks.
package main

import (
	"fmt"
	"strings"

	"github.com/spf13/viper"

	"example.com/viperlibs/viperparam/plugin"
)

func main() {
	viper.SetEnvKeyReplacer(strings.NewReplacer("-", "_", ".", "_"))
	viper.AutomaticEnv() // want `prefix dynamic  loader viper`
	fmt.Println(plugin.Init(viper.New()))
}
