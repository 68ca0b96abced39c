// Command urfavecodegangsta declares its flags' env keys through
// urfave/cli v1 imported as github.com/codegangsta/cli, its name before
// the project moved, as older programs do.
package main

import (
	"os"

	"github.com/codegangsta/cli"
)

// flagSpec has the field names of a urfave/cli flag but is the
// program's own type: its EnvVar names no key the library reads.
type flagSpec struct {
	Name   string
	EnvVar string
}

var specs = []flagSpec{{Name: "addr", EnvVar: "SPEC_ADDR"}}

func main() {
	a := cli.NewApp()
	a.Flags = []cli.Flag{
		cli.StringFlag{Name: "addr", Value: ":8080", EnvVar: "APP_ADDR, ADDR"}, // want `lookup "APP_ADDR" default ":8080" flag addr group APP_ADDR,ADDR loader urfave/cli` `lookup "ADDR" default ":8080" flag addr group APP_ADDR,ADDR loader urfave/cli`
		cli.IntFlag{Name: "workers", EnvVar: "APP_WORKERS"},                    // want `lookup "APP_WORKERS" flag workers loader urfave/cli`
		// No EnvVar: a command-line flag only.
		cli.StringFlag{Name: "name"},
	}
	_ = a.Run(os.Args)
}
