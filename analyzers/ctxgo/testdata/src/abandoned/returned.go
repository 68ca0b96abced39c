package abandoned

import "context"

type outcome struct {
	ok  bool
	err error
}

type pool struct{}

func (pool) Go(func(ctx context.Context) error) {}
func (pool) Wait() error                        { return nil }

// The channel a function makes and returns, on which its goroutine sends
// without a select in a loop without bound (openfga v1.6.1's
// processDispatches, fixed by PR #1962): the caller leaves its select loop
// by a labeled break, and the buffer fills up with nobody to receive.
func processDispatches(ctx context.Context, limit int, in chan string) chan outcome {
	outcomes := make(chan outcome, limit)
	var p pool
	go func() { // want `the goroutine started here sends on outcomes in a loop without bound \(line 36\), but processDispatches returns outcomes to consumeDispatches, which receives from it only in the select on line 56 and may leave through another case; then nobody receives, and once its buffer is full the goroutine blocks forever; send in a select with a case that stops it`
		defer func() {
			_ = p.Wait()
			close(outcomes)
		}()
		for {
			select {
			case <-ctx.Done():
				return
			case msg, ok := <-in:
				if !ok {
					return
				}
				if msg == "" {
					outcomes <- outcome{}
					break // the select, not the loop
				}
				p.Go(func(ctx context.Context) error {
					outcomes <- outcome{ok: true}
					return nil
				})
			}
		}
	}()
	return outcomes
}

func consumeDispatches(ctx context.Context, in chan string) bool {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	outcomes := processDispatches(ctx, 10, in)
	found := false
Loop:
	for {
		select {
		case <-ctx.Done():
			break Loop
		case o, ok := <-outcomes:
			if !ok {
				break Loop
			}
			if o.ok {
				found = true
				break Loop
			}
		}
	}
	return found
}

// Twin: the fix of PR #1962, every send in a select with ctx.Done().
func processDispatchesFixed(ctx context.Context, limit int, in chan string) chan outcome {
	outcomes := make(chan outcome, limit)
	go func() {
		defer close(outcomes)
		for msg := range in {
			select {
			case outcomes <- outcome{ok: msg != ""}:
			case <-ctx.Done():
				return
			}
		}
	}()
	return outcomes
}

func consumeDispatchesFixed(ctx context.Context, in chan string) bool {
	outcomes := processDispatchesFixed(ctx, 10, in)
	for {
		select {
		case <-ctx.Done():
			return false
		case o := <-outcomes:
			if o.ok {
				return true
			}
		}
	}
}

// Twin: the caller drains the channel after its loop, so the goroutine
// finishes its sends.
func produceAll(in chan string) chan outcome {
	out := make(chan outcome, 1)
	go func() {
		defer close(out)
		for msg := range in {
			out <- outcome{ok: msg != ""}
		}
	}()
	return out
}

func consumeAndDrain(ctx context.Context, in chan string) bool {
	out := produceAll(in)
	found := false
Loop:
	for {
		select {
		case <-ctx.Done():
			break Loop
		case o := <-out:
			found = o.ok
		}
	}
	for range out {
	}
	return found
}

// Twin: a buffer as large as the sends (a loop over a slice), which end
// whether or not anybody receives.
func produceEach(items []string) chan outcome {
	out := make(chan outcome, len(items))
	go func() {
		for _, it := range items {
			out <- outcome{ok: it != ""}
		}
	}()
	return out
}

func consumeFirst(ctx context.Context, items []string) bool {
	out := produceEach(items)
	select {
	case o := <-out:
		return o.ok
	case <-ctx.Done():
		return false
	}
}

// Twin: a retry loop that sends once and returns; a buffer of 1 holds it.
func produceRetry(try func() (bool, error)) chan outcome {
	out := make(chan outcome, 1)
	go func() {
		for {
			ok, err := try()
			if err != nil {
				continue
			}
			out <- outcome{ok: ok}
			return
		}
	}()
	return out
}

func consumeRetry(ctx context.Context, try func() (bool, error)) bool {
	out := produceRetry(try)
	select {
	case o := <-out:
		return o.ok
	case <-ctx.Done():
		return false
	}
}

// An unbuffered channel returned with its one sender: the caller's
// timeout case returns, and the goroutine blocks forever.
func fetchAsync(work func() int) (<-chan int, error) {
	ch := make(chan int)
	go func() { // want `the goroutine started here sends on unbuffered ch \(line 185\), but fetchAsync returns ch to fetchWithin, which receives from it only in the select on line 195 and may leave through another case; then nobody receives and the goroutine blocks forever; give ch a buffer or send in a select`
		ch <- work()
	}()
	return ch, nil
}

func fetchWithin(ctx context.Context, work func() int) int {
	ch, err := fetchAsync(work)
	if err != nil {
		return 0
	}
	select {
	case v := <-ch:
		return v
	case <-ctx.Done():
		return 0
	}
}

// Twin: the caller receives outside a select, so it always takes the value.
func fetchBlocking(work func() int) int {
	ch, _ := fetchAsync2(work)
	return <-ch
}

func fetchAsync2(work func() int) (<-chan int, error) {
	ch := make(chan int)
	go func() {
		ch <- work()
	}()
	return ch, nil
}

// Twin: the caller's select leaves only the select (an unlabeled break),
// and the loop receives again.
func fetchLoop(ctx context.Context, work func() int) int {
	ch, _ := fetchAsync3(work)
	for {
		select {
		case v := <-ch:
			return v
		case <-ctx.Done():
			break
		}
	}
}

func fetchAsync3(work func() int) (<-chan int, error) {
	ch := make(chan int)
	go func() {
		ch <- work()
	}()
	return ch, nil
}

// Twin: the producer also hands the channel on, so someone else may
// receive.
func fetchShared(work func() int, sink func(chan int)) chan int {
	ch := make(chan int)
	sink(ch)
	go func() {
		ch <- work()
	}()
	return ch
}

func fetchSharedWithin(ctx context.Context, work func() int) int {
	ch := fetchShared(work, func(chan int) {})
	select {
	case v := <-ch:
		return v
	case <-ctx.Done():
		return 0
	}
}
