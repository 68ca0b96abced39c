package store // want package:`usesCgo\(via example\.org/cgolib, import "C" in cgolib\.go, reported\)`

// Package store is no program: whether the released one imports it is not
// known here, so the module's release policy holds.

import "example.org/cgolib" // want `example\.org/cgolib uses cgo \(import "C" in cgolib\.go\), but CGO_ENABLED=0 is set in \.goreleaser\.yaml:3`

// Answer asks cgolib.
func Answer() int { return cgolib.Answer() }
