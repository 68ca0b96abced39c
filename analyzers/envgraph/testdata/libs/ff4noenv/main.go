// Command ff4noenv parses a tree of ff v4 commands without an env
// option: its flags come from the command line only, and running the
// selected command reads nothing.
package main

import (
	"context"
	"os"

	"github.com/peterbourgon/ff/v4"
)

func main() {
	rootFlags := ff.NewFlagSet("app")
	_ = rootFlags.Bool('v', "verbose", "log more")
	subFlags := ff.NewFlagSet("sub").SetParent(rootFlags)
	_ = subFlags.StringLong("name", "", "")
	root := &ff.Command{
		Name:        "app",
		Flags:       rootFlags,
		Subcommands: []*ff.Command{{Name: "sub", Flags: subFlags}},
	}
	if err := root.Parse(os.Args[1:]); err != nil {
		os.Exit(2)
	}
	_ = root.Run(context.Background())
}
