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
	go s.save(ctx, v) // want `ctx is cancelled when Put returns, but the goroutine started here keeps using it; did you mean to detach it`
}

// keep starts a goroutine that keeps ctx: a generic keeper.
func keep[T any](ctx context.Context, v T) {
	go func() { send(ctx); _ = v }()
}

func Use[T any](parent context.Context, v T) {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	keep(ctx, v) // want `ctx is cancelled when Use returns, but keep keeps using it in a goroutine`
	keep[int](context.WithoutCancel(ctx), 1)
}

func Wait[T any](parent context.Context, v T) {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	done := make(chan T)
	go func() { send(ctx); done <- v }()
	<-done
}

// fetchT returns an error once ctx is cancelled: a generic callee.
func fetchT[T any](ctx context.Context, v T) error { return ctx.Err() }

// A generic goroutine whose endless loop only passes ctx on.
func Spin[T any](ctx context.Context, v T) {
	go func() { // want `this goroutine's loop never leaves when ctx is cancelled: fetchT\(ctx, v\) then returns at once and the loop spins`
		for {
			if err := fetchT(ctx, v); err != nil {
				println(err.Error())
			}
		}
	}()
}

// Its twin leaves the loop when ctx ends.
func SpinFixed[T any](ctx context.Context, v T) {
	go func() {
		for {
			if err := fetchT(ctx, v); err != nil && ctx.Err() != nil {
				return
			}
		}
	}()
}

// A generic type's field channel, handed out by its accessor to a
// consumer that may leave through ctx.Done().
type Feed[T any] struct{ out chan T }

func NewFeed[T any](next func() T) *Feed[T] {
	f := &Feed[T]{out: make(chan T)}
	go f.pump(next) // want `the goroutine started here sends on unbuffered out \(line \d+\), but Out hands out out to first`
	return f
}

func (f *Feed[T]) pump(next func() T) { f.out <- next() }

func (f *Feed[T]) Out() <-chan T { return f.out }

func first(ctx context.Context, f *Feed[int]) int {
	select {
	case v := <-f.Out():
		return v
	case <-ctx.Done():
		return 0
	}
}

// Its twin gives the generic field a buffer of one for its one send:
// when first leaves through ctx.Done(), the send still completes.
type BufferedFeed[T any] struct{ out chan T }

func NewBufferedFeed[T any](next func() T) *BufferedFeed[T] {
	f := &BufferedFeed[T]{out: make(chan T, 1)}
	go f.pump(next)
	return f
}

func (f *BufferedFeed[T]) pump(next func() T) { f.out <- next() }

func (f *BufferedFeed[T]) Out() <-chan T { return f.out }

func firstBuffered(ctx context.Context, f *BufferedFeed[int]) int {
	select {
	case v := <-f.Out():
		return v
	case <-ctx.Done():
		return 0
	}
}
