package tags

import (
	env6 "github.com/caarlos0/env"
	"github.com/caarlos0/env/v11"

	"tags/model"
)

type Config struct {
	Port    int      `env:"PORT" envDefault:"8080"` // want `struct tag "PORT" default "8080" field Config.Port loader caarlos0/env`
	Host    string   `env:"HOST,required"`          // want `struct tag "HOST" required field Config.Host loader caarlos0/env`
	Key     string   `env:"KEY,notEmpty,file"`      // want `struct tag "KEY" required field Config.Key loader caarlos0/env`
	Skip    string   `env:"-"`
	NoTag   string   `json:"NO_TAG"`
	DB      Database `envPrefix:"DB_"`
	Cache   *Cache   `envPrefix:"CACHE_"`
	private string   `env:"PRIVATE"`
	Inline  struct {
		Level string `env:"LEVEL"` // want `struct tag "LEVEL" field Config.Inline.Level loader caarlos0/env`
	}
}

type Database struct {
	Host string `env:"HOST"` // want `struct tag "DB_HOST" field Config.DB.Host loader caarlos0/env` `struct tag "APP_HOST" field Prefixed.DB.Host loader caarlos0/env`
}

type Cache struct {
	TTL string `env:"TTL" envDefault:"1m"` // want `struct tag "CACHE_TTL" default "1m" field Config.Cache.TTL loader caarlos0/env`
}

type Named struct {
	DatabaseURL string // want `struct tag "DATABASE_URL" field Named.DatabaseURL loader caarlos0/env`
	HTTPPort    int    // want `struct tag "HTTP_PORT" field Named.HTTPPort loader caarlos0/env`
	Explicit    string `env:"EXPLICIT"` // want `struct tag "EXPLICIT" field Named.Explicit loader caarlos0/env`
}

type Prefixed struct {
	DB Database
}

type V6 struct {
	Addr string `env:"V6_ADDR"` // want `struct tag "X_V6_ADDR" field V6.Addr loader caarlos0/env`
}

type Strict struct {
	A string `env:"STRICT_A"`                // want `struct tag "S_STRICT_A" required field Strict.A loader caarlos0/env`
	B string `env:"STRICT_B" envDefault:"b"` // want `struct tag "S_STRICT_B" default "b" field Strict.B loader caarlos0/env`
}

type Generic struct {
	Name string `env:"GEN_NAME"` // want `struct tag "GEN_NAME" field Generic.Name loader caarlos0/env`
}

func load() {
	var cfg Config
	_ = env.Parse(&cfg)
	_ = env.ParseWithOptions(&Named{}, env.Options{UseFieldNameByDefault: true})
	opts := env.Options{Prefix: "APP_"}
	_ = env.ParseWithOptions(&Prefixed{}, opts)
	_ = env6.Parse(&V6{}, env6.Options{Prefix: "X_"})
	_ = env.Must(env.ParseAs[Generic]())
	_, _ = env.ParseAsWithOptions[Strict](env.Options{RequiredIfNoDef: true, Prefix: "S_"})
	_ = env.Parse(&model.Remote{}) // want `struct tag "REMOTE_URL" required field Remote.URL loader caarlos0/env` `struct tag "REMOTE_TOKEN" default "none" field Remote.Token loader caarlos0/env`
}

// Structs that never reach a loader, and loaders that do not read the
// environment.
type Unloaded struct {
	Port int `env:"UNLOADED_PORT"`
}

type FromMap struct {
	Port int `env:"MAP_PORT"`
}

type NotNamed struct {
	Plain string
}

func notEnv() {
	var u Unloaded
	_ = u
	_ = env.ParseWithOptions(&FromMap{}, env.Options{Environment: map[string]string{"MAP_PORT": "1"}})
	_ = env.Parse(&NotNamed{})
	_ = env.GetFieldParams(&Unloaded{})
}
