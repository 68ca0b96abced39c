// Command viperparam builds one viper instance, lets package conf turn on
// AutomaticEnv with a key replacer and hands it to package plugin, which
// asks it for a key: as jaeger's all-in-one does (pkg/config,
// InitFromViper).
package main

import (
	"github.com/spf13/viper"

	"viperparam/conf"
	"viperparam/plugin"
)

func main() {
	v := viper.New()
	conf.Configure(v)
	_ = plugin.Init(v)
}
