//go:build !cgo

package cgolib

// Answer is the stub that CGO_ENABLED=0 builds select: it fails at run time.
func Answer() int { panic("cgolib requires cgo") }
