// Package b calls envutil's helpers with constant keys.
package b

import (
	"os"
	"strconv"
	"time"

	"envutil"
)

type Config struct {
	Port    int
	Timeout time.Duration
	Debug   bool
	Workers int
}

const portKey = "PORT"

var defaultPort = 8080

func Load() (Config, error) {
	var c Config
	c.Port = envutil.Int(portKey, 8080)                    // want `env key "PORT" is parsed by envutil.Int, which ignores a parse error: a bad value runs as 8080`
	c.Timeout = envutil.Duration("TIMEOUT", 5*time.Second) // want `env key "TIMEOUT" is parsed by envutil.Duration, which ignores a parse error: a bad value runs as 5 \* time.Second`
	c.Debug = envutil.Bool("DEBUG")                        // want `env key "APP_DEBUG" is parsed by envutil.Bool, which ignores a parse error: a bad value runs as false`
	c.Workers = envutil.Workers("WORKERS")                 // want `env key "WORKERS" is parsed by envutil.Workers, which ignores a parse error: a bad value runs as 4`
	_ = envutil.Port("ADMIN_PORT")                         // want `env key "ADMIN_PORT" is parsed by envutil.Port, which ignores a parse error: a bad value runs as 8080`
	_ = envutil.Int("RETRIES", defaultPort)                // want `env key "RETRIES" is parsed by envutil.Int, which ignores a parse error: a bad value runs as defaultPort`

	// Negative twins: helpers that fail on a bad value.
	_ = envutil.MustInt("PORT", 8080)
	n, err := envutil.IntE("PORT", 8080)
	if err != nil {
		return c, err
	}
	_ = n
	_ = envutil.FatalInt("PORT", 8080)
	_ = envutil.LoggedInt("PORT", 8080)
	_ = envutil.WarnedInt("PORT", 8080)
	_ = envutil.Has("PORT")
	return c, nil
}

// A package-level call is reported too.
var limit = envutil.Int("RATE_LIMIT", 100) // want `env key "RATE_LIMIT" is parsed by envutil.Int`

// A value helper's result parsed here, error dropped: the direct rule.
func Direct() int {
	n, _ := strconv.Atoi(envutil.Get("CONNS", "10")) // want `env key "CONNS" is parsed by strconv.Atoi but the error is dropped`
	return n
}

// A helper of this package calling an imported one with its key: silent
// too, and reported at its own calls.
func knob(name string) int { // want knob:`silentDefault\(0 strconv.Atoi value="1"\)`
	return envutil.Int("KNOB_"+name, 1)
}

func Knobs() int {
	return knob("A") // want `env key "KNOB_A" is parsed by b.knob, which ignores a parse error: a bad value runs as 1`
}

// A dynamic key: nothing to name.
func Dynamic() (n int) {
	for _, k := range os.Args {
		n += envutil.Int(k, 0)
	}
	return n
}

// An imported method's value parsed, the error dropped; and its negative
// twin, a method without a key parameter, whose value has no known key.
func Methods(e envutil.Env) int {
	n, _ := strconv.Atoi(e.Get("SHARDS")) // want `env key "SHARDS" is parsed by strconv.Atoi but the error is dropped`
	m, _ := strconv.Atoi(e.Port())
	return n + m
}

// first calls second, declared after it, which calls third: a chain that
// takes infer's rounds to resolve, whose last round's sites are reported.
func first(name string) int { // want first:`silentDefault\(0 strconv.Atoi value="0"\)`
	return second("FIRST_" + name)
}

func second(name string) int { // want second:`silentDefault\(0 strconv.Atoi value="0"\)`
	return third(name)
}

func third(name string) int { // want third:`silentDefault\(0 strconv.Atoi value="0"\)`
	n, _ := strconv.Atoi(os.Getenv(name))
	return n
}

func Chain() int {
	return first("X") // want `env key "FIRST_X" is parsed by b.first, which ignores a parse error: a bad value runs as 0`
}

// Its negative twin: the last helper of the chain checks the error.
func firstChecked(name string) (int, error) {
	return secondChecked("FIRST_" + name)
}

func secondChecked(name string) (int, error) {
	return strconv.Atoi(os.Getenv(name))
}

func ChainChecked() (int, error) {
	return firstChecked("Y")
}
