// Package environments reads keys that the environments of envvet.yaml
// set in some deployments and not in others.
package environments

import (
	"os"

	"github.com/caarlos0/env/v11"
)

type DB struct {
	// Required: staging and dev set it, prod (whose ConfigMap replaces
	// the base's) does not.
	Name string `env:"PAY_DB_NAME,required"`
	// A default in the code: no environment needs to set it.
	Port string `env:"PAY_DB_PORT" envDefault:"5432"`
	// A default in envvet.yaml: no environment needs to set it.
	Host string `env:"PAY_DB_HOST"`
}

func Load() (DB, error) {
	var db DB
	err := env.Parse(&db)
	return db, err
}

// Audit reads a key that envvet.yaml declares required; staging does not set it.
func Audit() string {
	return os.Getenv("AUDIT_URL")
}

// Report reads a key envvet.yaml declares required, with an ignore: for
// envkeys: staging and prod do not set it, and nothing is reported.
func Report() string {
	return os.Getenv("REPORT_URL")
}

func Flags() (string, bool, bool) {
	// No default, set by dev and staging, not by prod: forgotten.
	flags := os.Getenv("FEATURE_FLAGS")
	// No default, set by dev only: optional.
	debug := os.Getenv("DEBUG") != ""
	// A lookup handles the unset case itself.
	_, trace := os.LookupEnv("TRACE")
	return flags, debug, trace
}
