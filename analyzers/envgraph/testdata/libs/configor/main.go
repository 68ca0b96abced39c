package main

import (
	"os"
	"time"

	"github.com/jinzhu/configor"
)

// Config is gotify's shape: nested structs under configor.New's
// ENVPrefix, each field read as GOTIFY_Server_Port, then GOTIFY_SERVER_PORT.
type Config struct {
	Server struct {
		Port int `default:"80"` // want `struct tag "GOTIFY_SERVER_PORT" default "80" field Config.Server.Port alt "GOTIFY_Server_Port" loader configor`
		SSL  struct {
			Enabled bool // want `struct tag "GOTIFY_SERVER_SSL_ENABLED" field Config.Server.SSL.Enabled alt "GOTIFY_Server_SSL_Enabled" loader configor`
		}
	}
	// env:"NAME" names the key alone, without the prefix.
	DatabaseURL string `env:"DATABASE_URL"` // want `struct tag "DATABASE_URL" field Config.DatabaseURL loader configor`
	// An upper-case name has no second form.
	TLS bool // want `struct tag "GOTIFY_TLS" field Config.TLS loader configor`
	// Unexported fields are not read; nor are slices of structs under
	// indexes, only whole.
	secret string
	Hosts  []struct{ Name string } // want `struct tag "GOTIFY_HOSTS" field Config.Hosts alt "GOTIFY_Hosts" loader configor`
	// A standard struct type is one value.
	Started time.Time // want `struct tag "GOTIFY_STARTED" field Config.Started alt "GOTIFY_Started" loader configor`
	// A nil pointer to a struct is skipped.
	Extra *struct{ Name string } // want `struct tag "GOTIFY_EXTRA" field Config.Extra alt "GOTIFY_Extra" loader configor`
}

// Base is embedded under its parent's prefix with anonymous:"true".
type Base struct {
	Level string // want `struct tag "CONFIGOR_LEVEL" field App.Base.Level alt "Configor_Level" loader configor`
}

// Named is embedded under its own name.
type Named struct {
	Level string // want `struct tag "CONFIGOR_NAMED_LEVEL" field App.Named.Level alt "Configor_Named_Level" loader configor`
}

// App is read by the package's Load, under the default prefix Configor.
type App struct {
	Base `anonymous:"true"`
	Named
}

// Plain has no prefix at all: ENVPrefix "-".
type Plain struct {
	PORT string // want `struct tag "PORT" field Plain.PORT loader configor`
}

// Dyn's prefix is not constant: its keys are not known.
type Dyn struct {
	Addr string // want `struct tag dynamic prefix field Dyn.Addr loader configor`
	Key  string `env:"DYN_KEY"` // want `struct tag "DYN_KEY" field Dyn.Key loader configor`
}

func main() {
	conf := new(Config)
	if err := configor.New(&configor.Config{ENVPrefix: "GOTIFY", Silent: true}).Load(conf, "config.yml"); err != nil {
		panic(err)
	}
	_ = conf.secret
	var app App
	_ = configor.Load(&app)
	c := configor.New(&configor.Config{ENVPrefix: "-"})
	var plain Plain
	_ = c.Load(&plain)
	prefix := os.Args[0]
	var dyn Dyn
	_ = configor.New(&configor.Config{ENVPrefix: prefix}).Load(&dyn)
	// Not a Load: reads no field.
	_ = configor.ENV()
}
