package tags

import (
	"context"

	"github.com/sethvargo/go-envconfig"
)

type SConfig struct {
	Port  int      `env:"S_PORT, default=8080"`           // want `struct tag "S_PORT" default "8080" field SConfig.Port loader go-envconfig`
	Hosts []string `env:"S_HOSTS, required, delimiter=;"` // want `struct tag "S_HOSTS" required field SConfig.Hosts loader go-envconfig`
	List  string   `env:"S_LIST, default=a,b,c"`          // want `struct tag "S_LIST" default "a,b,c" field SConfig.List loader go-envconfig`
	DB    *SDB     `env:", prefix=DB_"`
	Plain string
}

type SDB struct {
	Name string `env:"NAME, overwrite"` // want `struct tag "DB_NAME" field SConfig.DB.Name loader go-envconfig`
}

type SOther struct {
	Name string `env:"O_NAME"` // want `struct tag "APP_O_NAME" field SOther.Name loader go-envconfig`
}

type SMapped struct {
	Name string `env:"M_NAME"`
}

func seth(ctx context.Context) {
	var c SConfig
	_ = envconfig.Process(ctx, &c)
	_ = envconfig.ProcessWith(ctx, &envconfig.Config{Target: &SOther{}, Lookuper: envconfig.PrefixLookuper("APP_", envconfig.OsLookuper())})
	_ = envconfig.ProcessWith(ctx, &envconfig.Config{Target: &SMapped{}, Lookuper: envconfig.MapLookuper(nil)})
}
