// Command urfave1 declares its keys with urfave/cli v1's EnvVar: "A, B",
// a comma-separated list.
package main

import (
	"os"

	"github.com/urfave/cli"
)

func main() {
	app := cli.NewApp()
	app.Flags = []cli.Flag{
		cli.StringFlag{Name: "addr", Value: ":8080", EnvVar: "APP_ADDR, ADDR"}, // want `lookup "APP_ADDR" default ":8080" flag addr group APP_ADDR,ADDR loader urfave/cli` `lookup "ADDR" default ":8080" flag addr group APP_ADDR,ADDR loader urfave/cli`
		cli.IntFlag{Name: "workers", EnvVar: "APP_WORKERS"},                    // want `lookup "APP_WORKERS" flag workers loader urfave/cli`
		&cli.BoolFlag{Name: "debug", EnvVar: "APP_DEBUG"},                      // want `lookup "APP_DEBUG" flag debug loader urfave/cli`
		// No EnvVar: a command-line flag only.
		cli.StringFlag{Name: "name"},
	}
	_ = app.Run(os.Args)
}
