package envgraph_test

import "testing"

// TestUsesEnv checks the fast path that skips packages whose identifiers
// denote no env function: it skips noenv, and keeps the references of a
// package that reaches env functions only through promoted methods and
// function values.
func TestUsesEnv(t *testing.T) {
	refsRun.Check(t, "noenv", "usesenv")
}
