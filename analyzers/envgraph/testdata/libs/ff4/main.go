// Command ff4 reads its flags from the environment with ff v4: the env
// key of each name of a flag, long and short, under the prefix.
package main

import (
	"os"

	"github.com/peterbourgon/ff/v4"
)

func main() {
	fs := ff.NewFlagSet("app")
	_ = fs.String('a', "http-addr", ":8080", "listen address") // want `read "APP_HTTP_ADDR" default ":8080" flag http-addr alt "APP_A" loader ff`
	_ = fs.IntLong("workers", 4, "workers")                    // want `read "APP_WORKERS" default "4" flag workers loader ff`
	var debug bool
	fs.BoolVar(&debug, 'd', "debug", "debug") // want `read "APP_DEBUG" flag debug alt "APP_D" loader ff`
	_ = fs.BoolShort('v', "verbose")          // want `read "APP_V" flag v loader ff`
	// A flag set ff does not parse from the environment.
	other := ff.NewFlagSet("other")
	_ = other.StringLong("name", "", "")
	_ = ff.Parse(fs, os.Args[1:], ff.WithEnvVarPrefix("app"))
	_ = ff.Parse(other, os.Args[1:])
}
