// Package parserarguse hands parses to another package's helper that
// takes its parse as an argument.
package parserarguse

import (
	"strconv"
	"time"

	"parserarg"
)

func Config() {
	timeout := parserarg.Get("X_TIMEOUT", time.Second, parserarg.ParseSecond) // want `env key "X_TIMEOUT" is parsed by parserarg.Get, which ignores a parse error: a bad value runs as time.Second`
	n := parserarg.Get("X_WORKERS", 3, strconv.Atoi)                          // want `env key "X_WORKERS" is parsed by parserarg.Get, which ignores a parse error: a bad value runs as 3`
	zone := parserarg.Get("X_ZONE", "z", parserarg.ParseString)               // a string check: no bad value
	id := parserarg.Get("X_ID", "z", func(s string) (string, error) { return s, nil })
	_, _, _, _ = timeout, n, zone, id
}
