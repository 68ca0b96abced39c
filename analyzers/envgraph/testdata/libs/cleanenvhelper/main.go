// Command cleanenvhelper reads its configuration through a package that
// wraps cleanenv.
package main

import (
	"example.com/libs/cleanenvhelper/config"
)

type Env struct {
	Token string `env:"TOKEN" env-required:"true"` // want `struct tag "TOKEN" via config.Load required field Env.Token loader cleanenv`
}

// File is read from a file first: its keys are not required.
type File struct {
	Port int `env:"PORT" env-required:"true" env-default:"8080"` // want `struct tag "PORT" via config.LoadFile default "8080" field File.Port loader cleanenv`
}

// Shown is only printed: a helper that reads no key.
type Shown struct {
	Name string `env:"NAME"`
}

func main() {
	var e Env
	_ = config.Load(&e)
	var f File
	_ = config.LoadFile("config.yml", &f)
	config.Print(&Shown{})
}
