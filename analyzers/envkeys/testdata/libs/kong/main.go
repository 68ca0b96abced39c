package main

import "github.com/alecthomas/kong"

type CLI struct {
	HTTPAddr string `default:":8080"`
	DBURL    string `env:"DATABASE_URL,DB_URL" required:""`
	Region   string `env:"APP_REGOIN"` // want `env key "APP_REGOIN" is not declared in .env.example; did you mean "APP_REGION"\?`
}

func main() {
	var cli CLI
	_ = kong.Parse(&cli, kong.DefaultEnvars("APP"))
}
