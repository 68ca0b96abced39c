// Package withouthandover is analyzed with -ctxgo.handover=false.
package withouthandover

import (
	"context"
	"time"
)

type Log interface {
	Write(ctx context.Context, msg string)
}

func Lost(parent context.Context, l Log) {
	ctx, cancel := context.WithTimeout(parent, time.Minute)
	go func() {
		if ctx.Value("k") != nil {
			return
		}
		cancel()
	}()
	ctx2, cancel2 := context.WithTimeout(parent, time.Minute)
	defer cancel2()
	go l.Write(ctx2, "x") // want `ctx2 is cancelled when Lost returns`
}
