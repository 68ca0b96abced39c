// Command valuesets reads keys that must be one of a list of values or
// JSON of a shape: LOG_FORMAT in prod, STORE and ALLOWED_HOSTS do not
// match; LOG_LEVEL is compared in lower case, LOG_COLOR falls back on
// any value, CACHE is compared with a value known only at run time.
package main

import (
	"encoding/json"
	"os"
	"valuesets/internal/logx"
)

type limits struct{ Burst int }

func main() {
	_, _ = logx.Format()
	_ = logx.Level()
	_ = logx.Color()
	switch os.Getenv("STORE") {
	case "memory", "redis":
	default:
		panic("STORE: want memory or redis")
	}
	switch os.Getenv("CACHE") {
	case "off", os.Args[0]:
	default:
		panic("CACHE")
	}
	var hosts []string
	_ = json.Unmarshal([]byte(os.Getenv("ALLOWED_HOSTS")), &hosts)
	var l limits
	_ = json.Unmarshal([]byte(os.Getenv("LIMITS")), &l)
}
