// want package:"urfaveFlags\\(github.com/codegangsta/cli: OLD_PORT; gopkg.in/urfave/cli.v1: GOPKG_PORT\\)"

// Package urfaveoldpaths holds the loader rule's urfave/cli v1 cases under
// the import paths older programs use, each with its negative twin.
package urfaveoldpaths

import (
	"log"
	"os"

	oldcli "github.com/codegangsta/cli"
	"gopkg.in/urfave/cli.v1"
)

func Dropped() {
	old := oldcli.NewApp()
	old.Flags = []oldcli.Flag{oldcli.IntFlag{Name: "port", EnvVar: "OLD_PORT"}}
	old.Run(os.Args) // want `the error of cli.App.Run is dropped: a bad value of env key "OLD_PORT" ends the run before the app's action, and the error is lost`

	app := cli.NewApp()
	app.Flags = []cli.Flag{cli.IntFlag{Name: "port", EnvVar: "GOPKG_PORT"}}
	_ = app.Run(os.Args) // want `the error of cli.App.Run is dropped: a bad value of env key "GOPKG_PORT"`
}

// Negative twins: the same apps, their errors fatal.
func Checked() {
	old := oldcli.NewApp()
	old.Flags = []oldcli.Flag{oldcli.IntFlag{Name: "port", EnvVar: "OLD_PORT"}}
	log.Fatal(old.Run(os.Args))

	app := cli.NewApp()
	app.Flags = []cli.Flag{cli.IntFlag{Name: "port", EnvVar: "GOPKG_PORT"}}
	if err := app.Run(os.Args); err != nil {
		log.Fatal(err)
	}
}
