// Package illtyped has type errors: ctxgo must not panic on it.
package illtyped

import (
	"context"
	"time"
)

func Broken(parent context.Context) {
	ctx, cancel := context.WithTimeout(parent)
	defer cancel()
	// Ill-typed shapes are still judged by what is known.
	go undefined(ctx) // want `ctx is cancelled when Broken returns`
	go func() {       // want `ctx is cancelled when Broken returns`
		missing.Do(ctx)
	}()
	var x int = "s"
	_ = x
	go func() { // want `loops forever`
		for {
			time.Sleep()
		}
	}()
	c2, stop := context.WithCancel() // want `the stop function is handed`
	go func() {
		if c2 == nil {
			return
		}
		stop()
	}()
}

// Unknown wrappers, hooks and loop conditions.
func Wrapped(parent context.Context, hook func(context.Context) context.Context) {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	ctx = hook(unknownWrap(ctx))
	go func() {
		for undefinedCond(ctx) {
			if err != nil {
				return
			}
		}
	}()
	go runner.Run(ctx)
	var s notAType
	_ = s.Done()
}

// Ill-typed calls in an endless loop that passes a context on.
func SpinIllTyped(ctx context.Context) {
	go func() {
		for {
			undefinedCall(ctx)
			err := unknownPkg.Fetch(ctx, missing)
			_ = err
		}
	}()
	go func(c context.Context) {
		for {
			notAFunc(c)
		}
	}(undefinedCtx, ctx)
}
