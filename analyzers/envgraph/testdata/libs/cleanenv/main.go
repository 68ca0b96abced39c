package main

import (
	"time"

	"github.com/ilyakaznacheev/cleanenv"
)

type Database struct {
	Host string `yaml:"host" env:"HOST" env-default:"localhost" env-description:"database host"` // want `struct tag "DB_HOST" default "localhost" field Config.DB.Host desc "database host" loader cleanenv`
	Pass string `env:"PASSWORD" env-required:"true"`                                             // want `struct tag "DB_PASSWORD" field Config.DB.Pass loader cleanenv`
}

type Config struct {
	Port    int           `env:"PORT,HTTP_PORT" env-default:"8080"` // want `struct tag "PORT" default "8080" field Config.Port group PORT,HTTP_PORT loader cleanenv` `struct tag "HTTP_PORT" default "8080" field Config.Port group PORT,HTTP_PORT loader cleanenv`
	Timeout time.Duration `env:"TIMEOUT" env-upd:""`                // want `struct tag "TIMEOUT" field Config.Timeout loader cleanenv`
	Started time.Time     `env:"STARTED" env-layout:"2006-01-02"`   // want `struct tag "STARTED" field Config.Started loader cleanenv`
	DB      Database      `env-prefix:"DB_"`
	// No env tag: filled from the file only.
	Name string `yaml:"name"`
}

// Env is read from the environment alone: env-required fails when the
// key is unset (the twin of Config.DB.Pass, which ReadConfig's file may set).
type Env struct {
	Token string `env:"TOKEN" env-required:"true"` // want `struct tag "TOKEN" required field Env.Token loader cleanenv`
}

type Reload struct {
	Level string `env:"LEVEL" env-upd:""` // want `struct tag "LEVEL" field Reload.Level loader cleanenv`
	Fixed string `env:"FIXED"`
}

func main() {
	var cfg Config
	_ = cleanenv.ReadConfig("config.yml", &cfg)
	var e Env
	_ = cleanenv.ReadEnv(&e)
	var r Reload
	_ = cleanenv.UpdateEnv(&r)
	// Usage reads no key.
	_ = cleanenv.Usage(&cfg, nil)
	_, _ = both()
	_, _ = initGlobal(), reload()
}

// Both is read from a file and then from the environment: a field the
// file sets is not zero, so ReadEnv's env-required does not fail, and the
// environment need not set the key (the twin of Env.Token).
type Both struct {
	Name string `env:"APP_NAME" env-required:"true"` // want `struct tag "APP_NAME" field Both.Name loader cleanenv`
}

// global is read from the environment on reload, after init read the
// file: the first of the calls in the source does not decide.
var global Both2

type Both2 struct {
	Level string `env:"APP_LEVEL" env-required:"true"` // want `struct tag "APP_LEVEL" field Both2.Level loader cleanenv`
}

func reload() error { return cleanenv.ReadEnv(&global) }

func initGlobal() error { return cleanenv.ReadConfig("config.yml", &global) }

func both() (*Both, error) {
	cfg := &Both{}
	if err := cleanenv.ReadConfig("config.yml", cfg); err != nil {
		return nil, err
	}
	if err := cleanenv.ReadEnv(cfg); err != nil {
		return nil, err
	}
	return cfg, nil
}
