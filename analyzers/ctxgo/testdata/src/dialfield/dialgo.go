package dialfield

import (
	"context"
	"net/http"
)

// The shape of gopcua/opcua v0.1.6 (#313): Dial starts the connection's
// monitor with a context derived from its own ctx, which the caller
// cancels once Dial has returned (a dial timeout).

type Client struct {
	url           string
	cancelMonitor context.CancelFunc
}

func (c *Client) Dial(ctx context.Context) error {
	if ctx == nil {
		ctx = context.Background()
	}
	ctx, c.cancelMonitor = context.WithCancel(ctx)
	go c.monitor(ctx) // want `the goroutine started here keeps using a context derived from the ctx of \(\*Client\)\.Dial, which callers may cancel once Dial returns \(a dial's context bounds its setup, as for net\.Dialer\.DialContext\); did you mean to derive it from context\.WithoutCancel\(ctx\)\?`
	return nil
}

func (c *Client) monitor(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		default:
			req, _ := http.NewRequestWithContext(ctx, http.MethodGet, c.url, nil)
			if _, err := http.DefaultClient.Do(req); err != nil {
				return
			}
		}
	}
}

// A pump that only watches its context (opcua's monitorChannel passes it
// to a Receive that selects on ctx.Done()): its loop still ends when the
// dial's context does.
func (c *Client) pump(ctx context.Context, in <-chan string) {
	for {
		select {
		case <-ctx.Done():
			return
		case msg := <-in:
			c.url = msg
		}
	}
}

func (c *Client) DialPump(ctx context.Context, in <-chan string) error {
	go c.pump(ctx, in) // want `the goroutine started here keeps using a context derived from the ctx of \(\*Client\)\.DialPump, which callers may cancel once DialPump returns`
	return nil
}

// Twin: the fix of #313, the monitor's context derived from Background.
func (c *Client) DialDetached(ctx context.Context) error {
	var mctx context.Context
	mctx, c.cancelMonitor = context.WithCancel(context.Background())
	go c.monitor(mctx)
	return nil
}

// Twin: the dial waits for its handshake goroutine.
func (c *Client) ConnectHandshake(ctx context.Context) error {
	errc := make(chan error, 1)
	go func() {
		req, _ := http.NewRequestWithContext(ctx, http.MethodOptions, c.url, nil)
		_, err := http.DefaultClient.Do(req)
		errc <- err
	}()
	return <-errc
}

// Twin: a goroutine that only watches the dial's context.
func (c *Client) ConnectWatch(ctx context.Context, done chan struct{}) error {
	go func() {
		select {
		case <-ctx.Done():
			c.cancelMonitor()
		case <-done:
		}
	}()
	return nil
}

// Twin: not a dial by name; Start's context is the lifetime.
func (c *Client) Start(ctx context.Context) {
	go c.monitor(ctx)
}

// Twin: a branch that replaces ctx on another test than ctx == nil: on
// that path the monitor gets Background, and ctxgo does not guess.
func (c *Client) DialLocal(ctx context.Context) error {
	if c.url == "" {
		ctx = context.Background()
	}
	go c.monitor(ctx)
	return nil
}
