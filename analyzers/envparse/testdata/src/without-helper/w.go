// Package w runs with -envparse.helper=false: only dropped parses remain.
package w

import (
	"os"
	"strconv"

	"envutil"
)

func Load() int {
	n, _ := strconv.Atoi(os.Getenv("REDIS_TIMEOUT_MS")) // want `env key "REDIS_TIMEOUT_MS" is parsed by strconv.Atoi`
	return n + envutil.Int("PORT", 8080)
}
