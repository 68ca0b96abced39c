// want package:"urfaveFlags\\(github.com/urfave/cli/v2: APP_DEBUG,DEBUG,WORKERS\\)"

// Package urfave2 holds the loader rule's urfave/cli v2 cases.
package urfave2

import (
	"context"
	"log"
	"os"

	"github.com/urfave/cli/v2"
)

func app() *cli.App {
	return &cli.App{
		Name: "srv",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "dsn", EnvVars: []string{"DATABASE_URL"}},
		},
		Commands: []*cli.Command{{
			Name: "serve",
			Flags: []cli.Flag{
				&cli.IntFlag{Name: "workers", EnvVars: []string{"WORKERS"}},
				&cli.BoolFlag{Name: "debug", EnvVars: []string{"DEBUG", "APP_DEBUG"}},
			},
		}},
	}
}

func main() {
	_ = app().Run(os.Args)                          // want `the error of cli.App.Run is dropped: a bad value of env key "APP_DEBUG", "DEBUG", "WORKERS" ends the run`
	app().RunContext(context.Background(), os.Args) // want `the error of cli.App.RunContext is dropped`
}

// Negative twin.
func checked() {
	if err := app().Run(os.Args); err != nil {
		log.Fatal(err)
	}
}
