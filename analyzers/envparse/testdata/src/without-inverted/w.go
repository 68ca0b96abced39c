// Package w runs with -envparse.inverted=false: only the other rules'
// findings remain.
package w

import (
	"os"
	"strconv"
)

var swap bool

func Load() int {
	n, err := strconv.Atoi(os.Getenv("WORKER_COUNT")) // want `env key "WORKER_COUNT" falls back to 4 when strconv.Atoi cannot parse its value`
	if err != nil {
		n = 4
	}
	if b, err := strconv.ParseBool(os.Getenv("SWAP_ENABLE")); err != nil {
		swap = b
	}
	return n
}
