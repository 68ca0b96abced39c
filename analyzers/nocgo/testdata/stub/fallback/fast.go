//go:build cgo

// Package fallback has a pure-Go version for the build without cgo that
// works: nothing to report.
package fallback

func Sum(xs []int) int {
	s := 0
	for _, x := range xs {
		s += x
	}
	return s
}
