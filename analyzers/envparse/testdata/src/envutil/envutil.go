// Package envutil holds helpers, some of which silently default on a bad
// value.
package envutil

import (
	"fmt"
	"log"
	"os"
	"strconv"
	"strings"
	"time"
)

// Get returns the value of key, or def when key is unset.
func Get(key, def string) string { // want Get:`valueOf\(0\)`
	if v, ok := os.LookupEnv(key); ok {
		return strings.TrimSpace(v)
	}
	return def
}

// Int returns key as an int, or def when it is unset or malformed.
func Int(key string, def int) int { // want Int:`silentDefault\(0 strconv.Atoi default=1\)`
	n, err := strconv.Atoi(Get(key, ""))
	if err != nil {
		return def
	}
	return n
}

// Duration returns key as a time.Duration, or def when it is unset or
// malformed.
func Duration(key string, def time.Duration) time.Duration { // want Duration:`silentDefault\(0 time.ParseDuration default=1\)`
	v := os.Getenv(key)
	d, err := time.ParseDuration(v)
	if err == nil {
		return d
	}
	return def
}

// Bool drops the error: a bad value is false.
func Bool(key string) bool { // want Bool:`silentDefault\(0 strconv.ParseBool value="false"\)`
	b, _ := strconv.ParseBool(os.Getenv("APP_" + key))
	return b
}

// Port falls back to a constant.
func Port(key string) int { // want Port:`silentDefault\(0 strconv.Atoi value="8080"\)`
	v := os.Getenv(key)
	if v == "" {
		return 8080
	}
	p, err := strconv.Atoi(v)
	if err != nil {
		return 8080
	}
	return p
}

// Workers calls a silent helper with its own key: it is silent too.
func Workers(key string) int { // want Workers:`silentDefault\(0 strconv.Atoi value="4"\)`
	return Int(key, 4)
}

// Negative twins: helpers that fail on a bad value.

// MustInt panics on a bad value.
func MustInt(key string, def int) int {
	v, ok := os.LookupEnv(key)
	if !ok {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		panic(fmt.Sprintf("%s: %v", key, err))
	}
	return n
}

// IntE returns the error.
func IntE(key string, def int) (int, error) {
	v, ok := os.LookupEnv(key)
	if !ok {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return 0, fmt.Errorf("%s: %w", key, err)
	}
	return n, nil
}

// FatalInt stops the program.
func FatalInt(key string, def int) int {
	n, err := strconv.Atoi(Get(key, strconv.Itoa(def)))
	if err != nil {
		log.Fatalf("%s: %v", key, err)
	}
	return n
}

// LoggedInt logs the bad value before it falls back: not silent.
func LoggedInt(key string, def int) int {
	n, err := strconv.Atoi(os.Getenv(key))
	if err != nil {
		log.Printf("%s: %v, using %d", key, err, def)
		return def
	}
	return n
}

// WarnedInt warns, without the error, before it falls back: not silent.
func WarnedInt(key string, def int) int {
	n, err := strconv.Atoi(os.Getenv(key))
	if err != nil {
		log.Println("invalid value for", key, "using the default")
		return def
	}
	return n
}

// Has parses nothing.
func Has(key string) bool {
	_, ok := os.LookupEnv(key)
	return ok
}

// Env reads keys under a prefix.
type Env struct{ Prefix string }

// Get is a method with a key parameter: it has a fact, which the
// importer's lookup asks of the method (its receiver is no parameter).
func (e Env) Get(key string) string { // want Get:`valueOf\(0\)`
	return os.Getenv(key)
}

// Port has no parameter: the key is its own, and no fact carries it.
func (e Env) Port() string {
	return os.Getenv("PORT")
}
