package a

import (
	"os"
	"strconv"
)

// LogLevel tries the value as a bool, then as a number (ollama's
// OLLAMA_DEBUG): the bool parse's error only hands the value on, and
// the bad value is lost at the last parse of the chain.
func LogLevel() int {
	level := 0
	if s := os.Getenv("APP_DEBUG"); s != "" {
		if b, _ := strconv.ParseBool(s); b {
			level = 1
		} else if i, _ := strconv.Atoi(s); i != 0 { // want `env key "APP_DEBUG" is parsed by strconv.Atoi but the error is dropped: a bad value runs as 0`
			level = i
		}
	}
	return level
}

// Negative twin of the chain: the else parses nothing, so the bool
// parse is where a bad value is lost.
func Verbose() bool {
	if b, _ := strconv.ParseBool(os.Getenv("APP_VERBOSE")); b { // want `env key "APP_VERBOSE" is parsed by strconv.ParseBool but the error is dropped: a bad value runs as false`
		return true
	} else {
		return os.Getenv("APP_QUIET") == ""
	}
}
