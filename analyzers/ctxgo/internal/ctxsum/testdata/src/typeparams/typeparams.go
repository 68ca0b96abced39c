package typeparams

import (
	"context"
	"time"
)

type Store[T any] struct{ items chan T }

func (s *Store[T]) save(ctx context.Context, v T) { s.items <- v; _ = ctx.Value("k"); send(ctx) }

// out does I/O.
var out interface{ Send(context.Context) }

func send(ctx context.Context) { out.Send(ctx) }

func (s *Store[T]) Put(parent context.Context, v T) {
	ctx, cancel := context.WithTimeout(parent, time.Second)
	defer cancel()
	go s.save(ctx, v)
}

// keep starts a goroutine that keeps ctx: a generic keeper.
func keep[T any](ctx context.Context, v T) { // want keep:`keepsCtx\(ctx\)`
	go func() { send(ctx); _ = v }()
}

func Use[T any](parent context.Context, v T) {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	keep(ctx, v)
	keep[int](context.WithoutCancel(ctx), 1)
}

func Wait[T any](parent context.Context, v T) {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	done := make(chan T)
	go func() { send(ctx); done <- v }()
	<-done
}
