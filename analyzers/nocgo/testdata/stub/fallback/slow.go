//go:build !cgo

package fallback

// Mode names the build; it mentions cgo in a call that does not fail.
var Mode = label("pure Go, without cgo")

func label(s string) string { return "sum: " + s }

// Sum is the pure-Go version used without cgo.
func Sum(xs []int) int {
	s := 0
	for _, x := range xs {
		s += x
	}
	return s
}
