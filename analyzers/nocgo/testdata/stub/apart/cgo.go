//go:build cgo

// Package apart has a cgo-only file and a !cgo file that fails, but the
// second does not stand in for the first: they declare different
// functions, so nothing of the cgo build is replaced by a stub.
package apart

func Accelerated() bool { return true }
