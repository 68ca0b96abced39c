package related

import (
	"context"
	"net/http"
	"time"
)

type DB interface {
	Exec(ctx context.Context, q string) error
}

func audit(db DB, ctx context.Context) { db.Exec(ctx, "insert") }

// Cut short by the deferred cancel.
func Checkout(db DB, parent context.Context) {
	ctx, cancel := context.WithTimeout(parent, time.Second)
	defer cancel()
	go func() { // want `ctx is cancelled when Checkout returns, but the goroutine started here keeps using it`
		db.Exec(ctx, "x")
	}()
}

// Cut short by the end of the request.
func Handler(w http.ResponseWriter, r *http.Request) {
	go audit(nil, r.Context()) // want `r.Context\(\) is cancelled when Handler returns`
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
	ctx, cancel := context.WithTimeout(parent, time.Minute) // want `the cancel function is handed to the goroutine started on line 48`
	go func() {
		if err := db.Exec(ctx, "x"); err != nil {
			return
		}
		cancel()
	}()
}

// The goroutine never looks at ctx.
func Publish(ctx context.Context, events <-chan int) {
	go func() { // want `the goroutine started here loops forever on blocking work \(line 59\) and never observes ctx`
		for {
			println(<-events)
		}
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
