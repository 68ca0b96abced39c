// Package config wraps cleanenv: its callers' structs are read as if they
// called cleanenv themselves.
package config

import (
	"fmt"

	"github.com/ilyakaznacheev/cleanenv"
)

// Load reads cfg from the environment.
func Load(cfg any) error {
	if err := cleanenv.ReadEnv(cfg); err != nil {
		return fmt.Errorf("read config: %w", err)
	}
	return nil
}

// LoadFile reads the file at path into cfg, then the environment.
func LoadFile(path string, cfg any) error {
	return cleanenv.ReadConfig(path, cfg)
}

// Print shows cfg: it reads no key.
func Print(cfg any) {
	fmt.Printf("%+v\n", cfg)
}
