package dialfield

import (
	"context"
	"errors"
	"time"
)

// The shape of bougou/go-ipmi v0.8.3 (#81): Connect15 and Connect20 (a
// digit after Connect) start a keepalive on the dial's own ctx, which
// reaches only the Done of exchange's select: but exchange then fails
// instead of returning the reply it waits for, so every keepalive fails
// once the caller's connect timeout fires.

type Session struct {
	closed chan struct{}
	conn   chan []byte
}

// exchange sends one request and waits for its reply or the context.
func (s *Session) exchange(ctx context.Context, req []byte) ([]byte, error) {
	replies := make(chan []byte, 1)
	go func() {
		s.conn <- req
		replies <- <-s.conn
	}()
	select {
	case <-ctx.Done():
		return nil, errors.New("canceled from caller")
	case reply := <-replies:
		return reply, nil
	}
}

func (s *Session) keepAlive(ctx context.Context) {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			_, _ = s.exchange(ctx, []byte("ping"))
		case <-s.closed:
			return
		}
	}
}

func (s *Session) Connect15(ctx context.Context) error {
	if _, err := s.exchange(ctx, []byte("activate")); err != nil {
		return err
	}
	go func() { // want `the goroutine started here keeps using a context derived from the ctx of \(\*Session\)\.Connect15 \(line 53\), which callers may cancel once Connect15 returns`
		s.keepAlive(ctx)
	}()
	return nil
}

// Twin: the fix of #81 (v0.9.0), the keepalive on context.WithoutCancel(ctx).
func (s *Session) Connect20(ctx context.Context) error {
	if _, err := s.exchange(ctx, []byte("activate")); err != nil {
		return err
	}
	go func() {
		s.keepAlive(context.WithoutCancel(ctx))
	}()
	return nil
}

// Twin: a lower-case letter after Connect names no dial.
func (s *Session) Connectv2(ctx context.Context) error {
	go func() {
		s.keepAlive(ctx)
	}()
	return nil
}

// awaitReply waits for a reply that someone else's work sends: watching.
func (s *Session) awaitReply(ctx context.Context, replies <-chan []byte) ([]byte, error) {
	select {
	case <-ctx.Done():
		return nil, ctx.Err()
	case reply := <-replies:
		return reply, nil
	}
}

// pause sleeps or fails at the context: watching, a select for no value.
func pause(ctx context.Context) error {
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-time.After(time.Second):
		return nil
	}
}

// Twin: the keepalive only waits for replies it was given and pauses on
// ctx, and stops when it is cancelled: a goroutine watching to stop.
func (s *Session) Connect11(ctx context.Context) error {
	go func() {
		for {
			if pause(ctx) != nil {
				return
			}
			if _, err := s.awaitReply(ctx, s.conn); err != nil {
				return
			}
		}
	}()
	return nil
}

// receive loops over replies until the context is done: the same select
// in a loop is the loop's stop.
func (s *Session) receive(ctx context.Context) error {
	replies := make(chan []byte, 1)
	go func() { replies <- <-s.conn }()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case reply := <-replies:
			_ = reply
		}
	}
}

// Twin: a goroutine that runs a loop whose select only stops it.
func (s *Session) Connect12(ctx context.Context) error {
	go func() {
		_ = s.receive(ctx)
	}()
	return nil
}
