// Package server serves the shop's HTTP API.
package server

import (
	"net/http"
	"os"
	"strings"
)

// Feature reports whether the feature flag FEATURE_<NAME> is on.
func Feature(name string) bool {
	return os.Getenv("FEATURE_"+strings.ToUpper(name)) == "true"
}

// Handler returns the shop's routes.
func Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/checkout", func(w http.ResponseWriter, r *http.Request) {
		if Feature("new_checkout") {
			w.Write([]byte("new checkout\n"))
			return
		}
		w.Write([]byte("checkout\n"))
	})
	return mux
}
