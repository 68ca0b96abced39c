// Package cgo checks that ctxgo works in a cgo file.
package cgo

// static int answer(void) { return 42; }
import "C"

import (
	"context"
	"time"
)

type Sink interface {
	Put(ctx context.Context, v int)
}

func Compute(parent context.Context, s Sink) {
	ctx, cancel := context.WithTimeout(parent, time.Second)
	defer cancel()
	go s.Put(ctx, int(C.answer())) // want `ctx is cancelled when Compute returns, but the goroutine started here keeps using it`
}
