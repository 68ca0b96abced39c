// Package w runs with -envparse.fallback=false: only the other rules'
// findings remain.
package w

import (
	"os"
	"strconv"
)

var swap bool

func Load() int {
	n, err := strconv.Atoi(os.Getenv("WORKER_COUNT"))
	if err != nil {
		n = 4
	}
	if b, err := strconv.ParseBool(os.Getenv("SWAP_ENABLE")); err != nil { // want `env key "SWAP_ENABLE": b from strconv.ParseBool is read only when the parse fails`
		swap = b
	}
	return n
}
