package checked

import (
	"os"
	"strconv"

	"github.com/caarlos0/env/v11"
)

type flags struct {
	Retries int `env:"RETRIES"`
}

// A loader whose error is dropped checks nothing: the parse after it is
// still reported, and so is the loader.
func Dropped() int {
	var f flags
	_ = env.Parse(&f)                          // want `the error of env.Parse is dropped`
	n, _ := strconv.Atoi(os.Getenv("RETRIES")) // want `env key "RETRIES" is parsed by strconv.Atoi but the error is dropped`
	return n + f.Retries
}
