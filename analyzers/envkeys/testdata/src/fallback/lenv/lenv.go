// Package lenv is a helper library in the shape of lego's
// platform/config/env: the first key, then the fallbacks.
package lenv

import "os"

// GetOneWithFallback reads main, then each of names while the value is empty.
func GetOneWithFallback(main, def string, names ...string) string {
	v := getOneWithFallback(main, names...)
	if v == "" {
		return def
	}
	return v
}

func getOneWithFallback(main string, names ...string) string {
	value := os.Getenv(main)
	if value != "" {
		return value
	}
	for _, name := range names {
		if v := os.Getenv(name); v != "" {
			return v
		}
	}
	return ""
}

// GetAll reads every key: none of them is a fallback.
func GetAll(names ...string) map[string]string {
	out := make(map[string]string)
	for _, n := range names {
		out[n] = os.Getenv(n)
	}
	return out
}
