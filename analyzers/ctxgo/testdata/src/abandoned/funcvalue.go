package abandoned

import "context"

type lookupResult struct {
	names []string
	err   error
}

// A function value that a goroutine runs with the channel (spicedb v1.1.0
// lookupOne, fixed by PR #259): the literals of the package with its
// signature are what it may hold, and this one sends without a select.
type lookupFunc func(ctx context.Context, out chan<- lookupResult)

func lookupDispatch(name string) lookupFunc {
	return func(ctx context.Context, out chan<- lookupResult) {
		out <- lookupResult{names: []string{name}}
	}
}

func lookupOne(ctx context.Context, request lookupFunc) lookupResult {
	child, cancel := context.WithCancel(ctx)
	defer cancel()
	out := make(chan lookupResult)
	go request(child, out) // want `the goroutine started here sends on unbuffered out \(line 17\), but lookupOne may return through another case of the select on line 26, and then nobody receives and the goroutine blocks forever; give out a buffer or send in a select`
	select {
	case r := <-out:
		return r
	case <-ctx.Done():
		return lookupResult{err: ctx.Err()}
	}
}

// Twin: the fix of PR #259, a buffer of 1.
func lookupOneBuffered(ctx context.Context, request lookupFunc) lookupResult {
	child, cancel := context.WithCancel(ctx)
	defer cancel()
	out := make(chan lookupResult, 1)
	go request(child, out)
	select {
	case r := <-out:
		return r
	case <-ctx.Done():
		return lookupResult{err: ctx.Err()}
	}
}

// An unnamed function type, held by a variable of the goroutine's own
// closure, and called from inside a go func literal.
func fetchVia(ctx context.Context, run func(chan<- int)) (int, error) {
	ch := make(chan int)
	go func() { // want `the goroutine started here sends on unbuffered ch \(line 65\)`
		run(ch)
	}()
	select {
	case v := <-ch:
		return v, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

func startFetch(ctx context.Context) (int, error) {
	return fetchVia(ctx, func(c chan<- int) {
		c <- work()
	})
}

// Twin: every literal of the signature sends in a select on ctx.Done().
type polite func(ctx context.Context, out chan<- string)

func politeSender() polite {
	return func(ctx context.Context, out chan<- string) {
		select {
		case out <- "hi":
		case <-ctx.Done():
		}
	}
}

func askPolitely(ctx context.Context, p polite) (string, error) {
	out := make(chan string)
	go p(ctx, out)
	select {
	case s := <-out:
		return s, nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

// Twin: no literal of the package has the value's signature; its bodies
// are unknown, and nothing is guessed.
func askAnyone(ctx context.Context, p func(chan<- float64)) (float64, error) {
	out := make(chan float64)
	go p(out)
	select {
	case f := <-out:
		return f, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

// Twin: a literal of the signature that receives from its channel
// parameter instead of sending on it.
type pump func(in chan int32)

func drainer() pump {
	return func(in chan int32) {
		for range in {
		}
	}
}

func feed(ctx context.Context, p pump) error {
	in := make(chan int32)
	go p(in)
	select {
	case <-in:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
