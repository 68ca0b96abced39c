// Command koanfhandedopen hands its koanf instances to functions, but one
// loads keys under names no fold can invert and the other is stored away
// by the function it is handed to, and a third is handed to a method
// expression; the fourth goes to fmt: any APP_, CACHE_, QUEUE_ or DB_ key
// may be read.
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

type srv struct{}

// name is called as a method expression: its arguments start with the
// receiver, so q lands in a, not b.
func (srv) name(a, b *koanf.Koanf) string {
	if b != nil {
		return b.String("other")
	}
	return a.String("name")
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

	q := koanf.New(".")
	_ = q.Load(env.Provider("QUEUE_", ".", func(s string) string { // want `prefix "QUEUE_" loader koanf`
		return strings.ToLower(strings.TrimPrefix(s, "QUEUE_"))
	}), nil)
	fmt.Println(srv.name(srv{}, q, nil))

	d := koanf.New(".")
	_ = d.Load(env.Provider("DB_", ".", func(s string) string { // want `prefix "DB_" loader koanf`
		return strings.ToLower(strings.TrimPrefix(s, "DB_"))
	}), nil)
	fmt.Println(d.String("host"), d) // want `bind "DB_HOST" alt "DB_host" loader koanf`
}
