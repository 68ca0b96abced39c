// want package:"urfaveFlags\\(github.com/urfave/cli/v3: PORT,TIMEOUT\\)"

// Package urfave3 holds the loader rule's urfave/cli v3 cases.
package urfave3

import (
	"context"
	"fmt"
	"os"

	"github.com/urfave/cli/v3"
)

func cmd() *cli.Command {
	return &cli.Command{
		Name: "srv",
		Flags: []cli.Flag{
			&cli.IntFlag{Name: "port", Sources: cli.EnvVars("PORT")},
			&cli.DurationFlag{Name: "timeout", Sources: cli.NewValueSourceChain(cli.EnvVar("TIMEOUT"))},
			&cli.StringFlag{Name: "host", Sources: cli.EnvVars("HOST")},
		},
	}
}

func main() {
	cmd().Run(context.Background(), os.Args) // want `the error of cli.Command.Run is dropped: a bad value of env key "PORT", "TIMEOUT" ends the run`
}

// Negative twin.
func checked() {
	if err := cmd().Run(context.Background(), os.Args); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
