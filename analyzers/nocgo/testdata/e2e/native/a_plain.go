// Package native uses cgo itself.
package native

// Name names the implementation.
const Name = "native"
