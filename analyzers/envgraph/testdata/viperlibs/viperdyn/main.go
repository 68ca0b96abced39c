// Command viperdyn asks viper for a key it computes: any SHOP_ key may be
// read.
package main

import (
	"fmt"
	"os"

	"github.com/spf13/viper"
)

func main() {
	viper.SetEnvPrefix("shop")
	viper.AutomaticEnv()                     // want `prefix prefix "SHOP_" loader viper`
	fmt.Println(viper.GetString("port"))     // want `bind "SHOP_PORT" loader viper`
	fmt.Println(viper.GetString(os.Args[1])) // the key is not known
}

// bindFlag binds a flag under a key its callers name: no read by itself.
func bindFlag(key string) { _ = viper.BindPFlag(key, nil) }
