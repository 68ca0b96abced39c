package main // want `program APP_DB_PORT int by viper GetInt at conf.go:13` `program APP_PORT int by viper GetInt at main.go:25` `program APP_TIMEOUT duration by viper GetDuration at main.go:27` `program APP_WORKERS int by viper GetInt at conf.go:7` `program APP_WORKERS int by viper Unmarshal field config.Workers at main.go:14` `program DB_PORT int by viper GetInt at main.go:41` `program LOCAL_PORT int by viper GetInt at main.go:48` `program APP_GRACE duration by viper GetDuration at main.go:33`

import (
	"fmt"
	"strings"
	"time"

	"github.com/spf13/viper"

	"vipertype/conf"
)

type config struct {
	Workers int      // want `^bind "APP_WORKERS" field config.Workers loader viper type int by viper Unmarshal field config.Workers$`
	Label   string   // want `^bind "APP_LABEL" field config.Label loader viper$`
	Tags    []string // want `^bind "APP_TAGS" field config.Tags loader viper$`
}

type hooked struct{ Retries int } // want `^bind "APP_RETRIES" field hooked.Retries loader viper$`

func main() {
	viper.SetEnvPrefix("app")
	viper.SetEnvKeyReplacer(strings.NewReplacer(".", "_"))
	viper.AutomaticEnv()                      // want `^prefix prefix "APP_" loader viper$`
	fmt.Println(viper.GetInt("port"))         // want `bind "APP_PORT" loader viper type int by viper GetInt`
	fmt.Println(viper.GetString("mode"))      // want `^bind "APP_MODE" loader viper$`
	fmt.Println(viper.GetDuration("timeout")) // want `bind "APP_TIMEOUT" loader viper type duration by viper GetDuration`
	// A count of seconds: no duration is asked for.
	fmt.Println(viper.GetDuration("poll") * time.Second) // want `^bind "APP_POLL" loader viper$`
	fmt.Println(viper.GetStringSlice("peers"))           // want `^bind "APP_PEERS" loader viper$`
	wait := viper.GetDuration("wait")                    // want `^bind "APP_WAIT" loader viper$`
	wait *= time.Millisecond
	grace := viper.GetDuration("grace") // want `^bind "APP_GRACE" loader viper type duration by viper GetDuration$`
	fmt.Println(wait, grace.Seconds())
	var c config
	_ = viper.Unmarshal(&c)
	// A decode hook may convert the strings as it likes.
	var h hooked
	_ = viper.Unmarshal(&h, viper.DecodeHook(nil))
	fmt.Println(conf.Workers(), conf.Name(), conf.DBPort(), conf.DBHost())
	_ = viper.BindEnv("db.port", "DB_PORT") // want `^bind "DB_PORT" loader viper$`
	_ = viper.BindEnv("db.host", "DB_HOST") // want `^bind "DB_HOST" loader viper$`
	// An instance without AutomaticEnv or BindEnv reads no env key.
	v := viper.New()
	fmt.Println(v.GetInt("lonely"))
	// BindEnv on an instance of its own: its asks give the form.
	l := viper.New()
	_ = l.BindEnv("port", "LOCAL_PORT") // want `^bind "LOCAL_PORT" loader viper type int by viper GetInt$`
	_ = l.BindEnv("name", "LOCAL_NAME") // want `^bind "LOCAL_NAME" loader viper$`
	fmt.Println(l.GetInt("port"), l.GetString("name"))
}
