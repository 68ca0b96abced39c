// Package envconfig is a stub of github.com/sethvargo/go-envconfig.
package envconfig

import "context"

type Lookuper interface {
	Lookup(key string) (string, bool)
}

type Config struct {
	Target          any
	Lookuper        Lookuper
	DefaultRequired bool
}

func OsLookuper() Lookuper                              { return nil }
func PrefixLookuper(prefix string, l Lookuper) Lookuper { return l }
func MapLookuper(m map[string]string) Lookuper          { return nil }
func Process(ctx context.Context, i any) error          { return nil }
func ProcessWith(ctx context.Context, c *Config) error  { return nil }
