package main

import (
	"os"
	"strings"

	"github.com/knadh/koanf/providers/env"
	envv2 "github.com/knadh/koanf/providers/env/v2"
	"github.com/knadh/koanf/v2"
)

func main() {
	k := koanf.New(".")
	_ = k.Load(env.Provider("APP_", ".", func(s string) string { // want `prefix "APP_" loader koanf`
		return strings.ReplaceAll(strings.ToLower(strings.TrimPrefix(s, "APP_")), "_", ".")
	}), nil)
	_ = k.Load(envv2.Provider(".", envv2.Opt{Prefix: "SHOP_"}), nil) // want `prefix "SHOP_" loader koanf`
	_ = k.Load(env.Provider("", ".", nil), nil)                      // want `whole environment loader koanf`
	_ = k.Load(env.Provider(os.Args[0], ".", nil), nil)              // want `prefix dynamic os.Args\[0\] loader koanf`
	// A list of the program's own: not the environment.
	_ = k.Load(envv2.Provider(".", envv2.Opt{EnvironFunc: func() []string { return nil }}), nil)
	_ = k.String("server.port") // want `bind "APP_SERVER_PORT" alt "APP_server_port" loader koanf`
	// A key not known here: every provider may load any key it reads.
	_ = k.String(os.Args[1])
}
