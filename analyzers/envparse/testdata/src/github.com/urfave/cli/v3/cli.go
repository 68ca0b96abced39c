// Package cli is a stub of github.com/urfave/cli/v3.
package cli

import "context"

type ValueSource interface{ Lookup() (string, bool) }

type ValueSourceChain struct{ Chain []ValueSource }

type EnvValueSource struct{ Key string }

func (e *EnvValueSource) Lookup() (string, bool) { return "", false }

func EnvVars(keys ...string) ValueSourceChain                 { return ValueSourceChain{} }
func EnvVar(key string) ValueSource                           { return &EnvValueSource{Key: key} }
func Files(paths ...string) ValueSourceChain                  { return ValueSourceChain{} }
func NewValueSourceChain(src ...ValueSource) ValueSourceChain { return ValueSourceChain{Chain: src} }

type Flag interface{ Names() []string }

type FlagBase[T any] struct {
	Name    string
	Value   T
	Sources ValueSourceChain
}

func (f *FlagBase[T]) Names() []string { return nil }

type (
	IntFlag      = FlagBase[int64]
	DurationFlag = FlagBase[int64]
	StringFlag   = FlagBase[string]
)

type Command struct {
	Name     string
	Flags    []Flag
	Commands []*Command
	Action   func(context.Context, *Command) error
}

func (cmd *Command) Run(ctx context.Context, osArgs []string) error { return nil }
