package dialfield

import (
	"context"
	"net/http"
	"sync"
	"time"
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

// The shape of at-wat/mqtt-go v0.10.2's ReconnectClient.Connect (#121):
// the retry loop runs on the dial's own ctx, and the dial waits only for
// the first connection or for ctx to end. Once it has returned, the
// caller's dial timeout stops the reconnections.
type Reconnect struct {
	url  string
	lost chan struct{}
}

func (r *Reconnect) dial(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, r.url, nil)
	if err != nil {
		return err
	}
	_, err = http.DefaultClient.Do(req)
	return err
}

func (r *Reconnect) Connect(ctx context.Context) error {
	ready := make(chan struct{})
	var once sync.Once
	go func() { // want `the goroutine started here keeps using a context derived from the ctx of \(\*Reconnect\)\.Connect \(line 130\), which callers may cancel once Connect returns`
		for {
			if err := r.dial(ctx); err == nil {
				once.Do(func() { close(ready) })
				select {
				case <-r.lost:
				case <-ctx.Done():
					return
				}
			}
			select {
			case <-time.After(time.Second):
			case <-ctx.Done():
				return
			}
		}
	}()
	select {
	case <-ready:
	case <-ctx.Done():
		return ctx.Err()
	}
	return nil
}

// Twin: the fix of #121, the loop's context replaced by Background once
// the first connection is made.
func (r *Reconnect) ConnectDetached(ctx context.Context) error {
	ready := make(chan struct{})
	var once sync.Once
	go func(ctx context.Context) {
		for {
			if err := r.dial(ctx); err == nil {
				once.Do(func() {
					ctx = context.Background()
					close(ready)
				})
				select {
				case <-r.lost:
				case <-ctx.Done():
					return
				}
			}
			select {
			case <-time.After(time.Second):
			case <-ctx.Done():
				return
			}
		}
	}(ctx)
	select {
	case <-ready:
	case <-ctx.Done():
		return ctx.Err()
	}
	return nil
}

// Twin: within its timeout, the dial waits for a goroutine that does
// bounded work (one request).
func (r *Reconnect) ConnectOnce(ctx context.Context) error {
	errc := make(chan error, 1)
	go func() { errc <- r.dial(ctx) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Twin: the dial waits for the first connection without a bound of its
// own: whether that wait is for the setup or for the loop's end is not
// told from here.
func (r *Reconnect) ConnectPatient(ctx context.Context) error {
	ready := make(chan struct{})
	var once sync.Once
	go func() {
		for {
			if err := r.dial(ctx); err == nil {
				once.Do(func() { close(ready) })
			}
			select {
			case <-time.After(time.Second):
			case <-ctx.Done():
				return
			}
		}
	}()
	<-ready
	return nil
}

// Twin: a retry loop that hands over the first connection and ends: the
// dial's wait, within its timeout, is for the goroutine's end.
func (r *Reconnect) ConnectRetry(ctx context.Context) error {
	ready := make(chan struct{})
	go func() {
		for {
			if err := r.dial(ctx); err == nil {
				close(ready)
				return
			}
			select {
			case <-time.After(time.Second):
			case <-ctx.Done():
				return
			}
		}
	}()
	select {
	case <-ready:
	case <-ctx.Done():
		return ctx.Err()
	}
	return nil
}
