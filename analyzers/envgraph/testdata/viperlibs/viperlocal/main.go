// Command viperlocal unmarshals a viper.New() instance with AutomaticEnv
// into its configuration struct: it reads the env key of each field.
package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/spf13/viper"
)

type Common struct {
	Name string // want `bind "API_NAME" field Config.Name loader viper`
}

type Config struct {
	Common `mapstructure:",squash"`
	DB     struct {
		Host    string        `mapstructure:"host"` // want `bind "API_DB_HOST" field Config.DB.Host loader viper`
		Timeout time.Duration // want `bind "API_DB_TIMEOUT" default "5s" field Config.DB.Timeout loader viper`
	} `mapstructure:"db"`
	Labels   map[string]string // want `prefix dynamic labels.\* prefix "API_LABELS" field Config.Labels loader viper`
	Internal string            `mapstructure:"-"`
	secret   string
}

func main() {
	v := viper.New()
	v.SetEnvPrefix("api")
	v.SetEnvKeyReplacer(strings.NewReplacer(".", "_"))
	v.SetDefault("db.timeout", 5*time.Second)
	// Every key asked of v is known: no prefix reference.
	v.AutomaticEnv()
	var cfg Config
	if err := v.Unmarshal(&cfg); err != nil {
		panic(err)
	}
	fmt.Println(cfg.secret, v.GetBool("debug")) // want `bind "API_DEBUG" loader viper`
}
