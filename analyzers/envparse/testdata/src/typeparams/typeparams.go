// Package typeparams holds generic helpers: envx.Get("WORKERS", 4).
package typeparams

import (
	"os"
	"strconv"
	"time"
)

// Get returns key parsed as T's kind, or def when it is unset or bad.
func Get[T int | bool | time.Duration](key string, def T) T { // want Get:`silentDefault\(0 strconv.Atoi default=1\)`
	v, ok := os.LookupEnv(key)
	if !ok {
		return def
	}
	switch any(def).(type) {
	case int:
		n, err := strconv.Atoi(v)
		if err != nil {
			return def
		}
		return any(n).(T)
	case bool:
		b, err := strconv.ParseBool(v)
		if err != nil {
			return def
		}
		return any(b).(T)
	}
	return def
}

// MustGet fails on a bad value.
func MustGet[T int](key string) T {
	n, err := strconv.Atoi(os.Getenv(key))
	if err != nil {
		panic(err)
	}
	return T(n)
}

func Use() {
	_ = Get("WORKERS", 4)           // want `env key "WORKERS" is parsed by typeparams.Get, which ignores a parse error: a bad value runs as 4`
	_ = Get[bool]("VERBOSE", false) // want `env key "VERBOSE" is parsed by typeparams.Get, which ignores a parse error: a bad value runs as false`
	_ = MustGet[int]("WORKERS")
	n, _ := strconv.Atoi(os.Getenv("X")) // want `env key "X" is parsed by strconv.Atoi but the error is dropped`
	_ = n
}
