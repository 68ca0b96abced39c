// Package server serves the shop's HTTP API.
package server

import (
	"log"
	"net/http"
	"os"
	"strings"

	"example.com/shop/internal/reports"
	"example.com/shop/internal/store"
)

// Feature reports whether the feature flag FEATURE_<NAME> is on.
func Feature(name string) bool {
	return os.Getenv("FEATURE_"+strings.ToUpper(name)) == "true"
}

// Handler returns the shop's routes.
func Handler(st *store.Store, reportsDB string) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/checkout", func(w http.ResponseWriter, r *http.Request) {
		// Wrong: the request's context is cancelled when the handler
		// returns, which cancels the audit insert still running in the
		// goroutine. Give it context.WithoutCancel(r.Context()).
		go func() {
			if err := st.Audit(r.Context(), "checkout"); err != nil {
				log.Printf("audit: %v", err)
			}
		}()
		if Feature("new_checkout") {
			w.Write([]byte("new checkout\n"))
			return
		}
		w.Write([]byte("checkout\n"))
	})
	mux.Handle("/reports/today", reports.Handler(reportsDB))
	return mux
}
