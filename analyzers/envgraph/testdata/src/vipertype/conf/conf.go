// Package conf asks the global instance for keys without an AutomaticEnv
// of its own: the program's AutomaticEnv (package main) reads them.
package conf

import "github.com/spf13/viper"

func Workers() int { return viper.GetInt("workers") }

func Name() string { return viper.GetString("queue") }

// db.port is bound to DB_PORT by main's BindEnv: DB_PORT is read as an
// integer.
func DBPort() int { return viper.GetInt("db.port") }

// db.host is bound too, but asked only as a string.
func DBHost() string { return viper.GetString("db.host") }
