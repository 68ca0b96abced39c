// Package viperorder binds keys before and after SetEnvPrefix: viper
// merges the prefix into a BindEnv of one key when BindEnv runs, and
// into a key AutomaticEnv reads when the key is asked.
package viperorder

import "github.com/spf13/viper"

// navidrome's order (v0.53.3 conf/configuration.go:398-402).
func load() {
	_ = viper.BindEnv("port") // want `^bind "PORT" loader viper$`
	viper.SetEnvPrefix("nd")
	viper.AutomaticEnv()         // want `^prefix prefix "ND_" loader viper$`
	_ = viper.BindEnv("address") // want `^bind "ND_ADDRESS" loader viper$`
}

// In a loop the setting's next turn comes before the bind's: the prefix
// is not known there.
func loop(tries int) {
	v := viper.New()
	for range tries {
		_ = v.BindEnv("host") // want `^bind dynamic "host" loader viper$`
		v.SetEnvPrefix("db")
	}
	_ = v.BindEnv("name") // want `^bind "DB_NAME" loader viper$`
}
