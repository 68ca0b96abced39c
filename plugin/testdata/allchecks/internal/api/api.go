// Package api serves reports.
package api

import (
	"context"
	"database/sql"
	"net/http"
	"os"
)

// Report opens a pool per request and audits with the request's context.
func Report(w http.ResponseWriter, r *http.Request) {
	db, err := sql.Open("postgres", os.Getenv("DB_DSN"))
	if err != nil {
		http.Error(w, err.Error(), 500)
		return
	}
	defer db.Close()
	go audit(r.Context(), db)
	w.WriteHeader(http.StatusOK)
}

func audit(ctx context.Context, db *sql.DB) {
	_, _ = db.ExecContext(ctx, "INSERT INTO audit VALUES (1)")
}
