// Package cleanup is the module's garbage collector of expired state that
// components hand their pool to (dapr's internal/component/sql).
package cleanup

import (
	"context"
	"database/sql"
)

// Conn is what the collector needs of a pool: it cannot limit it.
type Conn interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// Tuner can limit the pool it is given.
type Tuner interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	SetMaxOpenConns(n int)
}

type Options struct {
	DB    Conn
	Tuned Tuner
}

type GC struct{ opts Options }

func Schedule(opts Options) *GC {
	g := &GC{opts: opts}
	go g.run()
	return g
}

func (g *GC) run() {
	if g.opts.DB != nil {
		g.opts.DB.ExecContext(context.Background(), "DELETE FROM state WHERE expired")
	}
	if g.opts.Tuned != nil {
		g.opts.Tuned.SetMaxOpenConns(4)
	}
}
