// Package wrap stands for a third-party package that uses cgo only through
// its own import of a cgo package.
package wrap

import "example.org/cgolib"

// Answer forwards to cgolib.
func Answer() int { return cgolib.Answer() }
