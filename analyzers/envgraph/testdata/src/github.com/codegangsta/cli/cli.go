// Package cli stubs the surface of github.com/codegangsta/cli, urfave/cli
// v1 under the name it had before the project moved, that the tests use.
// Like the library, it looks each flag's EnvVar names up by a name it
// does not know.
package cli

import (
	"os"
	"strings"
)

type Flag interface{}

type StringFlag struct {
	Name   string
	Value  string
	EnvVar string
}

type IntFlag struct {
	Name   string
	Value  int
	EnvVar string
}

type App struct{ Flags []Flag }

func NewApp() *App { return &App{} }

// Run looks up the flags' environment values, as the library does.
func (a *App) Run(arguments []string) error {
	for _, f := range a.Flags {
		if s, ok := f.(StringFlag); ok {
			for _, name := range strings.Split(s.EnvVar, ",") {
				if v, ok := os.LookupEnv(strings.TrimSpace(name)); ok {
					s.Value = v
				}
			}
		}
	}
	return nil
}
