//go:build cgo

package adaptive

import "example.org/cgolib"

func local() int { return cgolib.Answer() }
