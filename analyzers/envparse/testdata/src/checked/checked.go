// Package checked holds keys that a struct-tag loader parses, and stops
// on, before the code parses them again (syncthing's STRECHECKDBEVERY, a
// kong field and a time.ParseDuration of os.Getenv).
package checked

import (
	"log"
	"os"
	"strconv"
	"time"

	"github.com/alecthomas/kong"
	"github.com/caarlos0/env/v11"
)

type options struct {
	Recheck  time.Duration `env:"RECHECK_EVERY"`
	Workers  int           `env:"WORKERS"`
	Name     string        `env:"NODE_NAME"`
	Interval int           `env:"GC_INTERVAL"`
}

func Main() {
	var opts options
	k, err := kong.New(&opts)
	if err != nil {
		log.Fatal(err)
	}
	if _, err := k.Parse(os.Args[1:]); err != nil {
		log.Fatal(err)
	}
	serve(opts)
}

func serve(opts options) {
	recheck := opts.Recheck
	// kong has already stopped on a bad RECHECK_EVERY: quiet.
	if d, err := time.ParseDuration(os.Getenv("RECHECK_EVERY")); err == nil {
		recheck = d
	}
	workers, _ := strconv.Atoi(os.Getenv("WORKERS")) // kong stopped on a bad WORKERS: quiet
	// Negative twins: kong reads NODE_NAME as a string, and GC_INTERVAL
	// as a number, not a duration: a bad value gets here.
	replicas, _ := strconv.Atoi(os.Getenv("NODE_NAME")) // want `env key "NODE_NAME" is parsed by strconv.Atoi but the error is dropped`
	gc := time.Minute
	if d, err := time.ParseDuration(os.Getenv("GC_INTERVAL")); err == nil { // want `env key "GC_INTERVAL" falls back to its default when time.ParseDuration cannot parse its value`
		gc = d
	}
	_, _, _, _ = recheck, workers, replicas, gc
}

type limits struct {
	MaxConns int `env:"MAX_CONNS"`
}

// caarlos0/env stops on a bad MAX_CONNS where its error is returned.
func Limits() (int, error) {
	var l limits
	if err := env.Parse(&l); err != nil {
		return 0, err
	}
	n, _ := strconv.Atoi(os.Getenv("MAX_CONNS"))
	return n, nil
}
