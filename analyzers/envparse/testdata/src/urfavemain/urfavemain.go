// Package urfavemain runs an app whose flags package urfaveflags declares.
package urfavemain

import (
	"log"
	"os"

	"github.com/urfave/cli/v2"

	"urfaveflags"
)

func main() {
	app := &cli.App{Name: "srv", Commands: []*cli.Command{urfaveflags.Serve}}
	app.Run(os.Args) // want `the error of cli.App.Run is dropped: a bad value of env key "SRV_WORKERS" ends the run before the app's action, and the error is lost`
}

// Negative twin.
func checked() {
	app := &cli.App{Name: "srv", Commands: []*cli.Command{urfaveflags.Serve}}
	if err := app.Run(os.Args); err != nil {
		log.Fatal(err)
	}
}
