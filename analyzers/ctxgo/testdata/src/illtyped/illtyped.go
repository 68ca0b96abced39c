package illtyped

import (
	"context"
	"time"
)

func Broken(parent context.Context) {
	ctx, cancel := context.WithTimeout(parent) // want "not enough arguments"
	defer cancel()
	go undefined(ctx) // want "undefined: undefined"
	go func() {
		missing.Do(ctx) // want "undefined: missing"
	}()
	var x int = "s" // want "cannot use"
	_ = x
	go func() {
		for {
			time.Sleep() // want "not enough arguments"
		}
	}()
	c2, stop := context.WithCancel() // want "not enough arguments"
	go func() {
		if c2 == nil {
			return
		}
		stop()
	}()
}
