// Package types holds reads whose values the program parses, each with a
// twin whose value it uses as a string or parses in ways envvet cannot check.
package types

import (
	"encoding/json"
	"log"
	"net"
	"net/netip"
	"os"
	"strconv"
	"strings"
	"time"
	"typehelp"

	"github.com/caarlos0/env/v11"
	"github.com/urfave/cli"
)

func direct() {
	_, _ = strconv.Atoi(os.Getenv("T_ATOI"))                         // want `read "T_ATOI" type int by strconv.Atoi`
	_, _ = strconv.ParseInt(os.Getenv("T_INT32"), 10, 32)            // want `read "T_INT32" type int32 by strconv.ParseInt`
	_, _ = strconv.ParseUint(os.Getenv("T_UINT8"), 0, 8)             // want `read "T_UINT8" type uint8 by strconv.ParseUint`
	_, _ = strconv.ParseBool(strings.TrimSpace(os.Getenv("T_BOOL"))) // want `read "T_BOOL" type bool by strconv.ParseBool`
	_, _ = netip.ParseAddr(os.Getenv("T_ADDR"))                      // want `read "T_ADDR" type addr by netip.ParseAddr`
	var cfg map[string]int
	_ = json.Unmarshal([]byte(os.Getenv("T_JSON")), &cfg) // want `read "T_JSON" type json-object by json.Unmarshal`
	_ = os.Getenv("T_STRING")                             // want `read "T_STRING"$`
	_, _ = time.Parse(time.RFC3339, os.Getenv("T_TIME"))  // want `read "T_TIME"$`
	bits := 32
	_, _ = strconv.ParseInt(os.Getenv("T_BITS"), 10, bits) // want `read "T_BITS"$`
}

func throughVariables() {
	v := os.Getenv("T_VAR") // want `read "T_VAR" type duration by time.ParseDuration`
	if v == "" {
		v = "1s"
	}
	_, _ = time.ParseDuration(v)
	if w, ok := os.LookupEnv("T_LOOKUP"); ok { // want `lookup "T_LOOKUP" type float by strconv.ParseFloat`
		_, _ = strconv.ParseFloat(w, 64)
	}
	mode := os.Getenv("T_AUTO") // want `read "T_AUTO" type int also auto by strconv.Atoi`
	if mode != "auto" {
		_, _ = strconv.Atoi(mode)
	}
	// Parsed in two forms: a try-chain accepts either, so no type.
	both := os.Getenv("T_BOTH") // want `read "T_BOTH"$`
	if _, err := strconv.ParseBool(both); err != nil {
		_, _ = strconv.Atoi(both)
	}
}

// The value is also used as it is: a host name when it is no IP, so
// the parse does not say what the program accepts.
func fallbacks() {
	host := os.Getenv("T_HOST") // want `read "T_HOST"$`
	if ip := net.ParseIP(host); ip == nil {
		lookup(host)
	}
	// Set from something besides the environment: no type either.
	scheme, hostport, _ := strings.Cut(os.Getenv("T_URL"), "://") // want `read "T_URL"$`
	_, _ = netip.ParseAddrPort(hostport)
	_ = scheme
	// Logged and compared: still only parsed.
	v := os.Getenv("T_LOGGED") // want `read "T_LOGGED" type int by strconv.Atoi`
	if _, err := strconv.Atoi(v); err != nil && len(v) > 0 {
		log.Fatalf("T_LOGGED=%q is not a number", v)
	}
}

func lookup(string) {}

func throughHelpers() {
	_ = typehelp.Int("T_HELPER", 3)                  // want `read "T_HELPER" via typehelp.Int default "3" type int by strconv.Atoi`
	_ = typehelp.Wait("T_WAIT")                      // want `read "T_WAIT" via typehelp.Wait → typehelp.Get type duration by time.ParseDuration`
	_ = typehelp.Either("T_EITHER")                  // want `read "T_EITHER" via typehelp.Either type int also auto by strconv.Atoi`
	_ = typehelp.Value[int]("T_GENERIC", 4)          // want `read "T_GENERIC" via typehelp.Value type int by typehelp.Value\[int\]`
	_ = typehelp.Value("T_GENERIC_DUR", time.Second) // want `read "T_GENERIC_DUR" via typehelp.Value type duration by typehelp.Value\[time.Duration\]`
	_ = typehelp.Value("T_GENERIC_STR", "x")         // want `read "T_GENERIC_STR" via typehelp.Value$`
	_ = typehelp.Mixed("T_MIXED", true)              // want `read "T_MIXED" via typehelp.Mixed$`
	_, _ = strconv.Atoi(typehelp.Get("T_GET"))       // want `read "T_GET" via typehelp.Get type int by strconv.Atoi`
}

type config struct {
	Port    int           `env:"T_PORT"`                   // want `tag "T_PORT" field config.Port loader caarlos0/env type int by caarlos0/env field config.Port`
	Wait    time.Duration `env:"T_DUR"`                    // want `tag "T_DUR" field config.Wait loader caarlos0/env type duration`
	Hosts   []string      `env:"T_HOSTS"`                  // want `tag "T_HOSTS" field config.Hosts loader caarlos0/env$`
	Ports   []uint16      `env:"T_PORTS" envSeparator:";"` // want `tag "T_PORTS" field config.Ports loader caarlos0/env type \[\]uint16`
	Name    string        `env:"T_NAME"`                   // want `tag "T_NAME" field config.Name loader caarlos0/env$`
	Level   level         `env:"T_LEVEL"`                  // want `tag "T_LEVEL" field config.Level loader caarlos0/env$`
	Verbose bool          `env:"T_VERBOSE"`                // want `tag "T_VERBOSE" field config.Verbose loader caarlos0/env type bool`
}

// level parses itself: its form is unknown.
type level int

func (l *level) UnmarshalText(b []byte) error { return nil }

func load() {
	var c config
	_ = env.Parse(&c)
}

var flags = []cli.Flag{
	cli.IntFlag{Name: "workers", EnvVar: "T_WORKERS"},  // want `lookup "T_WORKERS" flag workers loader urfave/cli type int64 by urfave/cli IntFlag`
	cli.StringFlag{Name: "name", EnvVar: "T_FLAGNAME"}, // want `lookup "T_FLAGNAME" flag name loader urfave/cli$`
}
