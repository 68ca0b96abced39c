// Package api serves reports.
package api

import (
	"context"
	"database/sql"
	"net/http"
)

// Report opens a pool on every request.
func Report(w http.ResponseWriter, r *http.Request) {
	db, err := sql.Open("postgres", "dsn")
	if err != nil {
		return
	}
	defer db.Close()
	db.QueryRow("SELECT 1")
}

// Auditor records requests.
type Auditor struct{ DB Execer }

// Execer runs a statement.
type Execer interface {
	Exec(ctx context.Context, q string) error
}

func (a *Auditor) audit(ctx context.Context, what string) { a.DB.Exec(ctx, "insert "+what) }

// Handler audits with the request's context, which ends when it returns.
func (a *Auditor) Handler(w http.ResponseWriter, r *http.Request) {
	go a.audit(r.Context(), "handler")
}

// Capture audits with the request's context and then answers: the audit
// is cut short when Capture returns (issue 15's shape).
func (a *Auditor) Capture(w http.ResponseWriter, r *http.Request) {
	go a.audit(r.Context(), "capture")
	w.WriteHeader(http.StatusNoContent)
}

// Lookup stops waiting when ctx ends, and the goroutine's send then
// blocks forever: a forgotten sender.
func (a *Auditor) Lookup(ctx context.Context) error {
	done := make(chan error)
	go func() {
		done <- a.DB.Exec(ctx, "select 1")
	}()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}
