// Command koanfv1 loads APP_ keys into koanf under names its transform
// makes of them (APP_DB_HOST -> db.host); it reads the env keys of the
// keys it asks for.
package main

import (
	"fmt"
	"strings"

	"github.com/knadh/koanf/providers/env"
	"github.com/knadh/koanf/v2"
)

type Config struct {
	DB struct {
		Host string `koanf:"host"` // want `bind "APP_DB_HOST" field Config.DB.Host alt "APP_db_host" loader koanf`
		Port int    // want `bind "APP_DB_PORT" field Config.DB.Port alt "APP_db_port" loader koanf`
	} `koanf:"db"`
	Tags map[string]string `koanf:"tags"` // want `prefix dynamic tags.\* prefix "APP_TAGS_" field Config.Tags loader koanf`
}

var k = koanf.New(".")

func main() {
	// Every key asked of k is known: no prefix reference.
	_ = k.Load(env.Provider("APP_", ".", func(s string) string {
		return strings.Replace(strings.ToLower(strings.TrimPrefix(s, "APP_")), "_", ".", -1)
	}), nil)
	var cfg Config
	_ = k.Unmarshal("", &cfg)
	fmt.Println(k.String("log.level"), k.Bool("debug")) // want `bind "APP_LOG_LEVEL" alt "APP_log_level" loader koanf` `bind "APP_DEBUG" alt "APP_debug" loader koanf`
	fmt.Println(k.Int("db.max.conns"))                  // want `bind "APP_DB_MAX_CONNS" alt "APP_db_max_conns" loader koanf`
}
