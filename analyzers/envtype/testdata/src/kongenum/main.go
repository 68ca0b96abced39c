// Command kongenum reads LOG_FORMAT through kong with enum:"json,text":
// jsn in .env.example is not one of them. MODE's enum is interpolated
// from kong.Vars, so its values are unknown.
package main

import "github.com/alecthomas/kong"

var cli struct {
	Format string `enum:"json,text" env:"LOG_FORMAT" default:"text"`
	Mode   string `enum:"${modes}" env:"MODE" default:"a"`
}

func main() {
	kong.Parse(&cli, kong.Vars{"modes": "a,b"})
}
