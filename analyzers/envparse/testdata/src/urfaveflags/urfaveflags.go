// want package:"urfaveFlags\\(github.com/urfave/cli/v2: SRV_WORKERS\\)"

// Package urfaveflags declares the flags of an app that another package
// runs (buildkite agent's clicommand, cloudflared's tunnel).
package urfaveflags

import "github.com/urfave/cli/v2"

var Workers = &cli.IntFlag{Name: "workers", EnvVars: []string{"SRV_WORKERS"}}

var Name = &cli.StringFlag{Name: "name", EnvVars: []string{"SRV_NAME"}} // any string parses

var Serve = &cli.Command{Name: "serve", Flags: []cli.Flag{Workers, Name}}
