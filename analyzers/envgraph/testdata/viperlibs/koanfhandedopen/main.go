// Command koanfhandedopen hands its koanf instances to functions, but one
// loads keys under names no fold can invert and the other is stored away
// by the function it is handed to: any APP_ or CACHE_ key may be read.
package main

import (
	"fmt"
	"strings"

	"github.com/knadh/koanf/providers/env"
	"github.com/knadh/koanf/v2"
)

var ko = koanf.New(".")

type app struct {
	cache *koanf.Koanf
}

func port(k *koanf.Koanf) string {
	return k.String("port")
}

func keep(a *app, k *koanf.Koanf) string {
	a.cache = k
	return k.String("url") // want `bind "CACHE_URL" alt "CACHE_url" loader koanf`
}

func main() {
	_ = ko.Load(env.Provider("APP_", ".", func(s string) string { // want `prefix "APP_" loader koanf`
		return strings.Title(strings.TrimPrefix(s, "APP_"))
	}), nil)
	fmt.Println(port(ko))

	c := koanf.New(".")
	_ = c.Load(env.Provider("CACHE_", ".", func(s string) string { // want `prefix "CACHE_" loader koanf`
		return strings.ToLower(strings.TrimPrefix(s, "CACHE_"))
	}), nil)
	var a app
	fmt.Println(keep(&a, c), a.cache.String("ttl"))
}
