// want package:"urfaveFlags\\(github.com/urfave/cli: APP_PORT,APP_TIMEOUT,PORT\\)"

// Package urfave holds the loader rule's urfave/cli v1 cases: an app
// whose flags read the environment, run with its error dropped, beside
// the negative twins that check it.
package urfave

import (
	"fmt"
	"log"
	"os"

	"github.com/urfave/cli"
)

const timeoutKey = "APP_TIMEOUT"

func newApp() *cli.App {
	app := cli.NewApp()
	app.Flags = []cli.Flag{
		cli.IntFlag{Name: "port", Value: 8080, EnvVar: "PORT, APP_PORT"},
		cli.DurationFlag{Name: "timeout", EnvVar: timeoutKey},
		cli.StringFlag{Name: "name", EnvVar: "APP_NAME"}, // any string parses
	}
	return app
}

func Dropped() {
	app := newApp()
	app.Run(os.Args)        // want `the error of cli.App.Run is dropped: a bad value of env key "APP_PORT", "APP_TIMEOUT", "PORT" ends the run before the app's action, and the error is lost`
	_ = app.Run(os.Args)    // want `the error of cli.App.Run is dropped`
	err := app.Run(os.Args) // want `the error of cli.App.Run is dropped`
	_ = err
	err = nil
}

// Negative twins: the error is fatal, checked, logged or returned.
func Checked() error {
	app := newApp()
	log.Fatal(app.Run(os.Args))
	if err := app.Run(os.Args); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	err := app.Run(os.Args)
	if err != nil {
		log.Printf("run: %v", err)
	}
	cli.HandleExitCoder(app.Run(os.Args))
	app.RunAndExitOnError()
	return app.Run(os.Args)
}
