package valuehelp // want package:`envPackage\(helpers\)`

// valuehelp declares helpers that accept a fixed list of values.

import (
	"fmt"
	"os"
	"strings"
)

// Format returns the log format the key names, and fails on any other.
func Format(key string) (string, error) { // want Format:`envHelper\(0:key/read type=enum\(json\|text\)\)`
	switch v := os.Getenv(key); v {
	case "json", "text":
		return v, nil
	default:
		return "", fmt.Errorf("%s=%q: want json or text", key, v)
	}
}

// Level compares in lower case.
func Level(key string) int { // want Level:`envHelper\(0:key/read type=enum\(debug\|info\)\)`
	switch strings.ToLower(os.Getenv(key)) {
	case "debug":
		return 0
	case "info":
		return 1
	}
	panic("bad level")
}

// Loose falls back to text on any other value: no set.
func Loose(key string) string { // want Loose:`envHelper\(0:key/read\)`
	switch v := os.Getenv(key); v {
	case "json":
		return v
	default:
		return "text"
	}
}
