// Package pollimpl declares, for unobserved's blind polls, an interface
// and implementations of it in another package than the goroutine that
// calls it.
package pollimpl

import (
	"context"
	"time"
)

// Source is polled for the next item.
type Source interface {
	Next(ctx context.Context) (int, error)
}

// Spinner polls its queue every 10 ms and looks at ctx only when the
// queue is closed: once ctx is cancelled, Next keeps polling.
type Spinner struct {
	queue  func() (int, bool)
	closed bool
}

func (s *Spinner) Next(ctx context.Context) (int, error) {
	for {
		if s.closed {
			return 0, ctx.Err()
		}
		if v, ok := s.queue(); ok {
			return v, nil
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// Waiter is the fix: the sleep is a select with a ctx.Done() case.
type Waiter struct{ queue func() (int, bool) }

func (w Waiter) Next(ctx context.Context) (int, error) {
	for {
		if v, ok := w.queue(); ok {
			return v, nil
		}
		select {
		case <-time.After(10 * time.Millisecond):
		case <-ctx.Done():
			return 0, ctx.Err()
		}
	}
}

// Checker is implemented by Waiter-like types only.
type Checker interface {
	Check(ctx context.Context) error
}

// Retrier checks ctx at the top of every round.
type Retrier struct{ try func() bool }

func (r Retrier) Check(ctx context.Context) error {
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		if r.try() {
			return nil
		}
		time.Sleep(time.Second)
	}
}
