package fix

import (
	"context"
	"time"
)

type Log interface {
	Write(ctx context.Context, msg string)
}

func audit(ctx context.Context, l Log, msg string) { l.Write(ctx, msg) }

func Arg(parent context.Context, l Log) {
	ctx, cancel := context.WithTimeout(parent, time.Second)
	defer cancel()
	go audit(ctx, l, "arg") // want `ctx is cancelled when Arg returns, but the goroutine started here keeps using it; did you mean to detach it with context.WithoutCancel\?`
}

func Lit(parent context.Context, l Log) {
	ctx, cancel := context.WithTimeout(parent, time.Second)
	defer cancel()
	go func() { // want `ctx is cancelled when Lit returns`
		l.Write(ctx, "lit")
	}()
}

func LitArgs(parent context.Context, l Log) {
	ctx, cancel := context.WithTimeout(parent, time.Second)
	defer cancel()
	go func(msg string) { // want `ctx is cancelled when LitArgs returns`
		l.Write(ctx, msg)
	}("lit")
}

// The literal writes to ctx: no fix, the edit would change what it sees.
func Assigns(parent context.Context, l Log) {
	ctx, cancel := context.WithTimeout(parent, time.Second)
	defer cancel()
	go func() { // want `ctx is cancelled when Assigns returns`
		ctx = context.WithValue(ctx, "k", 1)
		l.Write(ctx, "x")
	}()
}

// The literal declares its own ctx later: no fix, the parameter would clash.
func Shadows(parent context.Context, l Log) {
	ctx, cancel := context.WithTimeout(parent, time.Second)
	defer cancel()
	go func() { // want `ctx is cancelled when Shadows returns`
		l.Write(ctx, "x")
		if ctx := context.Background(); ctx != nil {
			l.Write(ctx, "y")
		}
	}()
}
