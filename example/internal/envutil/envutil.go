// Package envutil reads settings from the environment with defaults.
package envutil

import (
	"os"
	"strconv"
	"time"
)

// Get returns the value of key, or def when key is unset.
func Get(key, def string) string {
	if v, ok := os.LookupEnv(key); ok {
		return v
	}
	return def
}

// Int returns key as an int, or def when it is unset or malformed.
// Wrong: a malformed value (SMTP_PORT=58 7) runs as def without a word;
// an unset key may default, a bad one should stop the program.
func Int(key string, def int) int {
	n, err := strconv.Atoi(Get(key, ""))
	if err != nil {
		return def
	}
	return n
}

// Duration returns key as a time.Duration, or def.
func Duration(key string, def time.Duration) time.Duration {
	d, err := time.ParseDuration(Get(key, ""))
	if err != nil {
		return def
	}
	return d
}
