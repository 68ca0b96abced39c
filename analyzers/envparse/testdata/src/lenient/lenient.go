// Package lenient has an envvet.yaml that accepts a default on a bad
// value for FEATURE_RATIO only.
package lenient

import (
	"os"
	"strconv"
)

func Load() (float64, int) {
	r, _ := strconv.ParseFloat(os.Getenv("FEATURE_RATIO"), 64)
	n, _ := strconv.Atoi(os.Getenv("REDIS_TIMEOUT_MS")) // want `env key "REDIS_TIMEOUT_MS" is parsed by strconv.Atoi`
	return r, n
}
