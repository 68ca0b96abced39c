// Command viperbind binds env names through helpers around
// viper.BindEnv(input...): the names are their callers' arguments after
// viper's key, so only those and the keys asked are read.
package main

import (
	"fmt"

	"github.com/spf13/viper"
)

func mustBindEnv(input ...string) {
	if err := viper.BindEnv(input...); err != nil {
		panic(err)
	}
}

// bindAs binds its caller's env name under a viper key of its own.
func bindAs(name string) {
	mustBindEnv("as", name)
}

// bindNames binds key to each of names.
func bindNames(key string, names ...string) {
	for _, n := range names {
		viper.MustBindEnv(key, n)
	}
}

func main() {
	viper.SetEnvPrefix("shop")
	viper.AutomaticEnv()                         // want `prefix prefix "SHOP_" loader viper`
	mustBindEnv("db.max", "SHOP_DB_MAX_CONNS")   // want `bind "SHOP_DB_MAX_CONNS" via main.mustBindEnv loader viper`
	bindAs("SHOP_AS")                            // want `bind "SHOP_AS" via main.bindAs → main.mustBindEnv loader viper`
	bindNames("db.min", "SHOP_DB_MIN", "DB_MIN") // want `bind "SHOP_DB_MIN" via main.bindNames group SHOP_DB_MIN,DB_MIN loader viper` `bind "DB_MIN" via main.bindNames group SHOP_DB_MIN,DB_MIN loader viper`
	pool := []string{"db.idle", "SHOP_DB_IDLE"}
	mustBindEnv(pool...)              // want `bind "SHOP_DB_IDLE" via main.mustBindEnv loader viper`
	fmt.Println(viper.GetInt("port")) // want `bind "SHOP_PORT" loader viper`
}
