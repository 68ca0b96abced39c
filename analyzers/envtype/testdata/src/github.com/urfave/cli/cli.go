// Package cli stubs the surface of github.com/urfave/cli v1 that the
// tests use.
package cli

type Flag interface{}

type StringFlag struct {
	Name     string
	Value    string
	EnvVar   string
	Required bool
}

type IntFlag struct {
	Name   string
	Value  int
	EnvVar string
}

type App struct{ Flags []Flag }

func NewApp() *App { return &App{} }
