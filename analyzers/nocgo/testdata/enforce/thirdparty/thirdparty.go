package thirdparty // want package:`usesCgo\(via example\.org/cgolib, import "C" in cgolib\.go, reported\)`

import (
	"example.org/cgolib" // want `example\.org/cgolib uses cgo \(import "C" in cgolib\.go\), but cgo is forbidden by -nocgo\.enforce`
	"example.org/purelib"
)

// Use uses both.
func Use() int { h, _ := purelib.Home(); return cgolib.Answer() + len(h) }
