// Package withoutcutshort is analyzed with -ctxgo.cutshort=false.
package withoutcutshort

import (
	"context"
	"time"
)

type Log interface {
	Write(ctx context.Context, msg string)
}

func Arg(parent context.Context, l Log, events <-chan string) {
	ctx, cancel := context.WithTimeout(parent, time.Second)
	defer cancel()
	go l.Write(ctx, "off")
	go func() { // want `loops forever`
		for {
			println(<-events)
		}
	}()
}
