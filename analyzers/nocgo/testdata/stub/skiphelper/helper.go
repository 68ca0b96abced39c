//go:build cgo

// Package skiphelper is a test helper: without cgo it skips the tests
// that need sqlite, which is no failure of the program (maddy's
// internal/storage/blob).
package skiphelper

type T interface{ Skip(args ...any) }

func RunStore(t T) {}
