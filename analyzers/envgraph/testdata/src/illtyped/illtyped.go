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
	first(3)
	first([]int{1})
	first(undefinedList)
	first([]string{"L", undefined}) // want `read dynamic \[\]string{…} via illtyped.first`
	first([]string{"LIST"})         // want `read "LIST" via illtyped.first`
	var out string
	listOr(&out)
	listOr(&out, nil, "x")
	if v, ok := os.LookupEnv(); !ok {
		v = out
	}
}

func helper(key string) string { return os.Getenv(key) }

func first(keys []string) {
	for _, k := range keys {
		_ = os.Getenv(k)
	}
}

func listOr(dst *string, keys []string, def string) string {
	val, ok := os.LookupEnv(keys)
	if !ok {
		val = def
	}
	for _, k := range keys {
		*dst = os.Getenv(k)
	}
	return val
}

var a = fmt.Sprintf("%s", b)
var b = fmt.Sprintf("%s", a)

func cycle() string { return os.Getenv(a) + os.Getenv(b) } // want `read dynamic b`
