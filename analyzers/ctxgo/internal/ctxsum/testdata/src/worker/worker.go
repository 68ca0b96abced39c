package worker

import (
	"context"
	"sync"
	"time"
)

type Worker struct {
	jobs chan func(context.Context)
	wg   sync.WaitGroup
}

func (w *Worker) loop(ctx context.Context) { // want loop:`runsUntilCtx\(ctx\)`
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
func (w *Worker) Start(ctx context.Context) { // want Start:`keepsCtx\(ctx until cancelled\)`
	go w.loop(ctx)
}

// Run wraps Start: it is a keeper too.
func Run(w *Worker, ctx context.Context, n int) { // want Run:`keepsCtx\(ctx until cancelled\)`
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
func Watch(ctx context.Context, stop func()) { // want Watch:`watchesCtx\(ctx\)`
	go func() {
		<-ctx.Done()
		stop()
	}()
}

// Tick gives its goroutine a context of its own: not a keeper.
func Tick(ctx context.Context, d time.Duration) { // want Tick:`watchesCtx\(ctx\)`
	go func() {
		bg := context.Background()
		for range time.Tick(d) {
			_ = bg
		}
	}()
}
