// Package cli is a stub of github.com/codegangsta/cli v1.20.0 (urfave/cli v1 under its old name).
package cli

type Flag interface{ GetName() string }

type IntFlag struct {
	Name   string
	Value  int
	EnvVar string
}

type DurationFlag struct {
	Name   string
	EnvVar string
}

type StringFlag struct {
	Name   string
	Value  string
	EnvVar string
}

func (f IntFlag) GetName() string      { return f.Name }
func (f DurationFlag) GetName() string { return f.Name }
func (f StringFlag) GetName() string   { return f.Name }

type Context struct{}

type App struct {
	Name   string
	Flags  []Flag
	Action func(*Context) error
}

func NewApp() *App                          { return &App{} }
func (a *App) Run(arguments []string) error { return nil }
func (a *App) RunAndExitOnError()           {}
func (c *Context) Int(name string) int      { return 0 }
func HandleExitCoder(err error)             {}
