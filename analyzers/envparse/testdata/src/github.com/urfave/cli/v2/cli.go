// Package cli is a stub of github.com/urfave/cli/v2.
package cli

import "context"

type Flag interface{ Names() []string }

type IntFlag struct {
	Name    string
	Value   int
	EnvVars []string
}

type BoolFlag struct {
	Name    string
	EnvVars []string
}

type StringFlag struct {
	Name    string
	EnvVars []string
}

func (f *IntFlag) Names() []string    { return nil }
func (f *BoolFlag) Names() []string   { return nil }
func (f *StringFlag) Names() []string { return nil }

type Context struct{}

type Command struct {
	Name  string
	Flags []Flag
}

type App struct {
	Name     string
	Flags    []Flag
	Commands []*Command
	Action   func(*Context) error
}

func (a *App) Run(arguments []string) error                             { return nil }
func (a *App) RunContext(ctx context.Context, arguments []string) error { return nil }
