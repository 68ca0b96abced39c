// Command koanfhanded builds its koanf instance at package level, loads
// APP_ keys into it in init (APP_DB__HOST -> db.host), and asks keys of it
// in other functions, directly and through the parameters it hands it to:
// it reads the env keys of the keys asked, not every APP_ key.
package main

import (
	"fmt"
	"strings"

	"github.com/knadh/koanf/providers/env"
	"github.com/knadh/koanf/providers/posflag"
	"github.com/knadh/koanf/v2"
	"github.com/spf13/pflag"
)

var ko = koanf.New(".")

func init() {
	initFlags(ko)
	loadEnv(ko)
}

// initFlags hands ko to posflag, which only asks whether a flag's key
// exists: no key it cannot name.
func initFlags(k *koanf.Koanf) {
	f := pflag.NewFlagSet("config", pflag.ContinueOnError)
	f.Bool("install", false, "set up the database")
	_ = k.Load(posflag.Provider(f, ".", k), nil)
}

func loadEnv(k *koanf.Koanf) {
	// Every key asked of the instance is known: no prefix reference.
	_ = k.Load(env.Provider("APP_", ".", func(s string) string {
		return strings.Replace(strings.ToLower(strings.TrimPrefix(s, "APP_")), "__", ".", -1)
	}), nil)
}

type dbConfig struct {
	Host string `koanf:"host"` // want `bind "APP_DB__HOST" field dbConfig.Host alt "APP_db__host" loader koanf`
	Port int    `koanf:"port"` // want `bind "APP_DB__PORT" field dbConfig.Port alt "APP_db__port" loader koanf`
}

func initDB(k *koanf.Koanf) dbConfig {
	var c dbConfig
	_ = k.Unmarshal("db", &c)
	return c
}

func initHTTP(k *koanf.Koanf) string {
	return address(k)
}

func address(k *koanf.Koanf) string {
	return k.MustString("app.address") // want `bind "APP_APP__ADDRESS" alt "APP_app__address" loader koanf`
}

func checkUpdates() bool {
	return ko.Bool("app.check_updates") // want `bind "APP_APP__CHECK_UPDATES" alt "APP_app__check_updates" loader koanf`
}

func main() {
	fmt.Println(initDB(ko), initHTTP(ko), checkUpdates())
}
