package worker

import (
	"context"
	"errors"
	"time"
)

// exchange starts the work whose reply it waits for and fails at the end
// of ctx instead of returning it: work that cancellation cuts short
// (go-ipmi v0.8.3's UDPClient.Exchange), no watchesCtx fact.
func exchange(ctx context.Context, send func() []byte) ([]byte, error) {
	replies := make(chan []byte, 1)
	go func() { replies <- send() }()
	select {
	case <-ctx.Done():
		return nil, errors.New("canceled from caller")
	case reply := <-replies:
		return reply, nil
	}
}

// Twin: the same wait on a local timer's channel waits for no result.
func sleepFor(ctx context.Context, d time.Duration) error { // want sleepFor:`watchesCtx\(ctx\)`
	timeout := time.After(d)
	select {
	case <-ctx.Done():
		return ctx.Err()
	case now := <-timeout:
		_ = now
		return nil
	}
}

// Twin: the same select in a loop is the loop's stop.
func receiveAll(ctx context.Context, send func() []byte) error { // want receiveAll:`watchesCtx\(ctx\)` receiveAll:`runsUntilCtx\(ctx\)`
	replies := make(chan []byte, 1)
	go func() { replies <- send() }()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case reply := <-replies:
			_ = reply
		}
	}
}

// Twin: a Done that returns no error gives up quietly.
func tryExchange(ctx context.Context, send func() []byte) ([]byte, error) { // want tryExchange:`watchesCtx\(ctx\)`
	replies := make(chan []byte, 1)
	go func() { replies <- send() }()
	select {
	case <-ctx.Done():
		return nil, nil
	case reply := <-replies:
		return reply, nil
	}
}
