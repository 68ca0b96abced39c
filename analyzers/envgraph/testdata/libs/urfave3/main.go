package main

import (
	"context"
	"os"

	"github.com/urfave/cli/v3"
)

func main() {
	cmd := &cli.Command{
		Flags: []cli.Flag{
			&cli.StringFlag{
				Name:    "addr",
				Value:   ":8080",
				Sources: cli.EnvVars("APP_ADDR", "ADDR"), // want `lookup "APP_ADDR" default ":8080" flag addr group APP_ADDR,ADDR loader urfave/cli` `lookup "ADDR" default ":8080" flag addr group APP_ADDR,ADDR loader urfave/cli`
			},
			&cli.IntFlag{Name: "workers", Required: true, Sources: cli.NewValueSourceChain(cli.EnvVar("APP_WORKERS"), cli.File("/etc/workers"))}, // want `lookup "APP_WORKERS" required flag workers loader urfave/cli`
			// No Sources: a command-line flag only.
			&cli.BoolFlag{Name: "verbose"},
			&cli.StringFlag{Name: "files", Sources: cli.Files("/etc/a")},
		},
	}
	// A chain built apart from its flag.
	chain := cli.EnvVars("APP_REGION") // want `lookup "APP_REGION" loader urfave/cli`
	_ = chain
	_ = cmd.Run(context.Background(), os.Args)
}
