// Package envutil is a typical helper package: its functions read the key
// they are given.
package envutil

import (
	"os"
	"strconv"
)

// Get returns the value of key, or def when it is unset.
func Get(key, def string) string {
	if v, ok := os.LookupEnv(key); ok {
		return v
	}
	return def
}

// Int returns key as an int, or def.
func Int(key string, def int) int {
	n, err := strconv.Atoi(Get(key, ""))
	if err != nil {
		return def
	}
	return n
}

// Label has a string parameter that never reaches the environment.
func Label(key string) string { return "label:" + key }
