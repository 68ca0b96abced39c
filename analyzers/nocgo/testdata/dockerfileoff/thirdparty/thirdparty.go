package thirdparty // want package:`usesCgo\(via example\.org/cgolib, import "C" in cgolib\.go\)`

import (
	"example.org/cgolib"
	"example.org/wrap"
)

// Sum uses both.
func Sum() int { return cgolib.Answer() + wrap.Answer() }
