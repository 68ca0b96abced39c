// Package withtest is pure Go; only its tests use a cgo package, and tests
// are not part of the released binary: nothing to report.
package withtest

// One is pure Go.
func One() int { return 1 }
