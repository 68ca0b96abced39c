package abandoned

import (
	"context"
	"sync"
	"time"
)

// A retry controller (lestrrat-go/backoff v2.0.7, fixed by PR #30): its
// loop sends on the field channel next, buffered to 1, on every tick,
// outside a select; Next hands the channel out, and Continue, the
// package's way to wait for it, leaves through <-c.Done(). A user who
// stops calling Continue leaves the loop blocked on the full channel.
type Controller interface {
	Done() <-chan struct{}
	Next() <-chan struct{}
}

func Continue(c Controller) bool {
	select {
	case <-c.Done():
		return false
	case _, ok := <-c.Next():
		return ok
	}
}

type controller struct {
	ctx    context.Context
	cancel func()
	mu     *sync.RWMutex
	next   chan struct{}
	timer  *time.Timer
}

func newController(ctx context.Context) *controller {
	cctx, cancel := context.WithCancel(ctx)
	c := &controller{
		ctx:    cctx,
		cancel: cancel,
		mu:     &sync.RWMutex{},
		next:   make(chan struct{}, 1),
		timer:  time.NewTimer(time.Second),
	}
	c.next <- struct{}{}
	go c.loop() // want `the goroutine started here sends on next in a loop without bound \(line 56\), but Next hands next out to Continue, which receives from it only in the select on line 20 and may leave through another case; then nobody receives, and once its buffer is full the goroutine blocks forever; send in a select with a case that stops it`
	return c
}

func (c *controller) loop() {
	for {
		select {
		case <-c.ctx.Done():
			return
		case <-c.timer.C:
			c.next <- struct{}{}
			c.timer.Reset(time.Second)
		}
	}
}

func (c *controller) Done() <-chan struct{} { return c.ctx.Done() }

func (c *controller) Next() <-chan struct{} {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.next
}

// The null controller of the same package (backoff v2.0.8, fixed by PR
// #34): one send on the unbuffered field channel, by a goroutine given it
// as an argument; Continue may return through <-c.Done() first.
type nullController struct {
	ctx  context.Context
	next chan struct{}
}

func newNullController(ctx context.Context) *nullController {
	cctx, cancel := context.WithCancel(ctx)
	c := &nullController{ctx: cctx, next: make(chan struct{})}
	go func(ch chan struct{}, cancel func()) { // want `the goroutine started here sends on unbuffered next \(line 82\), but Next hands next out to Continue, which receives from it only in the select on line 20 and may leave through another case; then nobody receives and the goroutine blocks forever; give next a buffer or send in a select`
		ch <- struct{}{}
		close(ch)
		cancel()
	}(c.next, cancel)
	return c
}

func (c *nullController) Done() <-chan struct{} { return c.ctx.Done() }
func (c *nullController) Next() <-chan struct{} { return c.next }

// Twin: the fix of PR #30, the send in a select with <-c.ctx.Done().
type politeController struct {
	ctx   context.Context
	next  chan struct{}
	timer *time.Timer
}

func newPoliteController(ctx context.Context) *politeController {
	c := &politeController{ctx: ctx, next: make(chan struct{}, 1), timer: time.NewTimer(time.Second)}
	go c.loop()
	return c
}

func (c *politeController) loop() {
	for {
		select {
		case <-c.ctx.Done():
			return
		case <-c.timer.C:
			select {
			case <-c.ctx.Done():
				return
			case c.next <- struct{}{}:
			}
		}
	}
}

func (c *politeController) Done() <-chan struct{} { return c.ctx.Done() }
func (c *politeController) Next() <-chan struct{} { return c.next }

// Twin: a buffer of 1 and one send: the goroutine ends whether or not
// Continue receives.
type onceController struct {
	ctx  context.Context
	next chan struct{}
}

func newOnceController(ctx context.Context) *onceController {
	c := &onceController{ctx: ctx, next: make(chan struct{}, 1)}
	go func() {
		c.next <- struct{}{}
	}()
	return c
}

func (c *onceController) Done() <-chan struct{} { return c.ctx.Done() }
func (c *onceController) Next() <-chan struct{} { return c.next }

// Twin: the package's only consumer receives outside a select, so it
// always takes the value (no interface of the package leaves early).
type ticket struct {
	ready chan int
}

func newTicket(work func() int) *ticket {
	t := &ticket{}
	t.ready = make(chan int)
	go func() {
		t.ready <- work()
	}()
	return t
}

func (t *ticket) Ready() <-chan int { return t.ready }

func waitTicket(t *ticket) int {
	return <-t.Ready()
}

// The same ticket with a consumer that holds the result in a variable and
// may leave through a timeout.
type lateTicket struct {
	ready chan int
}

func newLateTicket(work func() int) *lateTicket {
	t := &lateTicket{}
	t.ready = make(chan int)
	go func() { // want `the goroutine started here sends on unbuffered ready \(line 172\), but Ready hands ready out to waitLate, which receives from it only in the select on line 181 and may leave through another case`
		t.ready <- work()
	}()
	return t
}

func (t *lateTicket) Ready() <-chan int { return t.ready }

func waitLate(ctx context.Context, t *lateTicket) int {
	ch := t.Ready()
	select {
	case v := <-ch:
		return v
	case <-ctx.Done():
		return 0
	}
}

// Twin: the package also drains the field itself (Close), so someone
// else may receive.
type drainedTicket struct {
	ready chan int
}

func newDrainedTicket(work func() int) *drainedTicket {
	t := &drainedTicket{ready: make(chan int)}
	go func() {
		t.ready <- work()
	}()
	return t
}

func (t *drainedTicket) Ready() <-chan int { return t.ready }

func (t *drainedTicket) Close() {
	for range t.ready {
	}
}

func waitDrained(ctx context.Context, t *drainedTicket) int {
	select {
	case v := <-t.Ready():
		return v
	case <-ctx.Done():
		return 0
	}
}

// Twin: an exported field, which any importer may drain.
type OpenTicket struct {
	Ready chan int
}

func NewOpenTicket(work func() int) *OpenTicket {
	t := &OpenTicket{Ready: make(chan int)}
	go func() {
		t.Ready <- work()
	}()
	return t
}

func (t *OpenTicket) Wait() <-chan int { return t.Ready }

func waitOpen(ctx context.Context, t *OpenTicket) int {
	select {
	case v := <-t.Wait():
		return v
	case <-ctx.Done():
		return 0
	}
}

// Twin: a second goroutine, given the field, drains it.
type pumpedTicket struct {
	ready chan int
}

func newPumpedTicket(work func() int, sink func(int)) *pumpedTicket {
	t := &pumpedTicket{ready: make(chan int)}
	go func() {
		t.ready <- work()
	}()
	go t.pump(t.ready, sink)
	return t
}

func (t *pumpedTicket) pump(in <-chan int, sink func(int)) {
	for v := range in {
		sink(v)
	}
}

func (t *pumpedTicket) Ready() <-chan int { return t.ready }

func waitPumped(ctx context.Context, t *pumpedTicket) int {
	select {
	case v := <-t.Ready():
		return v
	case <-ctx.Done():
		return 0
	}
}

// Twin: the package also stores a channel from elsewhere in the field,
// which whoever made it may drain.
type swappedTicket struct {
	ready chan int
}

func newSwappedTicket(work func() int) *swappedTicket {
	t := &swappedTicket{ready: make(chan int)}
	go func() {
		t.ready <- work()
	}()
	return t
}

func (t *swappedTicket) swap(in chan int) { t.ready = in }

func (t *swappedTicket) Ready() <-chan int { return t.ready }

func waitSwapped(ctx context.Context, t *swappedTicket) int {
	select {
	case v := <-t.Ready():
		return v
	case <-ctx.Done():
		return 0
	}
}

// Twin: the package hands the field to an ordinary call, which may
// receive from it.
type passedTicket struct {
	ready chan int
}

func newPassedTicket(work func() int) *passedTicket {
	t := &passedTicket{ready: make(chan int)}
	go func() {
		t.ready <- work()
	}()
	return t
}

func (t *passedTicket) Ready() <-chan int { return t.ready }

func (t *passedTicket) Close() { drainInts(t.ready) }

func drainInts(ch <-chan int) {
	for range ch {
	}
}

func waitPassed(ctx context.Context, t *passedTicket) int {
	select {
	case v := <-t.Ready():
		return v
	case <-ctx.Done():
		return 0
	}
}

// Twin: a struct literal elsewhere sets the field to a channel the
// caller owns, and may drain.
type sharedTicket struct {
	ready chan int
}

func newSharedTicket(work func() int) *sharedTicket {
	t := &sharedTicket{ready: make(chan int)}
	go func() {
		t.ready <- work()
	}()
	return t
}

func shareTicket(in chan int) *sharedTicket { return &sharedTicket{ready: in} }

func (t *sharedTicket) Ready() <-chan int { return t.ready }

func waitShared(ctx context.Context, t *sharedTicket) int {
	select {
	case v := <-t.Ready():
		return v
	case <-ctx.Done():
		return 0
	}
}

// Twin: a method returns the field of another value than its receiver,
// which is no accessor: the package hands the field out in a way the
// rule does not follow.
type relayTicket struct {
	ready chan int
}

var spareRelay = &relayTicket{ready: make(chan int)}

func newRelayTicket(work func() int) *relayTicket {
	t := &relayTicket{ready: make(chan int)}
	go func() {
		t.ready <- work()
	}()
	return t
}

func (t *relayTicket) Ready() <-chan int { return t.ready }

func (t *relayTicket) Spare() <-chan int { return spareRelay.ready }

func waitRelay(ctx context.Context, t *relayTicket) int {
	select {
	case v := <-t.Ready():
		return v
	case <-ctx.Done():
		return 0
	}
}
