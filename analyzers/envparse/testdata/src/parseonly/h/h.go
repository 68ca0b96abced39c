package h

import "os"

func Get[T any](key string, def T, fn func(string) (T, error)) T { // want Get:"silentDefault\\(0 parser=2 default=1\\)"
	v, err := fn(os.Getenv(key))
	if err != nil {
		return def
	}
	return v
}
