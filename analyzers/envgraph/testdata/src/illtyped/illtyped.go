package illtyped

import (
	"fmt"
	"os"

	"github.com/caarlos0/env/v11"
	"github.com/spf13/viper"
)

func broken() {
	_ = os.Getenv()
	_ = os.Getenv(1, 2)
	_ = os.Getenv(undefined)
	_, _ = os.LookupEnv(undefinedToo + "X")
	_ = os.ExpandEnv()
	_ = os.Expand("$A")
	_ = env.Parse()
	_ = env.Parse(&Missing{})
	_ = viper.BindEnv()
	_ = os.Getenv("STILL_OK") // want `read "STILL_OK"`
	_ = helper(3)
	_ = helper("H") // want `read "H" via illtyped.helper`
}

func helper(key string) string { return os.Getenv(key) }

var a = fmt.Sprintf("%s", b)
var b = fmt.Sprintf("%s", a)

func cycle() string { return os.Getenv(a) + os.Getenv(b) } // want `read dynamic b`
