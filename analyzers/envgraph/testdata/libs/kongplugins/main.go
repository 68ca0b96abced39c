package main

import (
	"os"

	"github.com/alecthomas/kong"
)

// kong.Plugins embeds grammars, it is no flag: its elements' flags are
// read with the grammar's options.
type CLI struct {
	Addr string `default:":8080"` // want `struct tag "APP_ADDR" default ":8080" field CLI.Addr flag addr loader kong`
	kong.Plugins

	// Embedded with embed:"", the plugins' flags take its prefixes.
	Extra kong.Plugins `embed:"" prefix:"extra-" envprefix:"X_"`

	// Neither a named non-struct nor an interface embeds a flag.
	Level
	Provider

	Skipped string `kong:"-"`
	NoEnv   string `env:"-"`

	DB DB `embed:"" prefix:"db-" envprefix:"DB_"`

	Serve Serve `cmd:"" envprefix:"SERVE_" prefix:"serve-"`
}

type Level string

type Provider interface{ Name() string }

type DB struct {
	// envprefix applies to env tags; DefaultEnvars names the key after
	// the flag, db-name.
	Host string `env:"HOST"` // want `struct tag "DB_HOST" field CLI.DB.Host flag db-host loader kong`
	Name string // want `struct tag "APP_DB_NAME" field CLI.DB.Name flag db-name loader kong`
}

// A command's flags keep their names: its prefix tag names the command.
type Serve struct {
	Port    int    `env:"PORT"` // want `struct tag "SERVE_PORT" field CLI.Serve.Port flag port loader kong`
	Workers int    // want `struct tag "APP_WORKERS" field CLI.Serve.Workers flag workers loader kong`
	Dir     string `arg:"" optional:""`
}

var pgFlags struct {
	PostgreSQLURL string `name:"postgresql-url" default:"postgres://127.0.0.1:5432/app"` // want `struct tag "APP_POSTGRESQL_URL" default "postgres://127.0.0.1:5432/app" field pgFlags.PostgreSQLURL flag postgresql-url loader kong`
}

type SQLite struct {
	Path string `env:"PATH_FILE"` // want `struct tag "X_PATH_FILE" field SQLite.Path flag extra-path loader kong`
}

// Plugins whose structs come from a map: unknown, so no key.
var byName = map[string]any{}

type Hidden struct {
	Secret string
}

func main() {
	var cli CLI
	cli.Plugins = append(cli.Plugins, &pgFlags)
	cli.Extra = kong.Plugins{&SQLite{}}
	for _, h := range byName {
		cli.Plugins = append(cli.Plugins, h)
	}
	byName["hidden"] = &Hidden{}
	_ = kong.Parse(&cli, kong.DefaultEnvars("APP"))
	_ = os.Args
}
