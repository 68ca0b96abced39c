package unobserved

import (
	"context"
	"time"
)

// A client whose background listener waits for the session to be
// initialized or the client closed (mcp-go v0.47.0 StreamableHTTP.Start,
// fixed by PR #790).
type Client struct {
	initialized chan struct{}
	closed      chan struct{}
	ticker      *time.Ticker
	ctx         context.Context
}

func (c *Client) listen(ctx context.Context) {}

func (c *Client) Start(ctx context.Context) error {
	go func() { // want `the goroutine started here waits for c.initialized or c.closed in a select \(line 22\) without a case for ctx.Done\(\), then works with ctx, so when ctx is cancelled first it keeps waiting; add case <-ctx.Done\(\)`
		select {
		case <-c.initialized:
			c.listen(ctx)
		case <-c.closed:
			return
		}
	}()
	return nil
}

// The work may follow the select too, and the context may be derived.
func (c *Client) StartAfter(parent context.Context) {
	ctx, cancel := context.WithTimeout(parent, time.Minute)
	go func() { // want `waits for c.initialized or c.closed in a select \(line 37\) without a case for ctx.Done\(\)`
		defer cancel()
		select {
		case <-c.initialized:
		case <-c.closed:
			return
		}
		c.listen(ctx)
	}()
}

// Twin: the fix of PR #790, a case for ctx.Done().
func (c *Client) StartFixed(ctx context.Context) error {
	go func() {
		select {
		case <-c.initialized:
			c.listen(ctx)
		case <-c.closed:
			return
		case <-ctx.Done():
			return
		}
	}()
	return nil
}

// Twin: a timeout ends the wait on its own.
func (c *Client) StartTimeout(ctx context.Context) {
	go func() {
		select {
		case <-c.initialized:
			c.listen(ctx)
		case <-time.After(time.Minute):
		}
	}()
}

// Twin: a ticker fires on its own too.
func (c *Client) StartTick(ctx context.Context) {
	go func() {
		select {
		case <-c.initialized:
			c.listen(ctx)
		case <-c.ticker.C:
		}
	}()
}

// Twin: a default case: the select does not wait.
func (c *Client) StartNow(ctx context.Context) {
	go func() {
		select {
		case <-c.initialized:
			c.listen(ctx)
		case <-c.closed:
		default:
			c.listen(ctx)
		}
	}()
}

// Twin: a local channel, which the function may close or take from
// ctx.Done() itself.
func (c *Client) StartLocal(ctx context.Context) {
	done := ctx.Done()
	go func() {
		select {
		case <-c.initialized:
			c.listen(ctx)
		case <-done:
		}
	}()
}

// Twin: the goroutine is given a context that is never cancelled.
func (c *Client) StartDetached(ctx context.Context) {
	ctx = context.WithoutCancel(ctx)
	go func() {
		select {
		case <-c.initialized:
			c.listen(ctx)
		case <-c.closed:
		}
	}()
}

// Twin: the context the goroutine works with is the client's own, a
// field, not one the caller cancels.
func (c *Client) StartOwn(ctx context.Context) {
	go func() {
		select {
		case <-c.initialized:
			c.listen(c.ctx)
		case <-c.closed:
		}
	}()
}

// Twin: the wait is inside a loop that exits, not a one-shot wait before
// the work (another shape, left to the loop rules).
func (c *Client) Pump(ctx context.Context) {
	go func() {
		for {
			select {
			case <-c.initialized:
				c.listen(ctx)
			case <-c.closed:
				return
			}
		}
	}()
}

// Twin: ctx is only watched after the wait, never used for work.
func (c *Client) StartWatch(ctx context.Context) {
	go func() {
		select {
		case <-c.initialized:
		case <-c.closed:
			return
		}
		if ctx.Err() != nil {
			return
		}
	}()
}
