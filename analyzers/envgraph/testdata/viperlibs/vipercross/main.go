// Command vipercross asks the global instance that package config set up
// for a key: the program reads SHOP_DB_HOST and SHOP_HTTP_ADDR.
package main

import (
	"fmt"

	"github.com/spf13/viper"

	"example.com/viperlibs/vipercross/config"
)

func main() {
	config.Load()
	fmt.Println(config.Addr(), viper.GetString("db.host"))
}
