//go:build cgo

package adaptive

import "example.org/cgolib"

func answer() int { return cgolib.Answer() }
