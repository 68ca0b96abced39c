package thirdparty // want package:`usesCgo\(via example\.org/cgolib, import "C" in cgolib\.go, reported\)`

import (
	"example.org/cgolib" // want `example\.org/cgolib uses cgo \(import "C" in cgolib\.go\), but CGO_ENABLED=0 is set in Dockerfile:6`
	"example.org/wrap"   // want `example\.org/wrap uses cgo through example\.org/cgolib \(import "C" in cgolib\.go\), but CGO_ENABLED=0 is set in Dockerfile:6`
)

// Sum uses both.
func Sum() int { return cgolib.Answer() + wrap.Answer() }
