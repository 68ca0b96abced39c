// Command viperparam builds one viper instance, lets package conf turn on
// AutomaticEnv with a key replacer and hands it to package plugin, which
// asks it for keys: as jaeger's all-in-one does (pkg/config, InitFromViper).
// The program reads QUERY_NAME_SPACE and QUERY_TOKEN_FILE; the global
// instance, which has no AutomaticEnv, reads nothing.
package main

import (
	"fmt"

	"github.com/spf13/viper"

	"example.com/viperlibs/viperparam/conf"
	"example.com/viperlibs/viperparam/plugin"
)

func main() {
	v := viper.New()
	conf.Configure(v)
	fmt.Println(plugin.Init(v), viper.GetString("global.only"))
}
