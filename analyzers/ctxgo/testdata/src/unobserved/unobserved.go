package unobserved

import (
	"context"
	"net"
	"net/http"
	"time"
)

type Event struct{ ID int }

func publish(Event) {}

type Conn interface {
	ReadMessage() (int, []byte, error)
}

func Serve(ctx context.Context, events <-chan Event) {
	go func() { // want `the goroutine started here loops forever on blocking work \(line 20\) and never observes ctx or a done channel, so it outlives ctx's cancellation`
		for {
			publish(<-events)
		}
	}()
}

func Handler(w http.ResponseWriter, r *http.Request) {
	go func() { // want `never observes r.Context\(\) or a done channel`
		for {
			time.Sleep(time.Second)
			publish(Event{})
		}
	}()
}

type pump struct{ in, out chan Event }

func (p *pump) run() {
	for {
		p.out <- <-p.in
	}
}

func Start(ctx context.Context, p *pump) {
	go p.run() // want `loops forever on blocking work \(line 38\) and never observes ctx`
}

// ---- negative twins ----

// A select with a ctx.Done() case.
func Observes(ctx context.Context, events <-chan Event) {
	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			case e := <-events:
				publish(e)
			}
		}
	}()
}

// A done channel.
func Done(ctx context.Context, events <-chan Event, done chan struct{}) {
	go func() {
		for {
			select {
			case <-done:
				return
			case e := <-events:
				publish(e)
			}
		}
	}()
}

// A range over a channel ends when the owner closes it.
func Range(ctx context.Context, events <-chan Event) {
	go func() {
		for e := range events {
			publish(e)
		}
	}()
}

// A bounded loop.
func Bounded(ctx context.Context, events <-chan Event) {
	go func() {
		for i := 0; i < 3; i++ {
			publish(<-events)
		}
	}()
}

// A read loop that returns when the connection fails.
func ReadLoop(ctx context.Context, c Conn) {
	go func() {
		for {
			_, _, err := c.ReadMessage()
			if err != nil {
				return
			}
		}
	}()
}

// An accept loop that breaks out on error.
func AcceptLoop(ctx context.Context, l net.Listener) {
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				break
			}
			c.Close()
		}
	}()
}

// No context in scope.
func NoContext(events <-chan Event) {
	go func() {
		for {
			publish(<-events)
		}
	}()
}

// The goroutine is given the context.
func Given(ctx context.Context, p *pump) {
	go func(ctx context.Context) {
		for {
			p.out <- <-p.in
			_ = ctx
		}
	}(ctx)
}

// No blocking work: a busy loop is another matter.
func Spin(ctx context.Context) {
	n := 0
	go func() {
		for {
			n++
		}
	}()
}

// main's process-lifetime goroutines are left alone.
func init() {
	ctx := context.Background()
	_ = ctx
	go func() {
		for {
			time.Sleep(time.Second)
		}
	}()
}

// A watcher started by a function that then blocks forever lives exactly
// as long as the function: no leak.
func WatchForever(ctx context.Context, rescan func()) error {
	go func() {
		for {
			rescan()
			time.Sleep(5 * time.Second)
		}
	}()
	<-make(chan struct{})
	return nil
}

func ServeForever(ctx context.Context, events <-chan Event) {
	go func() {
		for {
			publish(<-events)
		}
	}()
	select {}
}

// The twin: a return before the block lets the function end first.
func WatchUnlessDisabled(ctx context.Context, disabled bool, rescan func()) error {
	go func() { // want `the goroutine started here loops forever on blocking work \(line \d+\) and never observes ctx or a done channel`
		for {
			rescan()
			time.Sleep(5 * time.Second)
		}
	}()
	if disabled {
		return nil
	}
	<-make(chan struct{})
	return nil
}
