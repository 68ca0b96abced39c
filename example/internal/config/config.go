// Package config loads the service's settings from the environment.
package config

import (
	"time"

	"github.com/caarlos0/env/v11"
)

// Config is the service's configuration.
type Config struct {
	Addr        string        `env:"HTTP_ADDR" envDefault:":8080"`
	ReadTimeout time.Duration `env:"HTTP_READ_TIMEOUT" envDefault:"5s"`
	// The manifest has no HTTP_WRITE_TIMEOUT: deployments leave it unset.
	WriteTimeout time.Duration `env:"HTTP_WRITE_TIMEOUT" envDefault:"10s"`
	DB           DB            `envPrefix:"DB_"`
	ReportsDB    string        `env:"REPORTS_DB" envDefault:"/var/lib/shop/reports.db"`
}

// DB holds the database settings, read with the DB_ prefix.
type DB struct {
	Host    string `env:"HOST,required"`
	User    string `env:"USER,required"`
	Name    string `env:"NAME" envDefault:"shop"`
	MaxOpen int    `env:"MAX_OPEN" envDefault:"10"`
}

// Load reads the configuration from the environment.
func Load() (Config, error) {
	var cfg Config
	err := env.Parse(&cfg)
	return cfg, err
}
