package main

import (
	"context"
	"flag"
	"os"

	"github.com/peterbourgon/ff/v3"
	"github.com/peterbourgon/ff/v3/ffcli"
)

func main() {
	rootFlags := flag.NewFlagSet("root", flag.ExitOnError)
	token := rootFlags.String("token", "", "API token") // want `read "TOKEN" default "" flag token loader ff`
	root := &ffcli.Command{
		FlagSet: rootFlags,
		Options: []ff.Option{ff.WithEnvVars()},
		Exec:    func(context.Context, []string) error { return nil },
	}
	// No env option: a command-line flag only.
	quietFlags := flag.NewFlagSet("quiet", flag.ExitOnError)
	_ = quietFlags.Int("n", 1, "")
	root.Subcommands = []*ffcli.Command{{FlagSet: quietFlags}}
	_ = token
	_ = root.ParseAndRun(context.Background(), os.Args[1:])
}
