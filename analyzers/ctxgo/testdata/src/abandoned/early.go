package abandoned

import (
	"context"
	"errors"
)

func hashPassword(ctx context.Context, pw string) ([]byte, error) { return []byte(pw), ctx.Err() }

func validatePassword(pw string) error {
	if pw == "" {
		return errors.New("empty password")
	}
	return nil
}

// The shape of kratos v1.3.1's password Register (registration.go:109):
// the hashing goroutine sends on hpw or on errC, never on both, and the
// function returns before its select when the password fails validation.
// That return leaves the sender blocked, not the select's other case,
// which receives the goroutine's other send.
func register(ctx context.Context, pw string, strict bool) ([]byte, error) {
	hpw := make(chan []byte)
	errC := make(chan error)
	go func() { // want `the goroutine started here sends on unbuffered hpw \(line 33\), but register may return on lines 36 and 39, before the select on line 41 receives from it, and then nobody receives and the goroutine blocks forever; give hpw a buffer or send in a select` `the goroutine started here sends on unbuffered errC \(line 30\), but register may return on lines 36 and 39, before the select on line 41 receives from it, and then nobody`
		defer close(hpw)
		defer close(errC)
		h, err := hashPassword(ctx, pw)
		if err != nil {
			errC <- err
			return
		}
		hpw <- h
	}()
	if err := validatePassword(pw); err != nil {
		return nil, err
	}
	if strict && len(pw) < 8 {
		return nil, errors.New("short password")
	}
	select {
	case err := <-errC:
		return nil, err
	case h := <-hpw:
		return h, nil
	}
}

// An early return beside a select whose other case is not the goroutine's
// (ctx.Done()): both are ways out that leave the sender blocked.
func lookupEarly(ctx context.Context, key string) (int, error) {
	ch := make(chan int)
	go func() { // want `the goroutine started here sends on unbuffered ch \(line 55\), but lookupEarly may return on line 58, before the select on line 60 receives from it, or through another case of that select, and then nobody receives`
		n, _ := hashPassword(ctx, key)
		ch <- len(n)
	}()
	if key == "" {
		return 0, errors.New("empty key")
	}
	select {
	case n := <-ch:
		return n, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

// Twin: the return comes before the go statement, and the one between it
// and the select belongs to a function literal: the message names the
// select's other case only.
func lookupValidated(ctx context.Context, key string) (int, error) {
	if key == "" {
		return 0, errors.New("empty key")
	}
	ch := make(chan int)
	go func() { // want `the goroutine started here sends on unbuffered ch \(line 78\), but lookupValidated may return through another case of the select on line 84, and then nobody receives`
		n, _ := hashPassword(ctx, key)
		ch <- len(n)
	}()
	check := func() error {
		return validatePassword(key)
	}
	_ = check
	select {
	case n := <-ch:
		return n, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}
