package b

import (
	"context"
	"log"
	"net/http"
	"time"

	"worker"
)

func Serve(parent context.Context, w *worker.Worker) {
	ctx, cancel := context.WithTimeout(parent, time.Second)
	defer cancel()
	w.Notify(ctx, "served") // want `ctx is cancelled when Serve returns, but w.Notify keeps using it in a goroutine; did you mean to detach it with context.WithoutCancel\?`
}

func Wrapped(parent context.Context, w *worker.Worker) {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	worker.Run(w, ctx, 1) // want `ctx is cancelled when Wrapped returns, but worker.Run starts a goroutine that works with it until it is cancelled, so it stops as soon as Wrapped returns; did you mean to detach it from this cancel\?`
}

// Bounded work in another package (a fact): reported whatever follows.
type Svc struct{ wk *worker.Worker }

func (s *Svc) Handle(w http.ResponseWriter, r *http.Request) {
	go s.wk.Deliver(r.Context(), "handled") // want `r.Context\(\) is cancelled when Handle returns, but the goroutine started here keeps using it; did you mean to detach it with context.WithoutCancel\?`
	w.WriteHeader(http.StatusAccepted)
	log.Printf("handled")
}

// A keeper whose goroutine does bounded work, then a log line.
func NotifyThenLog(parent context.Context, w *worker.Worker) {
	ctx, cancel := context.WithTimeout(parent, time.Second)
	defer cancel()
	w.Notify(ctx, "served") // want `ctx is cancelled when NotifyThenLog returns, but w.Notify keeps using it in a goroutine`
	log.Printf("notified")
}

// ---- negative twins ----

func (s *Svc) HandleDetached(w http.ResponseWriter, r *http.Request) {
	go s.wk.Deliver(context.WithoutCancel(r.Context()), "handled")
	w.WriteHeader(http.StatusAccepted)
	log.Printf("handled")
}

func NotifyThenWait(parent context.Context, w *worker.Worker, done <-chan struct{}) {
	ctx, cancel := context.WithTimeout(parent, time.Second)
	defer cancel()
	w.Notify(ctx, "served")
	log.Printf("notified")
	<-done
}

func Waits(parent context.Context, w *worker.Worker) {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	w.StartAndWait(ctx)
}

func Watches(parent context.Context, stop func()) {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	worker.Watch(ctx, stop)
	worker.Tick(ctx, time.Second)
}

// A goroutine running another package's watcher does no work with ctx.
func GoWatches(parent context.Context, stop func()) {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	go worker.Watch(ctx, stop)
}

func Detached(parent context.Context, w *worker.Worker) {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	w.Start(context.WithoutCancel(ctx))
}

func Blocks(parent context.Context, w *worker.Worker, done <-chan struct{}) {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	w.Start(ctx)
	<-done
}

// The function keeps working with the context the keeper returned
// (coder/websocket's ctx = c.CloseRead(ctx); c.Ping(ctx)).
func KeepsWorking(parent context.Context, w *worker.Worker, ping func(context.Context) error) error {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	w.Start(ctx)
	ctx = context.WithValue(parent, "k", 1)
	return ping(ctx)
}

// A server goroutine stopped by the cancel at return, as tests do: Serve
// stops at cancellation (a fact from package worker), and the function
// keeps working until check returns.
func ServerForTest(parent context.Context, w *worker.Worker, check func() error) error {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	go w.Serve(ctx)
	return check()
}

// The same server, dead on arrival: nothing but a return follows.
func DeadOnArrival(parent context.Context, w *worker.Worker) *worker.Worker {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	go w.Serve(ctx) // want `stops as soon as DeadOnArrival returns`
	return w
}

// A worker that stops at cancellation, stopped by the cancel at return
// after the function's own work.
func StartThenWork(parent context.Context, w *worker.Worker, check func() error) error {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	w.Start(ctx)
	return check()
}
