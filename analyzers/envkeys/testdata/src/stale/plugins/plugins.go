// Package plugins reads keys with a constant prefix: every declared
// PLUGIN_* key may be read.
package plugins

import (
	"os"
	"strings"
)

func Load(name string) string {
	return os.Getenv("PLUGIN_" + strings.ToUpper(name))
}
