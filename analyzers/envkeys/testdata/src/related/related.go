package related

import (
	"os"

	"envutil"

	"github.com/caarlos0/env/v11"
)

// lookup and str form a local helper chain: str → lookup → os.Getenv.
func lookup(key string) string {
	return os.Getenv(key)
}

func str(key string) string {
	return lookup(key)
}

// either reads its key two ways: the chains part at once.
func either(key string) string {
	if v, ok := os.LookupEnv(key); ok {
		return v
	}
	return os.Getenv(key)
}

type Config struct {
	Host string `env:"REL_HOST"` // want `env key "REL_HOST" is not declared in .env.example \(struct field Config.Host loaded by caarlos0/env\)`
	Mode string `env:"APP_MODE"`
}

func load() {
	var cfg Config
	_ = env.Parse(&cfg)

	_ = str("REL_LOCAL")          // want `env key "REL_LOCAL" is not declared in .env.example \(read via related.str → related.lookup\)`
	_ = envutil.Int("REL_INT", 1) // want `env key "REL_INT" is not declared in .env.example \(read via envutil.Int → envutil.Get\)`
	_ = either("REL_EITHER")      // want `env key "REL_EITHER" is not declared in .env.example \(read via related.either\)`
	_ = os.Getenv("REL_DIRECT")   // want `env key "REL_DIRECT" is not declared in .env.example`
	_ = str("APP_PORT")
}
