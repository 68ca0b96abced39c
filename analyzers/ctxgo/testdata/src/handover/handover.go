package handover

import (
	"context"
	"time"
)

func fetch(ctx context.Context) error { return nil }

func Lost(parent context.Context) {
	ctx, cancel := context.WithTimeout(parent, time.Minute) // want `the cancel function is handed to the goroutine started on line 12, which does not call it on every path \(possible context leak\)`
	go func() {
		if err := fetch(ctx); err != nil {
			return
		}
		cancel()
	}()
}

func LostVar(parent context.Context, b bool) {
	var ctx, stop = context.WithCancel(parent) // want `the stop function is handed to the goroutine`
	go func() {
		if b {
			stop()
		}
		_ = fetch(ctx)
	}()
}

// ---- negative twins ----

// defer at the top of the goroutine.
func Deferred(parent context.Context) {
	ctx, cancel := context.WithTimeout(parent, time.Minute)
	go func() {
		defer cancel()
		_ = fetch(ctx)
	}()
}

// Called on every path.
func EveryPath(parent context.Context) {
	ctx, cancel := context.WithTimeout(parent, time.Minute)
	go func() {
		if err := fetch(ctx); err != nil {
			cancel()
			return
		}
		cancel()
	}()
}

// The goroutine never ends: no path misses cancel.
func Forever(parent context.Context, ch chan int) {
	ctx, cancel := context.WithCancel(parent)
	go func() {
		for {
			select {
			case <-ch:
			case <-ctx.Done():
				cancel()
				return
			}
		}
	}()
}

// A path that has seen ctx end needs no cancel (go-redis's MonitorCmd).
func SeenDone(parent context.Context, lines chan string) {
	ctx, cancel := context.WithCancel(parent)
	go func(ctx context.Context) {
		for {
			select {
			case <-ctx.Done():
				return
			case l := <-lines:
				if l == "" {
					cancel()
				}
			}
		}
	}(ctx)
}

// panic ends the path.
func Panics(parent context.Context) {
	ctx, cancel := context.WithCancel(parent)
	go func() {
		if err := fetch(ctx); err != nil {
			panic(err)
		}
		cancel()
	}()
}

// The parent also uses cancel: not a handover.
func Shared(parent context.Context) {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	go func() {
		if fetch(ctx) != nil {
			return
		}
		cancel()
	}()
}

// lostcancel's territory: the go statement is on some paths only.
func SomePaths(parent context.Context, b bool) {
	ctx, cancel := context.WithCancel(parent)
	if b {
		return
	}
	go func() {
		if fetch(ctx) != nil {
			return
		}
		cancel()
	}()
}
