// Command ff4cmd parses a tree of ff v4 commands from the environment:
// Command.ParseAndRun parses the root's flags and those of the subcommand
// the arguments select, each under the same prefix.
package main

import (
	"context"
	"flag"
	"os"

	"github.com/peterbourgon/ff/v4"
)

func main() {
	rootFlags := ff.NewFlagSet("app")
	_ = rootFlags.Bool('v', "verbose", "log more") // want `read "APP_VERBOSE" flag verbose alt "APP_V" loader ff`
	root := &ff.Command{Name: "app", Flags: rootFlags}

	serveFlags := ff.NewFlagSet("serve").SetParent(rootFlags)
	_ = serveFlags.StringLong("http-addr", ":8080", "listen address") // want `read "APP_HTTP_ADDR" default ":8080" flag http-addr loader ff`
	serve := &ff.Command{Name: "serve", Flags: serveFlags}

	// A standard flag set, wrapped, and a command built by a function.
	std := flag.NewFlagSet("migrate", flag.ContinueOnError)
	_ = std.Int("steps", 1, "steps") // want `read "APP_STEPS" default "1" flag steps loader ff`
	migrate := &ff.Command{Name: "migrate", Flags: ff.NewFlagSetFrom("migrate", std)}
	migrate.Subcommands = []*ff.Command{newStatus(rootFlags)}

	root.Subcommands = append(root.Subcommands, serve, migrate)

	// A command no tree reaches: its flags are the command line's only.
	orphanFlags := ff.NewFlagSet("orphan")
	_ = orphanFlags.StringLong("orphan-key", "", "")
	_ = &ff.Command{Name: "orphan", Flags: orphanFlags}

	_ = root.ParseAndRun(context.Background(), os.Args[1:], ff.WithEnvVarPrefix("APP"))
}

func newStatus(parent *ff.FlagSet) *ff.Command {
	fs := ff.NewFlagSet("status").SetParent(parent)
	_ = fs.DurationLong("wait", 0, "wait") // want `read "APP_WAIT" default "0s" flag wait loader ff`
	return &ff.Command{Name: "status", Flags: fs}
}
