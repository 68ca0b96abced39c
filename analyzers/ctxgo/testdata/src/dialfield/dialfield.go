// Package dialfield holds contexts that a Dial or Connect function stores
// in a field of the connection it returns, and the goroutines of the
// connection that use them later.
package dialfield

import (
	"context"
	"net/http"
	"sync"
)

// The shape of modelcontextprotocol/go-sdk v1.1.0: Connect derives the
// connection's context from its own ctx, which the caller cancels once
// Connect has returned.

type Transport struct{ URL string }

type conn struct {
	ctx    context.Context
	cancel context.CancelFunc
	url    string
}

func (t *Transport) Connect(ctx context.Context) (*conn, error) {
	connCtx, cancel := context.WithCancel(ctx)
	return &conn{ctx: connCtx, cancel: cancel, url: t.URL}, nil
}

func (c *conn) sessionUpdated() {
	go c.stream() // want `c\.ctx holds a context derived from the ctx of \(\*Transport\)\.Connect \(line 26\), which callers may cancel once Connect returns \(a dial's context bounds its setup, as for net\.Dialer\.DialContext\), but the goroutine started here keeps using it \(line 51\); did you mean to derive it from context\.WithoutCancel\(ctx\)\?`
}

func (c *conn) stream() {
	for {
		resp, err := c.get()
		if err != nil {
			return
		}
		resp.Body.Close()
	}
}

// Close cancels the connection's context: a caller-held cancel does not
// make the parent's cancellation harmless.
func (c *conn) Close() error {
	c.cancel()
	return nil
}

func (c *conn) get() (*http.Response, error) {
	req, err := http.NewRequestWithContext(c.ctx, http.MethodGet, c.url, nil)
	if err != nil {
		return nil, err
	}
	return http.DefaultClient.Do(req)
}

// A Dial function that assigns the field, and a literal that works with it.

type session struct {
	ctx    context.Context
	cancel context.CancelFunc
}

func DialSession(ctx context.Context) *session {
	s := &session{}
	s.ctx, s.cancel = context.WithCancel(ctx)
	return s
}

func (s *session) keepAlive(url string) {
	go func() { // want `s\.ctx holds a context derived from the ctx of DialSession \(line 67\)`
		req, _ := http.NewRequestWithContext(s.ctx, http.MethodPost, url, nil)
		http.DefaultClient.Do(req)
	}()
}

// Twin: the connection's context is detached from the dial's cancel with
// context.WithoutCancel (the fix of go-sdk v1.2.0).

type detached struct {
	ctx    context.Context
	cancel context.CancelFunc
	url    string
}

func (t *Transport) ConnectDetached(ctx context.Context) *detached {
	connCtx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	return &detached{ctx: connCtx, cancel: cancel, url: t.URL}
}

func (d *detached) start() {
	go func() {
		req, _ := http.NewRequestWithContext(d.ctx, http.MethodGet, d.url, nil)
		http.DefaultClient.Do(req)
	}()
}

// Twin: a context of its own, from context.Background().

type own struct{ ctx context.Context }

func Dial(ctx context.Context, url string) (*own, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodHead, url, nil)
	if err != nil {
		return nil, err
	}
	if _, err := http.DefaultClient.Do(req); err != nil {
		return nil, err
	}
	return &own{ctx: context.Background()}, nil
}

func (o *own) start(url string) {
	go func() {
		req, _ := http.NewRequestWithContext(o.ctx, http.MethodGet, url, nil)
		http.DefaultClient.Do(req)
	}()
}

// Twin: Start's context is the worker's lifetime by design (not a dial).

type worker struct{ ctx context.Context }

func Start(ctx context.Context) *worker {
	w := &worker{ctx: ctx}
	go w.run("http://localhost")
	return w
}

func (w *worker) run(url string) {
	req, _ := http.NewRequestWithContext(w.ctx, http.MethodGet, url, nil)
	http.DefaultClient.Do(req)
}

// Twin: the goroutine only watches the dial's context, to close the
// connection when it ends.

type watched struct {
	ctx  context.Context
	done chan struct{}
}

func ConnectWatched(ctx context.Context) *watched {
	return &watched{ctx: ctx, done: make(chan struct{})}
}

func (w *watched) watch() {
	go func() {
		select {
		case <-w.ctx.Done():
		case <-w.done:
		}
	}()
}

// Twin: the dial's own handshake goroutine, joined before it returns,
// while its context is alive.

type joined struct {
	ctx context.Context
	url string
}

func ConnectJoined(ctx context.Context, url string) *joined {
	j := &joined{ctx: ctx, url: url}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		req, _ := http.NewRequestWithContext(j.ctx, http.MethodOptions, j.url, nil)
		http.DefaultClient.Do(req)
	}()
	wg.Wait()
	return j
}

// Twin: a name that only starts like Dial (Dialect) is not a dial.

type dialect struct{ ctx context.Context }

func Dialect(ctx context.Context) *dialect { return &dialect{ctx: ctx} }

func (d *dialect) run(url string) {
	go func() {
		req, _ := http.NewRequestWithContext(d.ctx, http.MethodGet, url, nil)
		http.DefaultClient.Do(req)
	}()
}
