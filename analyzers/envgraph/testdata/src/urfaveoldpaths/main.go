// Command urfaveoldpaths declares its flags' env keys through urfave/cli
// v1 under the import paths older programs use: gopkg.in/urfave/cli.v1,
// and github.com/codegangsta/cli, the project's name before it moved.
package main

import (
	"os"

	cg "github.com/codegangsta/cli"
	"gopkg.in/urfave/cli.v1"
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

	b := cg.NewApp()
	b.Flags = []cg.Flag{
		cg.StringFlag{Name: "token", EnvVar: "OLD_TOKEN"},  // want `lookup "OLD_TOKEN" flag token loader urfave/cli`
		cg.IntFlag{Name: "retries", EnvVar: "OLD_RETRIES"}, // want `lookup "OLD_RETRIES" flag retries loader urfave/cli`
		cg.StringFlag{Name: "quiet"},
	}
	_ = b.Run(os.Args)
}
