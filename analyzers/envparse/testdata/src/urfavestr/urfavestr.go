// Package urfavestr runs urfave/cli apps whose env-backed flags all take
// strings, or whose parsing flags read no environment: no value can fail,
// so a dropped error of Run loses no bad env value.
package urfavestr

import (
	"os"

	"github.com/urfave/cli"
)

func Strings() {
	app := cli.NewApp()
	app.Flags = []cli.Flag{
		cli.StringFlag{Name: "name", EnvVar: "APP_NAME"},
		cli.IntFlag{Name: "port", Value: 8080}, // flags only
	}
	app.Run(os.Args)
}
