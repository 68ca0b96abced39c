package main

import (
	"os"

	"github.com/urfave/cli/v2"
)

func main() {
	app := &cli.App{
		Flags: []cli.Flag{
			// ADDR is declared: either key will do.
			&cli.StringFlag{Name: "addr", EnvVars: []string{"APP_ADDR", "ADDR"}},
			&cli.StringFlag{Name: "token", EnvVars: []string{"APP_TOKEN", "TOKEN"}}, // want `env key "APP_TOKEN" \(or "TOKEN"\) is not declared in .env.example`
			&cli.IntFlag{Name: "port", EnvVars: []string{"APP_PROT"}},               // want `env key "APP_PROT" is not declared in .env.example; did you mean "APP_PORT"\?`
			&cli.BoolFlag{Name: "verbose"},
		},
	}
	_ = app.Run(os.Args)
}
