// Package fixes holds dropped parse errors with a safe fix, and the
// nearest ones without.
package fixes

import (
	"encoding/json"
	"os"
	"strconv"
	"time"
)

type Config struct{ Hosts []string }

// A function returning an error last: the fix returns it, wrapped with
// the key, and imports fmt.
func Timeout() (time.Duration, error) {
	ms, _ := strconv.Atoi(os.Getenv("REDIS_TIMEOUT_MS")) // want `env key "REDIS_TIMEOUT_MS" is parsed by strconv.Atoi but the error is dropped: a bad value runs as 0`
	return time.Duration(ms) * time.Millisecond, nil
}

// A parse that is a statement of its own gets an if around it.
func Load(c *Config) (*Config, bool, error) {
	json.Unmarshal([]byte(os.Getenv("APP_CONFIG")), c) // want `env key "APP_CONFIG" is parsed by json.Unmarshal but the error is dropped`
	return c, true, nil
}

// No error to return: reported, but no fix.
func Workers() int {
	n, _ := strconv.Atoi(os.Getenv("WORKERS")) // want `env key "WORKERS" is parsed by strconv.Atoi but the error is dropped`
	return n
}

// err is already declared in the scope: no fix.
func Debug() (bool, error) {
	var err error
	on, _ := strconv.ParseBool(os.Getenv("DEBUG")) // want `env key "DEBUG" is parsed by strconv.ParseBool but the error is dropped`
	return on, err
}

// A struct result has no literal zero value: no fix.
func Window() (Config, error) {
	n, _ := strconv.Atoi(os.Getenv("WINDOW")) // want `env key "WINDOW" is parsed by strconv.Atoi but the error is dropped`
	return Config{Hosts: make([]string, n)}, nil
}

// A statement that shares its line: no fix.
func Inline(c *Config) error {
	func() { json.Unmarshal([]byte(os.Getenv("APP_EXTRA")), c) }() // want `env key "APP_EXTRA" is parsed by json.Unmarshal but the error is dropped`
	return nil
}
