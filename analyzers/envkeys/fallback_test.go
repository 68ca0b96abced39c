package envkeys_test

import "testing"

// TestFallback checks that a key read only when a declared key is unset
// (a deprecated alias) is not reported, and that one whose primary key
// is undeclared too still is.
func TestFallback(t *testing.T) {
	defaults.Check(t, "fallback", "fallback/nocmp")
}
