package main

import "github.com/alecthomas/kong"

type DB struct {
	Host string `env:"HOST" default:"localhost"` // want `struct tag "DB_HOST" default "localhost" field CLI.DB.Host flag db-host loader kong`
	Pass string `env:"PASSWORD" required:""`     // want `struct tag "DB_PASSWORD" required field CLI.DB.Pass flag db-pass loader kong`
}

type Serve struct {
	Port int `env:"PORT,HTTP_PORT" default:"8080"` // want `struct tag "PORT" default "8080" field CLI.Serve.Port flag port group PORT,HTTP_PORT loader kong` `struct tag "HTTP_PORT" default "8080" field CLI.Serve.Port flag port group PORT,HTTP_PORT loader kong`
}

type CLI struct {
	Debug bool   `env:"APP_DEBUG" help:"debug"`     // want `struct tag "APP_DEBUG" field CLI.Debug flag debug loader kong`
	Level string `name:"log-level" env:"LOG_LEVEL"` // want `struct tag "LOG_LEVEL" field CLI.Level flag log-level loader kong`
	DB    DB     `embed:"" prefix:"db-" envprefix:"DB_"`
	Serve Serve  `cmd:"" help:"serve"`
	// No env tag and no DefaultEnvars: a command-line flag only.
	Verbose bool   `short:"v"`
	Ignored string `kong:"-" env:"IGNORED"`
}

func main() {
	var cli CLI
	_ = kong.Parse(&cli)
}
