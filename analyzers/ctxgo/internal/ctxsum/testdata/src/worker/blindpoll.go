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
