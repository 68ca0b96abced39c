package a

import (
	"os"
	"syscall"

	"github.com/caarlos0/env/v11"
	"github.com/kelseyhightower/envconfig"
	"github.com/spf13/viper"
)

func reads() {
	_ = os.Getenv("APP_MODE")
	_ = os.Getenv("APP_MOD")  // want `env key "APP_MOD" is not declared in .env.example; did you mean "APP_MODE"\?`
	_ = os.Getenv("app_mode") // want `env key "app_mode" is not declared in .env.example; did you mean "APP_MODE"\?`

	_, _ = os.LookupEnv("SMTP_HOST")
	_, _ = os.LookupEnv("SMTP_USER") // want `env key "SMTP_USER" is not declared in .env.example`

	_, _ = syscall.Getenv("CACHE_TTL")
	_, _ = syscall.Getenv("CACHE_SIZE") // want `env key "CACHE_SIZE" is not declared in .env.example`

	// Well-known process variables need no declaration.
	_ = os.Getenv("HOME")
	_ = os.Getenv("LC_ALL")

	// Nor do the variables a platform sets: GitHub Actions' runner
	// (gubernator's LocalHost tells CI by RUNNER_OS), the token file of
	// Azure Workload Identity's webhook (oauth2-proxy's Entra ID provider),
	// Fly.io's Machine (litefs). Their neighbours, which a deployment sets,
	// still need one.
	_ = os.Getenv("RUNNER_OS")
	_ = os.Getenv("AZURE_FEDERATED_TOKEN_FILE")
	_ = os.Getenv("FLY_APP_NAME")
	_ = os.Getenv("RUNNER_POOL")     // want `env key "RUNNER_POOL" is not declared in .env.example`
	_ = os.Getenv("AZURE_CLIENT_ID") // want `env key "AZURE_CLIENT_ID" is not declared in .env.example`
	_ = os.Getenv("FLY_API_TOKEN")   // want `env key "FLY_API_TOKEN" is not declared in .env.example`

	// A build variable declared in the manifest counts as declared.
	_ = os.Getenv("CGO_ENABLED")
}

func constants() {
	const declared = "APP_" + "PORT"
	_ = os.Getenv(declared)

	// A named constant gets no fix: renaming it is the author's call.
	const key = "APP_MOD"
	_ = os.Getenv(key) // want `env key "APP_MOD" is not declared in .env.example; did you mean "APP_MODE"\?`
}

func writes() {
	// Writes and unsets are not reads: they need no declaration.
	os.Setenv("WRITTEN_ONLY", "1")
	os.Unsetenv("WRITTEN_ONLY")
}

func dynamic(name string) {
	// Without -envkeys.dynamic, a key that is not a constant is not reported.
	_ = os.Getenv(name)
}

func expand() {
	_ = os.ExpandEnv("postgres://${SMTP_HOST}:$APP_PORT/db")
	_ = os.ExpandEnv("redis://$REDIS_HOST:6379") // want `env key "REDIS_HOST" is not declared in .env.example`
}

type Config struct {
	Port    int    `env:"APP_PORT"`
	Timeout string `env:"SMTP_TIMEOUT"` // want `env key "SMTP_TIMEOUT" is not declared in .env.example \(struct field Config.Timeout loaded by caarlos0/env\)`
	Name    string `json:"SERVICE_NAME"`
}

func load() (Config, error) {
	var cfg Config
	err := env.Parse(&cfg)
	return cfg, err
}

// Unloaded is never given to a loader: its tags are not references.
type Unloaded struct {
	Port int `env:"UNLOADED_PORT"`
}

func bind() {
	viper.BindEnv("db.url", "DATABASE_URL")
	viper.BindEnv("db.pool", "DATABASE_POOL") // want `env key "DATABASE_POOL" is not declared in .env.example`
}

// envconfig tries APP_SMTP_HOST, then SMTP_HOST: the manifest declares the
// second, so the field is declared.
type Mail struct {
	Host string `envconfig:"SMTP_HOST"`
	User string `envconfig:"MAIL_USER"` // want `env key "APP_MAIL_USER" \(or "MAIL_USER"\) is not declared in .env.example`
}

func loadMail() (Mail, error) {
	var m Mail
	err := envconfig.Process("app", &m)
	return m, err
}

// getenv reads key, or def when it is unset.
func getenv(key, def string) string {
	if v, ok := os.LookupEnv(key); ok {
		return v
	}
	return def
}

// A read with a default is still reported when the manifest documents
// the keys (.env.example here); the twin is package k8s, whose manifest
// is a deployment only.
func smtpRetries() string {
	return getenv("SMTP_RETRIES", "3") // want `env key "SMTP_RETRIES" is not declared in .env.example`
}
