// Package withoutunobserved is analyzed with -ctxgo.unobserved=false.
package withoutunobserved

import (
	"context"
	"time"
)

func Serve(ctx context.Context, events <-chan int) {
	go func() {
		for {
			println(<-events)
		}
	}()
	c, cancel := context.WithTimeout(ctx, time.Second) // want `the cancel function is handed`
	go func() {
		if <-events == 0 {
			return
		}
		_ = c.Value("k")
		cancel()
	}()
	go func() {
		for {
			if err := poll(ctx); err != nil {
				println(err)
			}
		}
	}()
}

func poll(ctx context.Context) error { return ctx.Err() }
