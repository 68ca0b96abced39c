package direct

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"unicode"

	"keys"
)

const port = "PORT"

type key string

const typed key = "TYPED"

const prefix = "APP_"

var unexported = "ONCE"

var reassigned = "TWICE"

func init() { reassigned = "OTHER" }

var atInit = os.Getenv("AT_INIT") // want `read "AT_INIT"`

var proxies = []string{"HTTPS_PROXY", "https_proxy"}

var extra = map[string][]string{"arm": {"GOARM"}, "386": {"GO386"}}

func ranges(arch string) {
	dyn := os.Args[1:]
	for _, k := range proxies {
		_ = os.Getenv(k) // want `read "HTTPS_PROXY"` `read "https_proxy"`
	}
	for _, k := range []string{"A1", "A2"} {
		_ = os.Getenv(k) // want `read "A1"` `read "A2"`
	}
	for _, keys := range extra {
		for _, k := range keys {
			_ = os.Getenv(k) // want `read "GO386"` `read "GOARM"`
		}
	}
	for k := range map[string]bool{"M1": true} {
		_ = os.Getenv(k) // want `read "M1"`
	}
	// Not constant lists: dynamic.
	for _, k := range dyn {
		_ = os.Getenv(k) // want `read dynamic k$`
	}
	for _, k := range []string{"B1", arch} {
		_ = os.Getenv(k) // want `read dynamic k$`
	}
	for _, k := range proxies {
		k = k + "_X"
		_ = os.Getenv(k) // want `read dynamic k$`
	}
}

func reads() {
	name, k := os.Args[0], keys.Key(os.Args[1])
	_ = os.Getenv("HOST")                                       // want `read "HOST"`
	_ = os.Getenv(port)                                         // want `read "PORT"`
	_ = os.Getenv(string(typed))                                // want `read "TYPED"`
	_ = os.Getenv(fmt.Sprintf("%sPORT_%d", prefix, 2))          // want `read "APP_PORT_2"`
	_ = os.Getenv(fmt.Sprintf("%s_%s", prefix, name))           // want `read dynamic fmt.Sprintf\("%s_%s", prefix, name\) prefix "APP__"`
	_ = os.Getenv(strings.ToUpper("lower"))                     // want `read "LOWER"`
	_ = os.Getenv(strings.Join([]string{prefix, "JOINED"}, "")) // want `read "APP_JOINED"`
	_ = os.Getenv(prefix + "NAME")                              // want `read "APP_NAME"`
	_ = os.Getenv(keys.DBURL)                                   // want `read "SHOP_DB_URL"`
	_ = os.Getenv(string(keys.Region))                          // want `read "REGION"`
	_, _ = os.LookupEnv("LOOKED")                               // want `lookup "LOOKED"`
	_, _ = syscall.Getenv("SYS")                                // want `lookup "SYS"`
	_ = os.Getenv(unexported)                                   // want `read "ONCE"`
	local := "LOCAL"
	_ = os.Getenv(local)          // want `read "LOCAL"`
	_ = os.Getenv(reassigned)     // want `read dynamic reassigned`
	_ = os.Getenv(prefix + name)  // want `read dynamic prefix \+ name prefix "APP_"`
	_ = os.Getenv(string(k))      // want `read dynamic string\(k\)$`
	_ = os.Getenv(os.Args[1])     // want `read dynamic os.Args\[1\]$`
	_ = os.Setenv("W", "1")       // want `write "W"`
	_ = syscall.Setenv("SW", "1") // want `write "SW"`
	_ = os.Unsetenv("U")          // want `unset "U"`
	os.Clearenv()                 // want `clear`
	_ = os.Environ()              // want `whole environment`
	_ = syscall.Environ()         // want `whole environment`
}

// The environment handed on to a child process is not scanned here.
func child() []string {
	cmd := exec.Command("x")
	cmd.Env = append(os.Environ(), "A=1")      // want `whole environment passed`
	cmd.Env = append(cmd.Env, os.Environ()...) // want `whole environment passed`
	_ = exec.Cmd{Env: os.Environ()}            // want `whole environment passed`
	return os.Environ()                        // want `whole environment$`
}

// Getenv on a type of its own is not the environment.
type store map[string]string

func (s store) Getenv(key string) string { return s[key] }

func notEnv(s store, m map[string]string) {
	_ = s.Getenv("NOT_ENV")
	_ = m["NOT_ENV"]
	get := os.Getenv // want `read dynamic os.Getenv$`
	_ = get
	_ = strings.Map(unicode.ToUpper, "not env")
}

// addressed reads a key whose variable's address is taken: anything may
// write it through the pointer. Its twin, defined once and only read,
// keeps its constant.
func addressed(set func(*string)) {
	byPointer := "BY_POINTER"
	set(&byPointer)
	_ = os.Getenv(byPointer) // want `read dynamic byPointer`
	kept := "KEPT"
	set(nil)
	_ = os.Getenv(kept) // want `read "KEPT"`
}
