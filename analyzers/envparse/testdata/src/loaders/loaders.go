// Package loaders holds the loader rule's cases: a struct-tag loader or
// unmarshaler whose error is dropped, each beside its negative twin.
package loaders

import (
	"log"
	"time"

	"github.com/alecthomas/kong"
	"github.com/caarlos0/env/v11"
	"github.com/kelseyhightower/envconfig"
	"github.com/spf13/viper"
)

type Config struct {
	Port    int           `env:"PORT"`
	Timeout time.Duration `env:"TIMEOUT"`
}

type Spec struct {
	Workers int
}

func Dropped() {
	var cfg Config
	_ = env.Parse(&cfg)            // want `the error of env.Parse is dropped: a bad value of env key "PORT", "TIMEOUT" leaves its field unset and the program runs on`
	env.Parse(&cfg)                // want `the error of env.Parse is dropped`
	c2, _ := env.ParseAs[Config]() // want `the error of env.ParseAs is dropped`
	var s Spec
	envconfig.Process("app", &s) // want `the error of envconfig.Process is dropped: a bad value of env key "APP_WORKERS"`
	viper.BindEnv("workers", "WORKERS")
	_ = viper.Unmarshal(&s) // want `the error of viper.Unmarshal is dropped: a bad value of env key "WORKERS"`
	var cli struct {
		Level int `env:"LOG_LEVEL"`
	}
	k, _ := kong.New(&cli)
	ctx, _ := k.Parse(nil) // want `the error of kong.Kong.Parse is dropped`
	_, _ = c2, ctx
}

// Negative twins: the error is checked, returned, fatal.
func Checked() error {
	var cfg Config
	if err := env.Parse(&cfg); err != nil {
		return err
	}
	var s Spec
	if err := envconfig.Process("app", &s); err != nil {
		log.Fatal(err)
	}
	envconfig.MustProcess("app", &s)
	if err := viper.Unmarshal(&s); err != nil {
		return err
	}
	c2 := env.Must(env.ParseAs[Config]())
	_ = c2
	var cli struct {
		Level int `env:"LOG_LEVEL"`
	}
	kong.Parse(&cli) // exits on a bad value
	return nil
}
