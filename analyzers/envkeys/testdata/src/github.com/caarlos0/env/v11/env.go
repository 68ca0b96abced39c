// Package env is a stub of github.com/caarlos0/env/v11 with the surface the tests use.
package env

type Options struct {
	Prefix string
}

func Parse(v interface{}) error                          { return nil }
func ParseWithOptions(v interface{}, opts Options) error { return nil }
