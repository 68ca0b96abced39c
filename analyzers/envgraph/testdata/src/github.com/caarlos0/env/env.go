// Package env is a stub of github.com/caarlos0/env (v6 API): only the surface the tests use.
package env

type Options struct {
	Prefix string
}

func Parse(v interface{}, opts ...Options) error { return nil }
