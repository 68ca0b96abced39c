package main // want `program ND_DEBUG bool by viper Unmarshal field options.Debug at main.go:14` `program ND_PORT int by viper Unmarshal field options.Port at main.go:13`

import (
	"fmt"
	"strings"

	"github.com/spf13/viper"
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
	var db dbConf
	_ = viper.UnmarshalKey("db", &db) // want `^bind "ND_DB" loader viper$`
	fmt.Println(Server.Port, db.Host)
}
