// Package conf asks the global viper instance for db.port, which package
// main binds to DB_PORT.
package conf

import "github.com/spf13/viper"

func DBPort() int { return viper.GetInt("db.port") }
