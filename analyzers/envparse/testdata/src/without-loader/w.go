// Package w runs with -envparse.loader=false: only parses and helper
// calls remain.
package w

import (
	"os"
	"strconv"

	"github.com/caarlos0/env/v11"
)

type Config struct {
	Port int `env:"PORT"`
}

func Load() int {
	var c Config
	_ = env.Parse(&c)
	n, _ := strconv.Atoi(os.Getenv("REDIS_TIMEOUT_MS")) // want `env key "REDIS_TIMEOUT_MS" is parsed by strconv.Atoi`
	return n + c.Port
}
