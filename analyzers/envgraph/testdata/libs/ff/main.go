package main

import (
	"flag"
	"os"
	"time"

	"github.com/peterbourgon/ff/v3"
)

func main() {
	fs := flag.NewFlagSet("app", flag.ExitOnError)
	addr := fs.String("http-addr", ":8080", "listen address") // want `read "APP_HTTP_ADDR" default ":8080" flag http-addr loader ff`
	var debug bool
	fs.BoolVar(&debug, "debug", false, "debug")                    // want `read "APP_DEBUG" default "false" flag debug loader ff`
	_ = fs.Duration("log.interval", time.Minute, "")               // want `read "APP_LOG_INTERVAL" default "1m0s" flag log.interval loader ff`
	fs.Func("tag", "add a tag", func(string) error { return nil }) // want `read "APP_TAG" flag tag loader ff`
	// A flag of another set: not read from the environment.
	other := flag.NewFlagSet("other", flag.ExitOnError)
	_ = other.String("name", "", "")
	_ = ff.Parse(fs, os.Args[1:], ff.WithEnvVarPrefix("app"))
	_ = addr
	_ = ff.Parse(other, os.Args[1:])
	sliced()
}

// sliced gives ff.Parse its options as a slice built in steps.
func sliced() {
	var user string
	flag.StringVar(&user, "user", "me", "") // want `read "SLICED_USER" default "me" flag user loader ff`
	opts := []ff.Option{ff.WithConfigFileFlag("config")}
	if len(os.Args) > 2 {
		opts = append(opts, ff.WithEnvVarPrefix("SLICED"))
	}
	_ = ff.Parse(flag.CommandLine, os.Args[1:], opts...)
}
