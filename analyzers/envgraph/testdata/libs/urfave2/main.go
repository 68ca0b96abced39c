package main

import (
	"os"
	"time"

	"github.com/urfave/cli/v2"
)

var envs = []string{"APP_TOKEN", "TOKEN"}

func main() {
	app := &cli.App{
		Flags: []cli.Flag{
			&cli.StringFlag{
				Name:     "addr",
				Value:    ":8080",
				EnvVars:  []string{"APP_ADDR", "ADDR"}, // want `lookup "APP_ADDR" default ":8080" flag addr group APP_ADDR,ADDR loader urfave/cli` `lookup "ADDR" default ":8080" flag addr group APP_ADDR,ADDR loader urfave/cli`
				Required: false,
			},
			&cli.IntFlag{Name: "workers", Value: 4, EnvVars: []string{"APP_WORKERS"}},                    // want `lookup "APP_WORKERS" default "4" flag workers loader urfave/cli`
			&cli.DurationFlag{Name: "timeout", Value: 5 * time.Second, EnvVars: []string{"APP_TIMEOUT"}}, // want `lookup "APP_TIMEOUT" default "5s" flag timeout loader urfave/cli`
			&cli.StringFlag{Name: "db", Required: true, EnvVars: []string{"DATABASE_URL"}},               // want `lookup "DATABASE_URL" required flag db loader urfave/cli`
			&cli.StringFlag{Name: "token", EnvVars: envs},                                                // want `lookup "APP_TOKEN" flag token group APP_TOKEN,TOKEN loader urfave/cli` `lookup "TOKEN" flag token group APP_TOKEN,TOKEN loader urfave/cli`
			&cli.StringFlag{Name: "dyn", EnvVars: []string{os.Args[0]}},                                  // want `lookup dynamic os.Args\[0\] flag dyn loader urfave/cli`
			// No EnvVars: a command-line flag only.
			&cli.BoolFlag{Name: "verbose", Value: true},
			&cli.StringSliceFlag{Name: "tags", EnvVars: nil},
		},
	}
	_ = app.Run(os.Args)
}
