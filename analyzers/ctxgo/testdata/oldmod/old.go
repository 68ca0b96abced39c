// A module for Go 1.20, which lacks context.WithoutCancel: no fix.
package old

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
	go audit(ctx, l, "arg") // want `ctx is cancelled when Arg returns`
}
