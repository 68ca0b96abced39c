package engine

// NoCarry makes every run of e build its graph with newGraph, for tests
// that compare a run carried over (carryOver) with the same run built.
func NoCarry(e *Engine) { e.noCarry = true }

// Carried reports whether e's last run was carried over from the one before.
func Carried(e *Engine) bool { return e.carried }
