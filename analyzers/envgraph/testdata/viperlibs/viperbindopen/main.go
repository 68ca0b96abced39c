// Command viperbindopen binds env names through a helper envvet does not
// see through (it adds a name of its own first): they may be any keys, so
// any SHOP_ key may be read.
package main

import (
	"fmt"

	"github.com/spf13/viper"
)

func mustBindEnv(input ...string) {
	input = append(input, "SHOP_EXTRA")
	if err := viper.BindEnv(input...); err != nil { // want `bind dynamic input... loader viper`
		panic(err)
	}
}

func main() {
	viper.SetEnvPrefix("shop")
	viper.AutomaticEnv() // want `prefix prefix "SHOP_" loader viper`
	mustBindEnv("db.max", "SHOP_DB_MAX_CONNS")
	fmt.Println(viper.GetInt("port")) // want `bind "SHOP_PORT" loader viper`
}
