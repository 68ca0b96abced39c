package main

import (
	"fmt"
	"time"

	"github.com/spf13/viper"
)

// Unmarshal(&Server) of a Server *options decodes into a **options:
// mapstructure fills the fields through the inner pointer.
type options struct {
	SessionTimeout      time.Duration
	MaxSidebarPlaylists int
	EnableFavourites    bool
	ScanSchedule        string
}

var Server = &options{}

func main() {
	viper.SetEnvPrefix("nd")
	viper.AutomaticEnv()
	if err := viper.Unmarshal(&Server); err != nil {
		panic(err)
	}
	fmt.Println(Server.ScanSchedule)
}
