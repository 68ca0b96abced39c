// Package use hands h.Get a parse function of package secs: Second and
// Nested are reported through their parsesArg facts, Fixed is not.
package use

import (
	"time"

	"parseonly/h"
	"parseonly/secs"
)

func Config() (time.Duration, int, int) {
	timeout := h.Get("X_TIMEOUT", time.Second, secs.Second) // want `env key "X_TIMEOUT" is parsed by h.Get, which ignores a parse error: a bad value runs as time.Second`
	n := h.Get("X_N", 2, secs.Nested)                       // want `env key "X_N" is parsed by h.Get, which ignores a parse error: a bad value runs as 2`
	m := h.Get("X_M", 3, secs.Fixed)
	return timeout, n, m
}
