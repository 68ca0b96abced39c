package main

import "github.com/alecthomas/kong"

type CLI struct {
	HTTPAddr string `default:":8080"` // want `struct tag "APP_HTTP_ADDR" default ":8080" field CLI.HTTPAddr flag http-addr loader kong`
	S3Bucket string `required:""`     // want `struct tag "APP_S_3_BUCKET" required field CLI.S3Bucket flag s-3-bucket loader kong`
	Token    string `env:"TOKEN"`     // want `struct tag "TOKEN" field CLI.Token flag token loader kong`
	NoEnv    string `env:"-"`
	File     string `arg:"" optional:""`
}

// An unnamed struct type: the fields are named after the variable.
var Globals struct {
	Level string `env:"LEVEL"` // want `struct tag "LEVEL" field Globals.Level flag level loader kong`
}

func main() {
	var cli CLI
	k := kong.Must(&cli, kong.DefaultEnvars("app"))
	_ = k
	_ = kong.Parse(&Globals)
}
