// Package main binds env names to viper keys only through conf's helpers:
// it never imports viper, and its only viper references are the helpers'
// calls, which the keys conf asks give their form. describe's call with
// the same arguments binds nothing.
package main // want `program DB_PORT int by viper GetInt at main.go:14`

import (
	"fmt"

	"viperforms/conf"
)

func main() {
	conf.BindName("db.port", "DB_PORT") // want `^bind "DB_PORT" via conf.BindName loader viper$`
	describe("db.workers", "DB_WORKERS")
	fmt.Println(conf.DBPort(), conf.Workers())
}

// describe has BindName's signature but binds nothing: DB_WORKERS is no
// reference, and the program has no form for it.
func describe(key, env string) { fmt.Println(key, env) }
