// Package thirdparty imports an allowed third-party cgo package, directly
// and through another module: nothing to report.
package thirdparty

import (
	"example.org/cgolib"
	"example.org/wrap"
)

// Sum uses both.
func Sum() int { return cgolib.Answer() + wrap.Answer() }
