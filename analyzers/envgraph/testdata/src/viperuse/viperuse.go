package viperuse

import (
	"os"
	"strings"

	"github.com/spf13/viper"
)

func global() {
	viper.SetEnvPrefix("app")
	viper.AutomaticEnv()                                  // want `prefix prefix "APP_" loader viper`
	_ = viper.BindEnv("port")                             // want `bind "APP_PORT" loader viper`
	_ = viper.BindEnv("db.url", "DATABASE_URL", "DB_URL") // want `bind "DATABASE_URL" group DATABASE_URL,DB_URL loader viper` `bind "DB_URL" group DATABASE_URL,DB_URL loader viper`
	viper.MustBindEnv("log-level")                        // want `bind "APP_LOG-LEVEL" loader viper`
	_ = viper.GetString("not_env")                        // want `bind "APP_NOT_ENV" loader viper`
}

func instance() {
	name := os.Args[1]
	v := viper.New()
	v.SetEnvKeyReplacer(strings.NewReplacer(".", "_", "-", "_"))
	_ = v.BindEnv("server.port") // want `bind "SERVER_PORT" loader viper`
	// v binds env names not known here: AutomaticEnv may read any key.
	v.AutomaticEnv()         // want `prefix dynamic  loader viper`
	_ = v.BindEnv("x", name) // want `bind dynamic name loader viper`
	_ = v.BindEnv(name)      // want `bind dynamic name loader viper`
	// Two names known: a group. One known and one not: no group.
	_ = v.BindEnv("y", "Y_ONE", "Y_TWO") // want `bind "Y_ONE" group Y_ONE,Y_TWO loader viper` `bind "Y_TWO" group Y_ONE,Y_TWO loader viper`
	_ = v.BindEnv("z", "Z_ONE", name)    // want `bind "Z_ONE" loader viper` `bind dynamic name loader viper`
	_ = v.GetString("server.port")       // want `bind "SERVER_PORT" loader viper`
}

type server struct{ v *viper.Viper }

func newServer() *server {
	s := &server{v: viper.New()}
	s.v.SetEnvPrefix("srv")
	return s
}

// The prefix was set on s.v, which may be this c.v: the key is not known.
func (c *server) bind() {
	_ = c.v.BindEnv("port") // want `bind dynamic "port" loader viper`
}
