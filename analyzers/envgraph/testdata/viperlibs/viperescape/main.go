// Command viperescape hands its viper instance on: whoever gets it may ask
// for any key, so any API_ key may be read.
package main

import (
	"fmt"

	"github.com/spf13/viper"
)

func newViper() *viper.Viper {
	v := viper.New()
	v.SetEnvPrefix("api")
	v.AutomaticEnv() // want `prefix prefix "API_" loader viper`
	return v
}

func main() {
	w := viper.New()
	w.SetEnvPrefix("api")
	w.AutomaticEnv() // want `prefix prefix "API_" loader viper`
	fmt.Println(newViper().GetString("port"), w.AllSettings())
}
