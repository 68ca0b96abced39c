// Package parserarg holds helpers that take their parse as a function
// argument, as lego's platform/env does: getOrDefault silently defaults
// for whichever parser its callers hand it.
package parserarg

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
)

// GetOrFile returns the value of key, or the contents of the file that
// key_FILE names.
func GetOrFile(key string) string { // want GetOrFile:"valueOf\\(0\\)"
	v := os.Getenv(key)
	if v != "" {
		return v
	}
	name := os.Getenv(key + "_FILE")
	if name == "" {
		return v
	}
	b, err := os.ReadFile(name)
	if err != nil {
		return ""
	}
	return strings.TrimRight(string(b), "\r\n")
}

func GetOrDefaultInt(key string, def int) int { // want GetOrDefaultInt:"silentDefault\\(0 strconv.Atoi default=1\\)"
	return getOrDefault(key, def, strconv.Atoi)
}

func GetOrDefaultBool(key string, def bool) bool { // want GetOrDefaultBool:"silentDefault\\(0 strconv.ParseBool default=1\\)"
	return getOrDefault(key, def, strconv.ParseBool)
}

func GetOrDefaultSecond(key string, def time.Duration) time.Duration { // want GetOrDefaultSecond:"silentDefault\\(0 parserarg.ParseSecond default=1\\)"
	return getOrDefault(key, def, ParseSecond)
}

// GetOrDefaultString's parser fails only on "": an unset key, not a bad
// value.
func GetOrDefaultString(key, def string) string { return getOrDefault(key, def, ParseString) }

func getOrDefault[T any](key string, def T, fn func(string) (T, error)) T { // want getOrDefault:"silentDefault\\(0 parser=2 default=1\\)"
	v, err := fn(GetOrFile(key))
	if err != nil {
		return def
	}
	return v
}

// ParseSecond parses a number of seconds.
func ParseSecond(s string) (time.Duration, error) { // want ParseSecond:"parsesArg\\(strconv.Atoi\\)"
	v, err := strconv.Atoi(s)
	if err != nil {
		return 0, err
	}
	if v < 0 {
		return 0, fmt.Errorf("unsupported value: %d", v)
	}
	return time.Duration(v) * time.Second, nil
}

// ParseString fails on an empty string only.
func ParseString(s string) (string, error) {
	if s == "" {
		return "", errors.New("empty string")
	}
	return s, nil
}

// Get is getOrDefault for callers in other packages.
func Get[T any](key string, def T, fn func(string) (T, error)) T { // want Get:"silentDefault\\(0 parser=2 default=1\\)"
	return getOrDefault(key, def, fn)
}

// Negative twin: the strict helper hands the parse error back.
func GetInt(key string) (int, error) { return getStrict(key, strconv.Atoi) }

func getStrict[T any](key string, fn func(string) (T, error)) (T, error) {
	return fn(GetOrFile(key))
}

const ns = "CLOUDFLARE_"

func Config() error {
	ttl := GetOrDefaultInt(ns+"TTL", 120)                      // want `env key "CLOUDFLARE_TTL" is parsed by parserarg.GetOrDefaultInt, which ignores a parse error: a bad value runs as 120`
	timeout := GetOrDefaultSecond(ns+"TIMEOUT", 2*time.Minute) // want `env key "CLOUDFLARE_TIMEOUT" is parsed by parserarg.GetOrDefaultSecond, which ignores a parse error: a bad value runs as 2 \* time.Minute`
	debug := GetOrDefaultBool(ns+"DEBUG", false)               // want `env key "CLOUDFLARE_DEBUG" is parsed by parserarg.GetOrDefaultBool, which ignores a parse error: a bad value runs as false`
	zone := GetOrDefaultString(ns+"ZONE", "example.com")       // a string: nothing to parse
	n, err := GetInt(ns + "WORKERS")
	if err != nil {
		return err
	}
	_, _, _, _, _ = ttl, timeout, debug, zone, n
	return nil
}
