// Package conf binds env names to viper keys through helpers with no
// ...string parameter, and asks for the keys.
package conf

import "github.com/spf13/viper"

// BindName binds env to key: its callers' env names take the form key is
// asked in.
func BindName(key, env string) {
	if err := viper.BindEnv(key, env); err != nil {
		panic(err)
	}
}

// BindDB binds env to "db." + key.
func BindDB(key, env string) { _ = viper.BindEnv("db."+key, env) }

func DBPort() int { return viper.GetInt("db.port") }

func DBHost() string { return viper.GetString("db.host") }

func Workers() int { return viper.GetInt("workers") }
