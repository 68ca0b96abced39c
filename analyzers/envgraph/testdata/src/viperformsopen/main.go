package main

import (
	"fmt"

	"github.com/spf13/viper"
)

type options struct {
	Port int
}

// A pointer to a pointer to a pointer: not followed, so the target's
// keys are not known and AutomaticEnv may read any key with the prefix.
var server = new(*options)

func main() {
	viper.SetEnvPrefix("nd")
	viper.AutomaticEnv() // want `^prefix prefix "ND_" loader viper$`
	if err := viper.Unmarshal(&server); err != nil {
		panic(err)
	}
	fmt.Println((*server).Port)
}
