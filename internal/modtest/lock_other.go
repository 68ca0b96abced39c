//go:build !unix

package modtest

// lock is not available: Build builds in a temporary directory instead.
func lock(string) (func(), error) { return nil, errNoShare }
