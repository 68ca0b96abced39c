// Package logx picks the log format and level from the environment.
package logx

import (
	"fmt"
	"log"
	"os"
	"strings"
)

// Format returns LOG_FORMAT, which must be json or text.
func Format() (string, error) {
	switch f := os.Getenv("LOG_FORMAT"); f {
	case "json", "text":
		return f, nil
	default:
		return "", fmt.Errorf("LOG_FORMAT=%q: want json or text", f)
	}
}

var levels = map[string]int{"debug": 0, "info": 1, "warn": 2, "error": 3}

// Level reads LOG_LEVEL in any case.
func Level() int {
	lvl, ok := levels[strings.ToLower(os.Getenv("LOG_LEVEL"))]
	if !ok {
		log.Fatalf("LOG_LEVEL: want debug, info, warn or error")
	}
	return lvl
}

// Color falls back to auto on any other value: every value is accepted.
func Color() string {
	switch c := os.Getenv("LOG_COLOR"); c {
	case "always", "never":
		return c
	default:
		return "auto"
	}
}
