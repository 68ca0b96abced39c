// Package env is a stub of github.com/caarlos0/env/v11: only the surface the tests use.
package env

type Options struct {
	Environment           map[string]string
	TagName               string
	PrefixTagName         string
	DefaultValueTagName   string
	RequiredIfNoDef       bool
	Prefix                string
	UseFieldNameByDefault bool
}

func Parse(v interface{}) error                          { return nil }
func ParseWithOptions(v interface{}, opts Options) error { return nil }
func ParseAs[T any]() (T, error)                         { var t T; return t, nil }
func ParseAsWithOptions[T any](opts Options) (T, error)  { var t T; return t, nil }
func Must[T any](t T, err error) T                       { return t }
func GetFieldParams(v interface{}) error                 { return nil }
