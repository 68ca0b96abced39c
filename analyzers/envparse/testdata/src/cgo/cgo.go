// Package cgo checks that envparse works in a cgo file.
package cgo

// static int answer(void) { return 42; }
import "C"

import (
	"os"
	"strconv"
)

func Threads() int {
	n, _ := strconv.Atoi(os.Getenv("THREADS")) // want `env key "THREADS" is parsed by strconv.Atoi but the error is dropped`
	return n + int(C.answer())
}
