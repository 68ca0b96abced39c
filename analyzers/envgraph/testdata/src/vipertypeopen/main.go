// Command vipertypeopen asks the global instance for a key it cannot
// name: any key with the prefix may be read, and conf's typed ask is read
// as an integer all the same.
package main // want `^program APP_WORKERS int by viper GetInt at conf.go:6$`

import (
	"fmt"
	"os"

	"github.com/spf13/viper"

	"vipertypeopen/conf"
)

func main() {
	viper.SetEnvPrefix("app")
	viper.AutomaticEnv() // want `^prefix prefix "APP_" loader viper$`
	fmt.Println(viper.GetString(os.Args[1]), conf.Workers())
}
