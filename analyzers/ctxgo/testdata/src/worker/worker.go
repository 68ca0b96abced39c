package worker

import (
	"context"
	"fmt"
	"sync"
	"time"
)

type Worker struct {
	jobs chan func(context.Context)
	wg   sync.WaitGroup
	out  interface{ Send(context.Context, string) }
}

func (w *Worker) loop(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case job := <-w.jobs:
			job(ctx)
		}
	}
}

// Start returns at once; its goroutine keeps working with ctx.
func (w *Worker) Start(ctx context.Context) {
	go w.loop(ctx)
}

// Run wraps Start: it is a keeper too.
func Run(w *Worker, ctx context.Context, n int) {
	_ = n
	w.Start(ctx)
}

// StartAndWait waits: not a keeper.
func (w *Worker) StartAndWait(ctx context.Context) {
	w.wg.Add(1)
	go func() {
		defer w.wg.Done()
		w.loop(ctx)
	}()
	w.wg.Wait()
}

// Watch only watches ctx: not a keeper.
func Watch(ctx context.Context, stop func()) {
	go func() {
		<-ctx.Done()
		stop()
	}()
}

// Tick gives its goroutine a context of its own: not a keeper.
func Tick(ctx context.Context, d time.Duration) {
	go func() {
		bg := context.Background()
		for range time.Tick(d) {
			_ = bg
		}
	}()
}

// Serve works until ctx is cancelled.
func (w *Worker) Serve(ctx context.Context) { w.loop(ctx) }

// Notify hands ctx to a one-shot goroutine that does not watch it.
func (w *Worker) Notify(ctx context.Context, msg string) {
	go func() { w.out.Send(ctx, msg) }()
}

// Deliver does bounded work: it checks ctx once, then sends.
func (w *Worker) Deliver(ctx context.Context, msg string) {
	if ctx.Err() != nil {
		return
	}
	w.out.Send(ctx, msg)
}

// Pool's Submit is a keeper of its second parameter. A caller calls a
// method of an instance (Pool[int]); the fact is on its origin.
type Pool[T any] struct{ name string }

func (p *Pool[T]) Submit(v T, ctx context.Context) {
	go func() { sink.Send(ctx, p.name+fmt.Sprint(v)) }()
}

// Opts carries a context in a field.
type Opts struct {
	Ctx context.Context
	Msg string
}

// SpawnWith keeps o.Ctx, but no fact names a context inside a struct.
func SpawnWith(o Opts) {
	go func() { sink.Send(o.Ctx, o.Msg) }()
}

var sink interface{ Send(context.Context, string) }
