// Package relatedlib keeps its caller's context in a goroutine: a keeper
// of another package than its caller's.
package relatedlib

import (
	"context"
	"database/sql"
)

type Notifier struct{ DB *sql.DB }

// Notify starts the write and returns.
func (n *Notifier) Notify(ctx context.Context, what string) {
	go n.write(ctx, what)
}

func (n *Notifier) write(ctx context.Context, what string) {
	n.DB.ExecContext(ctx, "INSERT INTO events VALUES ($1)", what)
}
