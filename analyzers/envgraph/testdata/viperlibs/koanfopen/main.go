// Command koanfopen hands its whole koanf tree on, and loads keys under
// names no fold can invert: any APP_ key may be read.
package main

import (
	"fmt"
	"strings"

	"github.com/knadh/koanf/providers/env"
	"github.com/knadh/koanf/v2"
)

func main() {
	k := koanf.New(".")
	_ = k.Load(env.Provider("APP_", ".", func(s string) string { // want `prefix "APP_" loader koanf`
		return strings.ToLower(strings.TrimPrefix(s, "APP_"))
	}), nil)
	fmt.Println(k.String("port"), k.All()) // want `bind "APP_PORT" alt "APP_port" loader koanf`

	c := koanf.New(".")
	_ = c.Load(env.Provider("CACHE_", ".", func(s string) string { // want `prefix "CACHE_" loader koanf`
		return strings.Title(s)
	}), nil)
	fmt.Println(c.String("url"))
}
