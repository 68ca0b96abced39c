package urfave1

import "github.com/urfave/cli"

func app() *cli.App {
	a := cli.NewApp()
	a.Flags = []cli.Flag{
		cli.StringFlag{Name: "addr", Value: ":8080", EnvVar: "APP_ADDR, ADDR"}, // want `lookup "APP_ADDR" default ":8080" flag addr group APP_ADDR,ADDR loader urfave/cli` `lookup "ADDR" default ":8080" flag addr group APP_ADDR,ADDR loader urfave/cli`
		cli.IntFlag{Name: "port", EnvVar: "PORT"},                              // want `lookup "PORT" flag port loader urfave/cli`
		// No EnvVar: a command-line flag only.
		cli.StringFlag{Name: "name"},
	}
	return a
}
