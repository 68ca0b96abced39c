// Package related holds ctxgo findings that carry related information
// (where the context is cancelled, the goroutine that keeps it, the path
// that loses the cancel), importing nothing heavier than context and
// time, so that the plugin test loads no net/http from source under the
// race detector.
package related

import (
	"context"
	"time"
)

type DB interface {
	Exec(ctx context.Context, q string) error
}

// Cut short by the deferred cancel.
func Checkout(db DB, parent context.Context) {
	ctx, cancel := context.WithTimeout(parent, time.Second)
	defer cancel()
	go func() { // want `ctx is cancelled when Checkout returns, but the goroutine started here keeps using it`
		db.Exec(ctx, "x")
	}()
}

// Worker keeps ctx in a goroutine of its own.
func Worker(db DB, ctx context.Context) {
	go func() {
		for {
			db.Exec(ctx, "poll")
			time.Sleep(time.Second)
		}
	}()
}

func StartWorker(db DB, parent context.Context) {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	Worker(db, ctx) // want `ctx is cancelled when StartWorker returns, but Worker keeps using it in a goroutine`
}

// The cancel function is handed over but not called on every path.
func Handover(db DB, parent context.Context) {
	ctx, cancel := context.WithTimeout(parent, time.Minute) // want `the cancel function is handed to the goroutine started on line 45`
	go func() {
		if err := db.Exec(ctx, "x"); err != nil {
			return
		}
		cancel()
	}()
}

// A chain of keepers: the related entry points at the go statement at its end.
func notify(db DB, ctx context.Context) { db.Exec(ctx, "notify") }

func dispatch(db DB, ctx context.Context) { go notify(db, ctx) }

func handleEvent(db DB, ctx context.Context) { dispatch(db, ctx) }

func Webhook(db DB, parent context.Context) {
	ctx, cancel := context.WithTimeout(parent, time.Second)
	defer cancel()
	handleEvent(db, ctx) // want `ctx is cancelled when Webhook returns, but handleEvent keeps using it in a goroutine`
	println("accepted")
}

// Negative twin: the goroutine ends before the function returns and the
// cancel runs.
func Wait(db DB, parent context.Context) {
	ctx, cancel := context.WithTimeout(parent, time.Second)
	defer cancel()
	done := make(chan struct{})
	go func() {
		db.Exec(ctx, "x")
		close(done)
	}()
	<-done
}

// The goroutine never looks at ctx.
func Publish(ctx context.Context, events <-chan int) {
	go func() { // want `the goroutine started here loops forever on blocking work \(line 83\) and never observes ctx`
		for {
			println(<-events)
		}
	}()
}
