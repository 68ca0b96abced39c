// Package generickeep calls keepers of another package through a method of a
// generic type's instance and a struct: the facts ctxgosum looks up for them.
package generickeep

import (
	"context"
	"time"

	"worker"
)

// The fact of an instance's method's origin, its context second: reported.
func Instance(parent context.Context, p *worker.Pool[int]) {
	ctx, cancel := context.WithTimeout(parent, time.Second)
	defer cancel()
	p.Submit(1, ctx) // want `ctx is cancelled when Instance returns, but p.Submit keeps using it in a goroutine; did you mean to detach it with context.WithoutCancel\?`
}

// The same context in a struct field: no fact names it, not reported.
func InStruct(parent context.Context) {
	ctx, cancel := context.WithTimeout(parent, time.Second)
	defer cancel()
	worker.SpawnWith(worker.Opts{Ctx: ctx, Msg: "m"})
}
