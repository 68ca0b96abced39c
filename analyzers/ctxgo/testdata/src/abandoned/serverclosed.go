package abandoned

import (
	"context"
	"errors"
	"net"
	"net/http"
)

// The sender runs only when Serve fails with an error other than
// http.ErrServerClosed; the way out past the select shuts the server
// down, so Serve returns ErrServerClosed and nothing is sent (tailscale
// v1.92.0's API server proxy).
func serveUntilDone(ctx context.Context, srv *http.Server, ln net.Listener) error {
	errs := make(chan error)
	go func() {
		if err := srv.Serve(ln); err != nil && err != http.ErrServerClosed {
			errs <- err
		}
	}()
	select {
	case <-ctx.Done():
	case err := <-errs:
		return err
	}
	return srv.Shutdown(context.Background())
}

// The same with errors.Is, and the guard as an early return.
func serveUntilDoneIs(ctx context.Context, srv *http.Server, ln net.Listener) error {
	errs := make(chan error)
	go func() {
		err := srv.Serve(ln)
		if errors.Is(err, http.ErrServerClosed) {
			return
		}
		errs <- err
	}()
	select {
	case <-ctx.Done():
	case err := <-errs:
		return err
	}
	return srv.Shutdown(context.Background())
}

// Twin: no guard; Serve's ErrServerClosed after Shutdown is sent, and
// nobody receives it.
func serveUnguarded(ctx context.Context, srv *http.Server, ln net.Listener) error {
	errs := make(chan error)
	go func() { errs <- srv.Serve(ln) }() // want `the goroutine started here sends on unbuffered errs \(line 51\), but serveUnguarded may return through another case of the select on line 52`
	select {
	case <-ctx.Done():
	case err := <-errs:
		return err
	}
	return srv.Shutdown(context.Background())
}

// Twin: the guard the other way round sends exactly on shutdown.
func serveOnClose(ctx context.Context, srv *http.Server, ln net.Listener) error {
	errs := make(chan error)
	go func() { // want `the goroutine started here sends on unbuffered errs \(line 65\), but serveOnClose may return through another case of the select on line 68`
		if err := srv.Serve(ln); err == http.ErrServerClosed {
			errs <- nil
		}
	}()
	select {
	case <-ctx.Done():
	case err := <-errs:
		return err
	}
	return srv.Shutdown(context.Background())
}
