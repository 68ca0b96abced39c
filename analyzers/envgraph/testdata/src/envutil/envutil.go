// Package envutil holds env helpers of the kinds real services write. // want package:`envPackage\(unprefixed helpers\)`
package envutil

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
)

// Int is declared before Get: the fixpoint resolves it anyway.
func Int(key string, def int) int { // want Int:`envHelper\(0:key/lookup via envutil.Get type=int 1:default\)`
	n, err := strconv.Atoi(Get(key, strconv.Itoa(def)))
	if err != nil {
		return def
	}
	return n
}

// Get returns the value of key, or def when key is unset.
func Get(key, def string) string { // want Get:`envHelper\(0:key/lookup 1:default\)`
	if v, ok := os.LookupEnv(key); ok {
		return v
	}
	return def
}

// String has its default fixed inside.
func String(key string) string { // want String:`envHelper\(0:key/lookup via envutil.Get default=""\)`
	return Get(key, "")
}

// Duration parses a duration with a default.
func Duration(key string, def time.Duration) time.Duration { // want Duration:`envHelper\(0:key/read type=duration 1:default\)`
	v := os.Getenv(key)
	if v == "" {
		return def
	}
	d, err := time.ParseDuration(v)
	if err != nil {
		return def
	}
	return d
}

// App reads APP_<key>.
func App(key string) string { // want App:`envHelper\(0:key/read="APP_"\+key\)`
	return os.Getenv("APP_" + key)
}

// Upper reads the upper-cased key with a suffix, through a variable.
func Upper(name string) string { // want Upper:`envHelper\(0:key/read=upper\(key\)\+"_FILE"\)`
	k := strings.ToUpper(name) + "_FILE"
	return os.Getenv(k)
}

// Set writes the environment.
func Set(key, value string) error { // want Set:`envHelper\(0:key/write\)`
	return os.Setenv(key, value)
}

// Source is a configuration source with a helper method.
type Source struct{ prefix string }

// Get is a method helper.
func (s *Source) Get(key string) string { // want Get:`envHelper\(0:key/read="SVC_"\+key\)`
	return os.Getenv("SVC_" + key)
}

// Zone has no parameter: it reads a key of its own, so it is no helper
// (its importers' lookup of a helper fact skips it).
func (s *Source) Zone() string {
	return os.Getenv(s.prefix)
}

// Or is a generic helper.
func Or[T any](key string, def T, parse func(string) (T, error)) T { // want Or:`envHelper\(0:key/read 1:default\)`
	v := os.Getenv(key)
	if v == "" {
		return def
	}
	t, err := parse(v)
	if err != nil {
		return def
	}
	return t
}

// Label has a string parameter that never reaches the environment.
func Label(name string) string {
	return "label:" + name
}

// Trimmed reassigns its parameter before reading: the key is not the
// argument any more, so it is no helper.
func Trimmed(key string) string {
	key = strings.TrimSpace(key)
	return os.Getenv(key)
}

// Getenv is a method called Getenv on a type of its own: not os.Getenv.
type Store map[string]string

func (s Store) Getenv(key string) string { return s[key] }

const xPrefix = "TASK_X_"

// Experiment builds its key with Sprintf.
func Experiment(name string) string { // want Experiment:`envHelper\(0:key/read="TASK_X_"\+key\)`
	envName := fmt.Sprintf("%s%s", xPrefix, name)
	return os.Getenv(envName)
}

// Setenv saves the old value before writing: a write helper.
func Setenv(key, value string) (restore func()) { // want Setenv:`envHelper\(0:key/write\)`
	old, had := os.LookupEnv(key)
	os.Setenv(key, value)
	return func() {
		if had {
			os.Setenv(key, old)
		} else {
			os.Unsetenv(key)
		}
	}
}

// First returns the first of keys that is set.
func First(keys ...string) string { // want First:`envHelper\(0:keys.../read\)`
	for _, k := range keys {
		if v := os.Getenv(k); v != "" {
			return v
		}
	}
	return ""
}

// AnyOf forwards its keys.
func AnyOf(def string, keys ...string) string { // want AnyOf:`envHelper\(1:keys.../read via envutil.First 0:default\)`
	if v := First(keys...); v != "" {
		return v
	}
	return def
}

// Either reads APP_<key>, then <key>.
func Either(key string) string { // want Either:`envHelper\(0:key/read 0:key/read="APP_"\+key\)`
	if v := os.Getenv("APP_" + key); v != "" {
		return v
	}
	return os.Getenv(key)
}

// Typed reads through one of two helpers: the chain stops where they part.
func Typed(key string, asInt bool) string { // want Typed:`envHelper\(0:key/lookup\)`
	if asInt {
		return strconv.Itoa(Int(key, 0))
	}
	return String(key)
}

// EnvOr gives the variable it returns def when the value is empty
// (pressly/goose's cmd/goose envOr).
func EnvOr(key, def string) string { // want EnvOr:`envHelper\(0:key/read 1:default\)`
	val := os.Getenv(key)
	if val == "" {
		val = def
	}
	return val
}

// LookupOr does the same when the key is unset.
func LookupOr(key, def string) string { // want LookupOr:`envHelper\(0:key/lookup 1:default\)`
	val, ok := os.LookupEnv(key)
	if !ok {
		val = def
	}
	return val
}

// Fallback starts from def and takes the value when the key is set.
func Fallback(key, def string) string { // want Fallback:`envHelper\(0:key/lookup 1:default\)`
	val := def
	if v, ok := os.LookupEnv(key); ok {
		val = v
	}
	return val
}

// Replace gives the variable sep when the value holds a comma, not when
// it is empty: sep is no default.
func Replace(key, sep string) string { // want Replace:`envHelper\(0:key/read\)`
	val := os.Getenv(key)
	if strings.Contains(val, ",") {
		val = sep
	}
	return val
}

// Suffixed starts from the value and appends sep: no default.
func Suffixed(key, sep string) string { // want Suffixed:`envHelper\(0:key/read\)`
	val := sep
	val = os.Getenv(key) + val
	return val
}

// Port parses Get(key, ""), which is "" when key is unset, and returns def
// when that fails: def is the default.
func Port(key string, def int) int { // want Port:`envHelper\(0:key/lookup via envutil.Get type=int 1:default\)`
	n, err := strconv.Atoi(Get(key, ""))
	if err != nil {
		return def
	}
	return n
}

// Workers parses Get(key, "4"): an unset key reads as 4, def only covers a
// malformed value.
func Workers(key string, def int) int { // want Workers:`envHelper\(0:key/lookup via envutil.Get type=int default="4"\)`
	n, err := strconv.Atoi(Get(key, "4"))
	if err != nil {
		return def
	}
	return n
}

// FirstIn returns the first of keys that is set (aws-sdk-go-v2's
// setStringFromEnvVal): a key-list parameter.
func FirstIn(dst *string, keys []string) { // want FirstIn:`envHelper\(1:keys\[\]/read\)`
	for _, k := range keys {
		if v := os.Getenv(k); len(v) > 0 {
			*dst = v
			break
		}
	}
}

// IntIn forwards its key list.
func IntIn(dst *int, keys []string) error { // want IntIn:`envHelper\(1:keys\[\]/read via envutil.FirstIn\)`
	var s string
	FirstIn(&s, keys)
	if s == "" {
		return nil
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return err
	}
	*dst = n
	return nil
}

// FirstOr gives its key list to a variadic helper.
func FirstOr(keys []string, def string) string { // want FirstOr:`envHelper\(0:keys\[\]/read via envutil.First 1:default\)`
	if v := First(keys...); v != "" {
		return v
	}
	return def
}

// Spread gives its ...string keys to a list helper.
func Spread(dst *string, keys ...string) { // want Spread:`envHelper\(1:keys.../read via envutil.FirstIn\)`
	FirstIn(dst, keys)
}

// Joined ranges over a []string that never reaches the environment.
func Joined(dst *string, names []string) {
	for _, n := range names {
		*dst += n
	}
}

// Shifted reassigns its list before ranging: its elements are no longer
// what the caller gave, so it is no key-list helper.
func Shifted(keys []string) string {
	keys = keys[1:]
	for _, k := range keys {
		if v := os.Getenv(k); v != "" {
			return v
		}
	}
	return ""
}
