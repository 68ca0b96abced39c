// Command loaders reads its configuration through caarlos0/env and
// urfave/cli: APP_TIMEOUT is no duration, APP_RATIOS has an element that
// is no number, APP_WORKERS is no integer; the others parse, are
// strings, or parse themselves (APP_LEVEL).
package main

import (
	"time"

	"github.com/caarlos0/env/v11"
	"github.com/urfave/cli"
)

type config struct {
	Port    uint16        `env:"APP_PORT"`
	Timeout time.Duration `env:"APP_TIMEOUT"`
	Ratios  []float64     `env:"APP_RATIOS" envSeparator:";"`
	Name    string        `env:"APP_NAME"`
	Level   level         `env:"APP_LEVEL"`
}

// level parses itself: its form is unknown.
type level int

func (l *level) UnmarshalText(b []byte) error { return nil }

var flags = []cli.Flag{
	cli.IntFlag{Name: "workers", EnvVar: "APP_WORKERS"},
	cli.StringFlag{Name: "name", EnvVar: "APP_FLAGNAME"},
}

func main() {
	var c config
	if err := env.Parse(&c); err != nil {
		panic(err)
	}
	_ = flags
}
