// Package api serves reports.
package api

import (
	"context"
	"database/sql"
)

// Report opens a pool for every tenant it reports on.
func Report(tenants []string) {
	for range tenants {
		db, err := sql.Open("postgres", "dsn")
		if err != nil {
			return
		}
		db.QueryRow("SELECT 1")
		db.Close()
	}
}

// Auditor records requests.
type Auditor struct{ DB Execer }

// Execer runs a statement.
type Execer interface {
	Exec(ctx context.Context, q string) error
}

func (a *Auditor) audit(ctx context.Context, what string) { a.DB.Exec(ctx, "insert "+what) }

// Handle audits with a context that ends when it returns.
func (a *Auditor) Handle(parent context.Context) {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	go a.audit(ctx, "handle")
}

// Capture audits with a context that ends when it returns, and then
// answers: the audit is cut short when Capture returns (issue 15's shape).
func (a *Auditor) Capture(parent context.Context, answer func()) {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	go a.audit(ctx, "capture")
	answer()
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
