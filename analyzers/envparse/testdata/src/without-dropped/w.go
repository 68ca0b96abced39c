// Package w runs with -envparse.dropped=false: only helper calls remain.
package w

import (
	"os"
	"strconv"

	"envutil"
)

func Load() int {
	n, _ := strconv.Atoi(os.Getenv("REDIS_TIMEOUT_MS"))
	return n + envutil.Int("PORT", 8080) // want `env key "PORT" is parsed by envutil.Int`
}
