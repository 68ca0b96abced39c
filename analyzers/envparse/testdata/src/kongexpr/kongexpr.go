// Package kongexpr calls (*kong.Kong).Parse as a method expression and
// reads its error: kong stops on a bad WORKERS before the code parses it
// again (as checked's k.Parse does).
package kongexpr

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
	if _, err := (*kong.Kong).Parse(k, os.Args[1:]); err != nil {
		log.Fatal(err)
	}
	workers, _ := strconv.Atoi(os.Getenv("WORKERS")) // kong stopped on a bad WORKERS: quiet
	return workers + opts.Workers
}
