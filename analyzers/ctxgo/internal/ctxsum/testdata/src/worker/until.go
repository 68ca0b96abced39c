package worker

import (
	"context"
	"net"
	"time"
)

type Store interface {
	Exec(ctx context.Context, q string) error
}

// audit does bounded work: no runsUntilCtx.
func audit(ctx context.Context, s Store) { s.Exec(ctx, "insert") }

// steps checks ctx between a bounded number of steps: bounded work.
func steps(ctx context.Context, s Store, qs []string) error {
	for _, q := range qs {
		if err := ctx.Err(); err != nil {
			return err
		}
		s.Exec(ctx, q)
	}
	return nil
}

// result waits for a result or cancellation: bounded work.
func result(ctx context.Context, res <-chan error) error { // want result:`watchesCtx\(ctx\)`
	select {
	case <-ctx.Done():
		return ctx.Err()
	case err := <-res:
		return err
	}
}

func ticker(ctx context.Context, s Store) { // want ticker:`runsUntilCtx\(ctx\)`
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			audit(ctx, s)
		}
	}
}

func poll(ctx context.Context, s Store) { // want poll:`runsUntilCtx\(ctx\)`
	for ctx.Err() == nil {
		audit(ctx, s)
	}
}

// consume loops on a receive until it fails, as when ctx is cancelled.
func consume(ctx context.Context, recv func(context.Context) (string, error)) { // want consume:`runsUntilCtx\(ctx\)`
	for {
		if _, err := recv(ctx); err != nil {
			return
		}
	}
}

func waitEnd(ctx context.Context, stop func()) { // want waitEnd:`watchesCtx\(ctx\)` waitEnd:`runsUntilCtx\(ctx\)`
	<-ctx.Done()
	stop()
}

// pong waits for a reply or the end of ctx: bounded (http2's Ping).
func pong(ctx context.Context, reply chan struct{}) error { // want pong:`watchesCtx\(ctx\)`
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-reply:
		return nil
	}
}

// shutdown polls until idle: an exit on success is no stop (net/http's
// Server.Shutdown).
func shutdown(ctx context.Context, idle func() bool) error { // want shutdown:`watchesCtx\(ctx\)`
	t := time.NewTicker(time.Millisecond)
	defer t.Stop()
	for {
		if idle() {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
	}
}

// dialLoop retries until it gets a connection: an exit on success.
func dialLoop(ctx context.Context, dial func(context.Context) (net.Conn, error)) net.Conn {
	for {
		c, err := dial(ctx)
		if err == nil {
			return c
		}
		if ctx.Err() != nil {
			return nil
		}
	}
}

// accept ends when Accept fails: on error only.
func accept(ctx context.Context, l net.Listener, s Store) error { // want accept:`runsUntilCtx\(ctx\)`
	for {
		c, err := l.Accept()
		if err != nil {
			return err
		}
		audit(ctx, s)
		c.Close()
	}
}

// pump ends when its channel closes or ctx ends.
func pump(ctx context.Context, in <-chan string, s Store) { // want pump:`runsUntilCtx\(ctx\)`
	for {
		select {
		case <-ctx.Done():
			return
		case m, ok := <-in:
			if !ok {
				return
			}
			s.Exec(ctx, m)
		}
	}
}

// serve accepts until a watcher closes the listener at cancellation.
func serve(ctx context.Context, l net.Listener) error { // want serve:`watchesCtx\(ctx\)` serve:`runsUntilCtx\(ctx\)`
	go func() {
		<-ctx.Done()
		l.Close()
	}()
	for {
		c, err := l.Accept()
		if err != nil {
			return err
		}
		c.Close()
	}
}

// wraps runs a runner: it runs until ctx is cancelled too.
func wraps(ctx context.Context, s Store) error { // want wraps:`runsUntilCtx\(ctx\)`
	derived := context.WithValue(ctx, "k", 1)
	ticker(derived, s)
	return ctx.Err()
}

// forever never leaves its loop: it does not stop at cancellation.
func forever(ctx context.Context, s Store) {
	for {
		audit(ctx, s)
		time.Sleep(time.Second)
	}
}

// Notify keeps ctx in a bounded goroutine.
func Notify(ctx context.Context, s Store) { // want Notify:`keepsCtx\(ctx\)`
	go audit(ctx, s)
}

// Both keeps ctx in a runner and in a bounded goroutine.
func Both(ctx context.Context, s Store) { // want Both:`keepsCtx\(ctx\)`
	go ticker(ctx, s)
	Notify(ctx, s)
}

type key struct{}

// with wraps context.WithValue.
func with(ctx context.Context, v string) context.Context { // want with:`derivesCtx\(ctx\)`
	if v == "" {
		return ctx
	}
	return context.WithValue(ctx, key{}, v)
}

// withEither returns a fresh context on one path: no fact.
func withEither(ctx context.Context, v string) context.Context {
	if v == "" {
		return context.Background()
	}
	return with(ctx, v)
}
