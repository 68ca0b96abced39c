// Command viperask reads its settings through viper, whose AutomaticEnv
// lets SHOP_-prefixed variables override the config file's keys.
package main

import "github.com/spf13/viper"

func main() {
	viper.SetEnvPrefix("shop")
	viper.AutomaticEnv()
	_ = viper.GetString("mode")
	// The config file may set log_level: SHOP_LOG_LEVEL only overrides
	// it, so the manifest need not declare it.
	_ = viper.GetString("log_level")
	// An explicit binding names the variable the program reads: the
	// twin that is reported.
	viper.BindEnv("db.url", "DATABASE_URL") // want `env key "DATABASE_URL" is not declared in .env.example`
}
