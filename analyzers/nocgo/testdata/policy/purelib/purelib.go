// Package purelib is thirdparty's negative twin: a pure-Go module that
// imports net and os/user is not a cause.
package purelib

import "example.org/purelib"

// Home uses purelib.
func Home() string { h, _ := purelib.Home(); return h }
