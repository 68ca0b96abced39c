package main // want `program ND_DEBUG bool by viper Unmarshal field options.Debug at main.go:16` `program ND_PORT int by viper Unmarshal field options.Port at main.go:15` `program ND_DB_PORT int by viper GetInt at conf.go:18` `program ND_WORKERS int by viper GetInt at conf.go:22` `program DB_PORT int by viper GetInt at main.go:41` `program LOCAL_DB_PORT int by viper GetInt at main.go:44`

import (
	"fmt"
	"strings"

	"github.com/spf13/viper"

	"viperforms/conf"
)

// Unmarshal(&Server) of a Server *options decodes into a **options:
// mapstructure fills options' fields through the inner pointer.
type options struct {
	Port  int    // want `^bind "ND_PORT" field options.Port loader viper type int by viper Unmarshal field options.Port$`
	Debug bool   // want `^bind "ND_DEBUG" field options.Debug loader viper type bool by viper Unmarshal field options.Debug$`
	Name  string // want `^bind "ND_NAME" field options.Name loader viper$`
}

var Server = &options{}

// UnmarshalKey("db", &db) decodes Get("db"): under AutomaticEnv viper
// reads ND_DB alone, never ND_DB_HOST or ND_DB_PORT (viper v1.21.0
// viper.go:929-931 and find; spf13/viper#798), so the fields read no
// env key.
type dbConf struct {
	Host string
	Port int
}

func main() {
	viper.SetEnvPrefix("nd")
	viper.SetEnvKeyReplacer(strings.NewReplacer(".", "_"))
	viper.AutomaticEnv() // want `^prefix prefix "ND_" loader viper$`
	if err := viper.Unmarshal(&Server); err != nil {
		panic(err)
	}
	// Bound through helpers: db.port is asked with GetInt, db.host only
	// with GetString; BindDB binds DB_WORKERS to db.workers (it prepends
	// "db."), which nothing asks, not to the workers conf asks with GetInt.
	conf.BindName("db.port", "DB_PORT")   // want `^bind "DB_PORT" via conf.BindName loader viper$`
	conf.BindName("db.host", "DB_HOST")   // want `^bind "DB_HOST" via conf.BindName loader viper$`
	conf.BindDB("workers", "DB_WORKERS")  // want `^bind "DB_WORKERS" via conf.BindDB loader viper$`
	bindLocal("db.port", "LOCAL_DB_PORT") // want `^bind "LOCAL_DB_PORT" via main.bindLocal loader viper$`
	bindLocal("db.host", "LOCAL_DB_HOST") // want `^bind "LOCAL_DB_HOST" via main.bindLocal loader viper$`
	fmt.Println(conf.DBPort(), conf.DBHost(), conf.Workers())
	var db dbConf
	_ = viper.UnmarshalKey("db", &db) // want `^bind "ND_DB" loader viper$`
	fmt.Println(Server.Port, db.Host)
}

// bindLocal binds env to key, as conf.BindName does, in this package.
func bindLocal(key, env string) { _ = viper.BindEnv(key, env) }
