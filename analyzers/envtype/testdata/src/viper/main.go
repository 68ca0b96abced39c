package main

import (
	"fmt"
	"time"

	"github.com/spf13/viper"

	"viper/conf"
)

type config struct {
	Workers int
	Label   string
}

func main() {
	viper.SetEnvPrefix("app")
	viper.AutomaticEnv()
	_ = viper.BindEnv("db.port", "DB_PORT")
	fmt.Println(viper.GetInt("port"), viper.GetString("mode"))
	fmt.Println(viper.GetDuration("timeout"), viper.GetDuration("poll")*time.Second)
	fmt.Println(viper.GetBool("debug"), viper.GetBool("trace"))
	var c config
	_ = viper.Unmarshal(&c)
	fmt.Println(conf.DBPort())
	v := viper.New()
	fmt.Println(v.GetInt("lonely"))
}
