package abandoned

import "context"

// A goroutine given the channel as an argument of its function literal
// sends on the parameter: the caller's select may return first.
func fetchByArg(ctx context.Context, work func() int) int {
	ch := make(chan int)
	go func(out chan<- int) { // want `the goroutine started here sends on unbuffered ch \(line 10\), but fetchByArg may return through another case of the select on line 12`
		out <- work()
	}(ch)
	select {
	case v := <-ch:
		return v
	case <-ctx.Done():
		return 0
	}
}

// Twin: a buffer of 1 holds the one send.
func fetchByArgBuffered(ctx context.Context, work func() int) int {
	ch := make(chan int, 1)
	go func(out chan<- int) {
		out <- work()
	}(ch)
	select {
	case v := <-ch:
		return v
	case <-ctx.Done():
		return 0
	}
}
