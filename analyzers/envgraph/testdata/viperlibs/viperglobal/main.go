// Command viperglobal reads its settings through viper's global instance
// with AutomaticEnv: it reads the env keys of the keys it asks for.
package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/viper"
)

func main() {
	viper.SetEnvPrefix("shop")
	viper.SetEnvKeyReplacer(strings.NewReplacer(".", "_", "-", "_"))
	viper.AutomaticEnv() // want `prefix prefix "SHOP_" loader viper`
	viper.SetDefault("http.port", 8080)
	viper.SetDefault("mode", "dev")
	cmd := &cobra.Command{Use: "shop"}
	cmd.Flags().String("log-level", "info", "log level")
	_ = viper.BindPFlag("log.level", cmd.Flags().Lookup("log-level")) // want `bind "SHOP_LOG_LEVEL" flag log-level loader viper`
	// Asked for: read.
	fmt.Println(viper.GetInt("http.port"))    // want `bind "SHOP_HTTP_PORT" default "8080" loader viper`
	fmt.Println(viper.GetString("Smtp.Host")) // want `bind "SHOP_SMTP_HOST" loader viper`
	fmt.Println(viper.IsSet("tls-cert"))      // want `bind "SHOP_TLS_CERT" loader viper`
	// A default alone is not a read: SHOP_MODE is asked for by nothing.
}
