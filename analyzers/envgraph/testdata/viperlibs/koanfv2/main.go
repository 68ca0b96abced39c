// Command koanfv2 uses the v2 env provider with a TransformFunc.
package main

import (
	"fmt"
	"strings"

	"github.com/knadh/koanf/providers/env/v2"
	"github.com/knadh/koanf/v2"
)

func main() {
	k := koanf.New(".")
	// The key is rewritten in two steps: not folded, SHOP_ stays a prefix.
	_ = k.Load(env.Provider(".", env.Opt{ // want `prefix "SHOP_" loader koanf`
		Prefix: "SHOP_",
		TransformFunc: func(key, v string) (string, any) {
			key = strings.ToLower(strings.TrimPrefix(key, "SHOP_"))
			return strings.ReplaceAll(key, "_", "."), v
		},
	}), nil)
	_ = k.Load(env.Provider(".", env.Opt{
		Prefix: "CACHE_",
		TransformFunc: func(k, v string) (string, any) {
			return strings.ReplaceAll(strings.ToLower(k), "_", "."), v
		},
	}), nil)
	fmt.Println(k.String("cache.url")) // want `bind "CACHE_URL" alt "CACHE_url" loader koanf`
}
