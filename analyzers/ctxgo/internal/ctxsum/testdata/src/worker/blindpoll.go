package worker

import (
	"context"
	"time"
)

// pollEvery observes ctx only when the throttle makes it wait.
func pollEvery(ctx context.Context, throttle bool, try func() bool) bool { // want pollEvery:`watchesCtx\(ctx\)` pollEvery:`pollsBlind\(ctx\)`
	for {
		if throttle {
			select {
			case <-time.After(time.Second):
			case <-ctx.Done():
				return false
			}
		}
		if try() {
			return true
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// pollTicker sleeps on a ticker and never looks at ctx.
func pollTicker(ctx context.Context, t *time.Ticker, try func() bool) { // want pollTicker:`watchesCtx\(ctx\)` pollTicker:`pollsBlind\(ctx\)`
	for {
		<-t.C
		if try() {
			return
		}
	}
}

// pollChecked checks ctx on every round: no fact.
func pollChecked(ctx context.Context, try func() bool) error { // want pollChecked:`watchesCtx\(ctx\)`
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		if try() {
			return nil
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// pollBounded gives up after three rounds: no fact.
func pollBounded(ctx context.Context, try func(context.Context) bool) bool {
	for i := 0; i < 3; i++ {
		if try(ctx) {
			return true
		}
		time.Sleep(time.Second)
	}
	return false
}

// pollSwitch observes ctx in every case and the default: no fact.
func pollSwitch(ctx context.Context, mode int, try func() bool) { // want pollSwitch:`watchesCtx\(ctx\)` pollSwitch:`runsUntilCtx\(ctx\)`
	for {
		switch mode {
		case 0:
			if ctx.Err() != nil {
				return
			}
		default:
			<-ctx.Done()
		}
		if try() {
			return
		}
		time.Sleep(time.Millisecond)
	}
}

// pollNoSleep spins without sleeping: not a poll (another shape).
func pollNoSleep(ctx context.Context, try func() bool) { // want pollNoSleep:`watchesCtx\(ctx\)`
	for {
		if try() {
			return
		}
	}
}

// Poller is polled through an interface.
type Poller interface {
	Poll(ctx context.Context) bool
}

type every struct{ try func() bool }

// Poll polls blind through pollEvery.
func (e every) Poll(ctx context.Context) bool { // want Poll:`watchesCtx\(ctx\)` Poll:`pollsBlind\(ctx\)`
	return pollEvery(ctx, false, e.try)
}

// pollVia passes its ctx as it is to an interface method whose
// implementation every.Poll polls blind.
func pollVia(ctx context.Context, p Poller) bool { // want pollVia:`pollsBlind\(ctx\)`
	return p.Poll(ctx)
}

// pollDetached passes a context of its own, not its parameter: no fact.
func pollDetached(ctx context.Context, p Poller) bool { // want pollDetached:`watchesCtx\(ctx\)`
	return p.Poll(context.WithoutCancel(ctx))
}

// pollAsync polls in a goroutine of its own: no fact.
func pollAsync(ctx context.Context, p Poller) { // want pollAsync:`keepsCtx\(ctx\)`
	go p.Poll(ctx)
}
