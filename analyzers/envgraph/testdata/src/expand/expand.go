package expand

import (
	"envutil"
	"os"
	"strings"
)

const tmpl = "${HOME}/x"

func expand(s string) {
	_ = os.ExpandEnv("$USER:${DATA_DIR}/$1/$*/${#}/${}/$ ${UNCLOSED") // want `expand "USER"` `expand "DATA_DIR"`
	_ = os.ExpandEnv(tmpl)                                            // want `expand "HOME"`
	_ = os.Expand("${A}-$B", os.Getenv)                               // want `expand "A"` `expand "B"`
	_ = os.Expand("$C", envutil.App)                                  // want `expand "APP_C" via envutil.App`
	_ = os.Expand("$D", func(k string) string {                       // want `expand "D"`
		v, _ := os.LookupEnv(k)
		return v
	})
	_ = os.ExpandEnv(s) // want `expand dynamic s$`
}

// Expand with a mapping of its own is not the environment.
func notEnv(vars map[string]string) {
	_ = os.Expand("$NOT_ENV", func(k string) string { return vars[k] })
	_ = os.Expand("$NOT_ENV", strings.ToUpper)
	_ = os.Expand("$NOT_ENV", envutil.Label)
}
