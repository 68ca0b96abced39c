// Package adaptive is thirdparty's other negative twin: it imports a
// package that uses cgo only when cgo is on, and has its own file that
// imports a cgo package only when cgo is on. Neither is a cause.
package adaptive

import "example.org/adaptive"

// Answer uses adaptive.
func Answer() int { return adaptive.Answer() + local() }
