package a

import (
	"context"
	"io"
	"net"
	"net/http"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"
)

type H struct{ db DB }

type DB interface {
	Exec(ctx context.Context, q string) error
}

func (h *H) audit(ctx context.Context, what string) { h.db.Exec(ctx, "insert "+what) }

// watch only watches its context.
func watch(ctx context.Context, c io.Closer) {
	<-ctx.Done()
	c.Close()
}

// The example: audit dies the moment Checkout returns.
func (h *H) Checkout(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 800*time.Millisecond)
	defer cancel()
	w.WriteHeader(200)
	go h.audit(ctx, "checkout") // want `ctx is cancelled when Checkout returns, but the goroutine started here keeps using it; did you mean to detach it with context.WithoutCancel\?`
}

// The request's context ends when the handler returns.
func (h *H) Handler(w http.ResponseWriter, r *http.Request) {
	go h.audit(r.Context(), "handler") // want `r.Context\(\) is cancelled when Handler returns`
}

func (h *H) HandlerLit(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	go func() { // want `ctx is cancelled when HandlerLit returns, but the goroutine started here keeps using it; did you mean to detach it`
		h.db.Exec(ctx, "x")
	}()
}

// A derived context is cut short too, and the literal hands back a result.
func (h *H) Produce(parent context.Context) <-chan error {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	ctx = context.WithValue(ctx, "k", 1)
	out := make(chan error, 1)
	go func() { // want `ctx is cancelled when Produce returns, but the goroutine started here keeps using it; did you mean to wait for the goroutine before returning\?`
		out <- h.db.Exec(ctx, "select")
	}()
	return out
}

// ---- negative twins ----

// Detached on purpose.
func (h *H) Detached(parent context.Context) {
	ctx, cancel := context.WithTimeout(parent, time.Second)
	defer cancel()
	go h.audit(context.WithoutCancel(ctx), "detached")
}

// A context of its own.
func (h *H) Background(parent context.Context) {
	ctx, cancel := context.WithTimeout(parent, time.Second)
	defer cancel()
	_ = ctx
	go h.audit(context.Background(), "bg")
}

// A watcher: the goroutine only selects on ctx.Done().
func (h *H) Watcher(parent context.Context, conn net.Conn) error {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	go func() {
		select {
		case <-ctx.Done():
			conn.Close()
		}
	}()
	go watch(ctx, conn)
	return nil
}

// WaitGroup.
func (h *H) Fanout(parent context.Context, items []string) {
	ctx, cancel := context.WithTimeout(parent, time.Second)
	defer cancel()
	var wg sync.WaitGroup
	for _, it := range items {
		wg.Add(1)
		go func() {
			defer wg.Done()
			h.audit(ctx, it)
		}()
	}
	wg.Wait()
}

// errgroup.
func (h *H) Group(parent context.Context) error {
	ctx, cancel := context.WithTimeout(parent, time.Second)
	defer cancel()
	var g errgroup.Group
	done := make(chan struct{})
	go func() {
		defer close(done)
		h.audit(ctx, "g")
	}()
	return g.Wait()
}

// Channel join.
func (h *H) Join(parent context.Context) error {
	ctx, cancel := context.WithTimeout(parent, time.Second)
	defer cancel()
	errc := make(chan error, 1)
	go func() { errc <- h.db.Exec(ctx, "x") }()
	return <-errc
}

// Channel join through a helper that receives (minio-go's tests wait so).
func (h *H) JoinVia(parent context.Context) error {
	ctx, cancel := context.WithTimeout(parent, time.Second)
	defer cancel()
	errc := make(chan error, 1)
	go func() { errc <- h.db.Exec(ctx, "x") }()
	return recvErr(errc)
}

func recvErr(c <-chan error) error { return <-c }

// Handing the goroutine's channel to a helper only to send on it is no join.
func (h *H) SendVia(parent context.Context, out chan<- error) {
	ctx, cancel := context.WithTimeout(parent, time.Second)
	defer cancel()
	go func() { out <- h.db.Exec(ctx, "x") }() // want `ctx is cancelled when SendVia returns`
	notify(out)
}

func notify(c chan<- error) {}

// A select after the go statement.
func (h *H) Select(parent context.Context, stop chan struct{}) {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	go h.audit(ctx, "x")
	select {
	case <-stop:
	case <-ctx.Done():
	}
}

// A serving call blocks.
func (h *H) Serve(parent context.Context, srv *http.Server, l net.Listener) error {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	go h.audit(ctx, "serve")
	return srv.Serve(l)
}

// io.Copy blocks.
func (h *H) Copy(parent context.Context, dst io.Writer, src io.Reader) error {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	go h.audit(ctx, "copy")
	_, err := io.Copy(dst, src)
	return err
}

// The function keeps working with the same context: the goroutine is scoped to it.
func (h *H) Heartbeat(parent context.Context) error {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	go h.audit(ctx, "beat")
	return h.db.Exec(ctx, "stream")
}

// Cancel is not deferred: the context lives on.
func (h *H) NotDeferred(parent context.Context) context.CancelFunc {
	ctx, cancel := context.WithCancel(parent)
	go h.audit(ctx, "x")
	return cancel
}

// A parameter context is the caller's business.
func (h *H) Param(ctx context.Context) {
	go h.audit(ctx, "param")
}

// An accept loop: the function lives as long as its goroutines.
func (h *H) AcceptLoop(parent context.Context, l net.Listener) {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	for {
		c, err := l.Accept()
		if err != nil {
			return
		}
		go func() {
			h.db.Exec(ctx, c.RemoteAddr().String())
		}()
	}
}

// Reassigned on one branch only: not followed.
func (h *H) Branch(parent context.Context, b bool) {
	ctx := parent
	if b {
		var cancel context.CancelFunc
		ctx, cancel = context.WithCancel(parent)
		defer cancel()
	}
	go h.audit(ctx, "x")
}

// main-like code in a literal is analyzed on its own: the outer context is not the literal's.
func (h *H) Outer(parent context.Context) func() {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	return func() {
		go h.audit(ctx, "later")
	}
}

// loop works until ctx ends.
func (h *H) loop(ctx context.Context, jobs <-chan string) {
	for {
		select {
		case <-ctx.Done():
			return
		case j := <-jobs:
			h.db.Exec(ctx, j)
		}
	}
}

// The worker is built to stop at cancellation, and Spawn returns at once: dead on arrival.
func (h *H) Spawn(parent context.Context, jobs <-chan string) *H {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	go h.loop(ctx, jobs) // want `ctx is cancelled when Spawn returns, but the goroutine started here works with it until it is cancelled, so it stops as soon as Spawn returns; did you mean to detach it from this cancel\?`
	return h
}

// A progress reporter stopped when the work is done: cancel-at-return is the stop signal.
func (h *H) Progress(parent context.Context, jobs <-chan string) int {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	go h.loop(ctx, jobs)
	return compute()
}

func compute() int { return 42 }
