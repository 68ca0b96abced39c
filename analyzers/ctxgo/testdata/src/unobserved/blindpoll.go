package unobserved

import (
	"context"
	"errors"
	"time"

	"pollimpl"
)

type Permit struct{}

// SlotSupplier is temporal's interface: ReserveSlot should block until a
// slot is available, or until ctx is cancelled.
type SlotSupplier interface {
	ReserveSlot(ctx context.Context, n int) (*Permit, error)
}

// ResourceSupplier is temporal v1.46.0's ResourceBasedSlotSupplier: ctx
// is observed only while the ramp throttle makes it wait.
type ResourceSupplier struct {
	minSlots int
	ramp     time.Duration
	last     time.Time
	try      func() *Permit
}

func (r *ResourceSupplier) ReserveSlot(ctx context.Context, n int) (*Permit, error) {
	for {
		if n < r.minSlots {
			return &Permit{}, nil
		}
		if r.ramp > 0 {
			if wait := r.ramp - time.Since(r.last); wait > 0 {
				select {
				case <-time.After(wait):
				case <-ctx.Done():
					return nil, ctx.Err()
				}
			}
		}
		if p := r.try(); p != nil {
			return p, nil
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// FixedSupplier observes ctx in its wait.
type FixedSupplier struct{ sem chan struct{} }

func (f FixedSupplier) ReserveSlot(ctx context.Context, n int) (*Permit, error) {
	select {
	case f.sem <- struct{}{}:
		return &Permit{}, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

type baseWorker struct {
	supplier SlotSupplier
	source   pollimpl.Source
	checker  pollimpl.Checker
	ramp     *ResourceSupplier
}

// reserveSlotAsync is temporal v1.46.0's: the goroutine ends on ctx.Done()
// only once ReserveSlot has returned.
func (bw *baseWorker) reserveSlotAsync(ctx context.Context, reserved chan<- *Permit) {
	go func() { // want `the goroutine started here calls bw.supplier.ReserveSlot\(ctx, 1\), which may run \(\*ResourceSupplier\).ReserveSlot: a loop \(blindpoll.go:29\) that polls without observing ctx on every iteration, so once ctx is cancelled the goroutine keeps polling`
		s, err := bw.supplier.ReserveSlot(ctx, 1)
		if err != nil {
			if !errors.Is(err, context.Canceled) {
				return
			}
			return
		}
		select {
		case reserved <- s:
		case <-ctx.Done():
		}
	}()
}

// The same call with a context nothing cancels: quiet.
func (bw *baseWorker) reserveDetached(ctx context.Context) {
	go func() {
		bw.supplier.ReserveSlot(context.WithoutCancel(ctx), 1)
	}()
}

// A method value of the concrete type, started directly.
func (bw *baseWorker) reserveDirect(ctx context.Context) {
	go bw.ramp.ReserveSlot(ctx, 2) // want `the goroutine started here calls bw.ramp.ReserveSlot\(ctx, 2\), which polls in a loop \(blindpoll.go:29\) without observing ctx`
}

// An implementation in another package, found through its fact.
func (bw *baseWorker) next(ctx context.Context) {
	go func() { // want `calls bw.source.Next\(ctx\), which may run \(\*pollimpl.Spinner\).Next: a loop \(pollimpl.go:24\) that polls`
		v, _ := bw.source.Next(ctx)
		_ = v
	}()
}

// Checker's only implementation checks ctx at the top of every round.
func (bw *baseWorker) check(ctx context.Context) {
	go func() {
		bw.checker.Check(ctx)
	}()
}

// waitSelect is the fix of temporal #2458: ctx at the top, and the sleep
// a select on ctx.Done().
func waitSelect(ctx context.Context, try func() bool) error {
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		if try() {
			return nil
		}
		select {
		case <-time.After(10 * time.Millisecond):
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// retry polls a bounded number of times: it ends whatever ctx does.
func retry(ctx context.Context, try func(context.Context) bool) bool {
	for i := 0; i < 5; i++ {
		if try(ctx) {
			return true
		}
		time.Sleep(time.Second)
	}
	return false
}

// bothWays observes ctx on either branch of the if.
func bothWays(ctx context.Context, fast bool, try func() bool) {
	for {
		if fast {
			if ctx.Err() != nil {
				return
			}
		} else {
			select {
			case <-ctx.Done():
				return
			default:
			}
		}
		if try() {
			return
		}
		time.Sleep(time.Millisecond)
	}
}

// pollBlind never looks at ctx in its loop.
func pollBlind(ctx context.Context, try func() bool) {
	_ = ctx
	for {
		if try() {
			return
		}
		time.Sleep(time.Millisecond)
	}
}

func startPolls(ctx context.Context, try func() bool) {
	go func() { _ = waitSelect(ctx, try) }()
	go func() { retry(ctx, func(context.Context) bool { return try() }) }()
	go func() { bothWays(ctx, true, try) }()
	go func() { // want `calls pollBlind\(ctx, try\), which polls in a loop \(blindpoll.go:166\)`
		pollBlind(ctx, try)
	}()
	go pollBlind(context.Background(), try)
}

// tracking is temporal's trackingSlotSupplier: it passes its ctx on to the
// supplier it wraps, in its own flow.
type tracking struct{ inner SlotSupplier }

func (t *tracking) ReserveSlot(ctx context.Context, n int) (*Permit, error) {
	p, err := t.inner.ReserveSlot(ctx, n)
	if err != nil {
		return nil, err
	}
	return p, nil
}

// async hands the wrapped call to a goroutine of its own: it does not
// poll itself.
type async struct{ inner SlotSupplier }

func (a *async) ReserveSlot(ctx context.Context, n int) (*Permit, error) {
	go a.inner.ReserveSlot(context.WithoutCancel(ctx), n)
	return nil, nil
}

func reserveTracked(ctx context.Context, t *tracking, a *async) {
	go func() { // want `calls t.ReserveSlot\(ctx, 3\), which may run \(\*ResourceSupplier\).ReserveSlot: a loop \(blindpoll.go:29\)`
		t.ReserveSlot(ctx, 3)
	}()
	go func() {
		a.ReserveSlot(ctx, 3)
	}()
}
