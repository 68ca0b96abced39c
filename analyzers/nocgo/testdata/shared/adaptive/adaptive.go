// Package adaptive stands for a package such as github.com/ebitengine/purego
// that imports a cgo package only when cgo is on, and does without it when
// cgo is off: it is not a cause.
package adaptive

// Answer is 42.
func Answer() int { return answer() }
