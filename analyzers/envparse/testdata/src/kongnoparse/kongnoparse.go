// Package kongnoparse is kongexpr's twin without the Parse: kong.New
// alone reads no environment, so a bad WORKERS gets to the code's parse.
package kongnoparse

import (
	"log"
	"os"
	"strconv"

	"github.com/alecthomas/kong"
)

type options struct {
	Workers int `env:"WORKERS"`
}

func Main() int {
	var opts options
	k, err := kong.New(&opts)
	if err != nil {
		log.Fatal(err)
	}
	_ = k
	workers, _ := strconv.Atoi(os.Getenv("WORKERS")) // want `env key "WORKERS" is parsed by strconv.Atoi but the error is dropped`
	return workers + opts.Workers
}
