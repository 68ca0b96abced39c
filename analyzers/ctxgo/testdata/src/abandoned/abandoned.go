// Package abandoned holds forgotten senders (rule unobserved) and their
// negative twins.
package abandoned

import (
	"context"
	"errors"
	"time"
)

type result struct {
	v   int
	err error
}

func work() int { return 1 }

// The textbook leak: the caller gives up on ctx and the sender blocks.
func fetch(ctx context.Context) (int, error) {
	ch := make(chan int)
	go func() { // want `the goroutine started here sends on unbuffered ch \(line 22\), but fetch may return through another case of the select on line 24, and then nobody receives and the goroutine blocks forever; give ch a buffer or send in a select`
		ch <- work()
	}()
	select {
	case v := <-ch:
		return v, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

// Twin: a buffer of 1 lets the one send complete.
func fetchBuffered(ctx context.Context) (int, error) {
	ch := make(chan int, 1)
	go func() {
		ch <- work()
	}()
	select {
	case v := <-ch:
		return v, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

// Twin: the sender selects on ctx.Done() too.
func fetchSelect(ctx context.Context) (int, error) {
	ch := make(chan int)
	go func() {
		select {
		case ch <- work():
		case <-ctx.Done():
		}
	}()
	select {
	case v := <-ch:
		return v, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

// Twin: no other way out of the select; the value is always received.
func fetchWait(ctx context.Context) int {
	ch := make(chan int)
	go func() { ch <- work() }()
	for {
		select {
		case v := <-ch:
			return v
		case <-time.After(time.Second):
			println("still waiting")
		}
	}
}

// Twin: on timeout the function drains the channel before it returns.
func fetchDrain(ctx context.Context) (int, error) {
	ch := make(chan int)
	go func() { ch <- work() }()
	select {
	case v := <-ch:
		return v, nil
	case <-ctx.Done():
		<-ch
		return 0, ctx.Err()
	}
}

// Twin: the channel is handed to somebody else, who may receive.
func fetchHanded(ctx context.Context, keep func(chan int)) (int, error) {
	ch := make(chan int)
	keep(ch)
	go func() { ch <- work() }()
	select {
	case v := <-ch:
		return v, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

// A timeout is another case too, and the send may be in a function of
// the package that the goroutine runs (Helm's Install.RunWithContext).
func install(ctx context.Context, timeout time.Duration) (*result, error) {
	rChan := make(chan result)
	go perform(rChan) // want `the goroutine started here sends on unbuffered rChan \(line 125\), but install may return through another case of the select on line 108, and then nobody receives and the goroutine blocks forever; give rChan a buffer or send in a select`
	select {
	case r := <-rChan:
		return &r, r.err
	case <-time.After(timeout):
		return nil, errors.New("timed out")
	}
}

func perform(c chan<- result) {
	if err := step(); err != nil {
		report(c, err)
		return
	}
	report(c, nil)
}

func report(c chan<- result, err error) {
	c <- result{v: 1, err: err}
}

func step() error { return nil }

// Twin: the function the goroutine runs reports in a select.
func installSafe(ctx context.Context) (*result, error) {
	rChan := make(chan result)
	go performSafe(ctx, rChan)
	select {
	case r := <-rChan:
		return &r, r.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

func performSafe(ctx context.Context, c chan<- result) {
	select {
	case c <- result{v: 1}:
	case <-ctx.Done():
	}
}

// Several senders: still a leak, but a buffer of 1 would not do, so no
// fix is offered.
func fanIn(ctx context.Context, n int) (int, error) {
	ch := make(chan int)
	for range n {
		go func() { ch <- work() }() // want `the goroutine started here sends on unbuffered ch`
	}
	sum := 0
	for range n {
		select {
		case v := <-ch:
			sum += v
		case <-ctx.Done():
			return 0, ctx.Err()
		}
	}
	return sum, nil
}

// Twin: the function closes the channel on its way out: a send then
// panics instead (not this rule's business), and the use is not a receive.
func fetchClosed(ctx context.Context) (int, error) {
	ch := make(chan int)
	defer close(ch)
	go func() { ch <- work() }()
	select {
	case v := <-ch:
		return v, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

// Twin: on timeout a second goroutine drains the channel and closes what
// the sender dialed (containerd v1.7 pkg/dialer timeoutDialer).
func dial(timeout time.Duration) (int, error) {
	stop := make(chan struct{})
	ch := make(chan int)
	go func() {
		defer close(ch)
		select {
		case <-stop:
		default:
			ch <- work()
		}
	}()
	select {
	case v := <-ch:
		return v, nil
	case <-time.After(timeout):
		close(stop)
		go func() { <-ch }()
		return 0, errors.New("timed out")
	}
}

// The select runs once and its timeout case only records the timeout:
// the function returns after it without receiving (rubyist/circuitbreaker
// v2.1.6's Breaker.Call, fixed by PR #35 with a buffer of 1).
func call(circuit func() error, timeout time.Duration) error {
	var err error
	c := make(chan error)
	go func() { // want `the goroutine started here sends on unbuffered c \(line 212\), but call may return through another case of the select on line 214, and then nobody receives and the goroutine blocks forever; give c a buffer or send in a select`
		c <- circuit()
	}()
	select {
	case e := <-c:
		err = e
	case <-time.After(timeout):
		err = errors.New("timed out")
	}
	if err != nil {
		return err
	}
	return nil
}

// Twin: after a timeout of the select the function still waits for the
// value, so the send completes.
func callPatient(circuit func() error, timeout time.Duration) error {
	c := make(chan error)
	go func() { c <- circuit() }()
	select {
	case err := <-c:
		return err
	case <-time.After(timeout):
		println("slow")
	}
	return <-c
}
