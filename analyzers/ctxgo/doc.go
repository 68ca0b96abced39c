// Package ctxgo defines an Analyzer that reports cancellation that cuts a
// goroutine short, never reaches it, or is handed to it and lost.
//
// # Analyzer ctxgo
//
// ctxgo: report goroutines cut short by, or blind to, cancellation
//
// ctxgo has three rules. Each reports only the shape described; an unusual
// shape is left alone rather than guessed at. Each rule has a flag that
// turns it off (-ctxgo.cutshort=false, -ctxgo.unobserved=false,
// -ctxgo.handover=false) and is the Category of its diagnostics.
//
// # Rule cutshort: a goroutine works with a context cancelled at return
//
// In a function F (not main.main or init), a context "ends when F returns"
// when it is
//
//   - the result of context.WithCancel, WithTimeout, WithDeadline or their
//     Cause variants, assigned in F to a pair whose cancel variable F
//     calls in a defer statement (defer cancel(), or cancel() as a
//     statement of a deferred literal's body; a cancel called only under a
//     condition, as in defer func() { if err != nil { cancel() } }(),
//     leaves the context alive on the other paths);
//   - the context of the request of a handler F, reached from a parameter
//     that F does not reassign: r.Context() in a net/http handler (F's
//     parameters begin with an http.ResponseWriter and then an
//     *http.Request; chi, gorilla/mux and net/http middleware closures have
//     this shape, httprouter's Handle adds its Params, and a hook or helper
//     that a handler calls with its own w and r, as kratos's
//     ExecuteLoginPreHook(w, r, flow), runs within that request),
//     c.Request.Context() in a gin handler (F's one parameter is a
//     *gin.Context), c.Request().Context() in an echo handler (one
//     echo.Context). The frameworks are a table in ctxsum (one entry each);
//     fiber is not in it, as its UserContext() is context.Background()
//     unless set and its Context() is not cancelled at return. Nor is a
//     *gin.Context used as a context.Context itself (go work(c) or
//     go work(c.Copy())): its Done() is nil and its Err() nil unless the
//     engine sets ContextWithFallback, which ctxgo cannot see from the
//     handler, so by default it never ends; passing c itself to a
//     goroutine is a different bug (gin reuses c once the handler
//     returns, c.Copy() is the documented remedy), not a cancelled
//     context;
//   - the context parameter of a gRPC, Connect or Twirp service method: a
//     method whose first parameter is a context.Context, of a struct
//     embedding the generated Unimplemented...Server or
//     Unimplemented...Handler type that declares a method of the same
//     name, or of a type implementing a Twirp service interface I of an
//     imported package that declares func NewIServer(I, ...) TwirpServer
//     (an interface with ServeHTTP), I having a method of that name (the
//     RPC ends when it returns; Twirp's generated ServeHTTP calls the
//     method with the request's context);
//   - a context derived from one of these with context.WithValue or
//     With{Cancel,Timeout,Deadline}[Cause], or a local variable holding one
//     (the last assignment before the use, in an enclosing block, decides;
//     a variable assigned on some branch only is not followed, except in
//     the body of if ctx == nil, which leaves its value on every other
//     path).
//
// The rule reports a go statement of F (not inside a nested function
// literal) whose goroutine does work with such a context: the context is an
// argument of the go call whose callee uses that parameter for work, or a
// variable captured by the go func literal that the literal uses for work.
// Work is any use except calling Done, Err, Deadline or Value, comparing,
// passing it to context.Cause, AfterFunc or WithoutCancel, passing it to a
// logging call (a function of log/slog, zap, logrus, zerolog, logr, klog or
// hclog, or an Info/Debug/Warn/Error/Log...-named method, with Context,
// WithContext, Ctx or f after the name, of a type named ...Logger or of a
// package named log, logger or logging: the record is written whether or
// not the context has ended), or passing it to a function (of any package:
// a watchesCtx fact carries this) that itself does no more. A goroutine that only watches ctx (selects on ctx.Done() to
// close a connection, stop a ticker, merge contexts) is not reported. But a
// select, in no loop, that returns a non-nil error at ctx.Done() instead of
// the value it receives from a channel the function declares (it started
// the work it waits for: result, ok := <-results) is work: the call fails
// once ctx is done (go-ipmi v0.8.3's UDPClient.Exchange, under its
// keepalive).
//
// It also reports a call whose callee, in any package, has the keepsCtx fact
// for the argument given (the callee starts a goroutine that keeps working
// with that parameter after returning, without waiting for it, or waits
// for it on some paths only: its last result is an error and a return of
// nil follows the go statement in the same run of statements with nothing
// that may block in between or around it (a loop without condition or a
// select enclosing the return is a wait), as a mode that hands the result
// to a second goroutine and returns at once, kratos v0.11.0's
// WebHook.execute with response.ignore):
// worker.Start(ctx) counts as go worker.loop(ctx).
//
// Only when F returns soon after. Nothing is reported if F may block or keep
// working afterwards, which makes cancel-at-return the intended stop signal:
// the go statement (or call) sits in a for loop without condition, or after
// it (or anywhere in its enclosing loop, or in any deferred call) F receives
// from a channel, selects, ranges over a channel, loops without condition,
// calls a function or method named Wait*, Serve* (not ServeHTTP or
// ServeDNS, one request's handling), ListenAndServe*, Accept*, Recv* or
// Run, io.Copy, io.CopyN, io.CopyBuffer or time.Sleep, or passes a
// context (other than context.Background(), TODO() or WithoutCancel(...)) to
// another call, so that the goroutine is scoped to F's own work (go
// heartbeat(ctx); return stream(ctx)). WaitGroup.Wait, errgroup's Wait and a
// receive from a channel the goroutine closes are all covered by these. A
// goroutine given context.WithoutCancel(ctx), context.Background() or a
// context of its own is not reported either.
//
// Goroutines are of two kinds. One that runs until cancellation (a server,
// a ticker, a pump, a watcher) may have cancel-at-return as its intended
// stop signal (a progress reporter, a test's server). It is one whose
// body, or whose callee in any package (a runsUntilCtx fact), in its own
// flow:
//
//   - loops without bound using the context (for {}, for ctx.Err() == nil,
//     a range over a channel) and leaves the loop only at a stop: under a
//     ctx.Done() case or a receive from a chan struct{}, a test of
//     ctx.Err(), of an error (if err != nil), or of a closed channel (if
//     !ok); a loop that also exits on success (if err == nil { return c },
//     if srv.closeIdleConns() { return }) waits for a result instead;
//   - waits for <-ctx.Done() as a statement of its own; or
//   - passes the context to a function that does either, or to a
//     function or method named Wait*, Serve* (not ServeHTTP or ServeDNS),
//     ListenAndServe*, Accept*, Recv* or Run (go srv.Serve(ctx)).
//
// Such a goroutine is reported only when nothing but a return follows the
// go statement (no call other than builtins and conversions, no enclosing
// loop), which makes it dead on arrival; the message then asks whether it
// should be detached from this cancel, and no fix is offered
// (WithoutCancel would never stop it). The same holds for a call to a
// keeper whose goroutines all run until cancellation (worker.Start(ctx)
// running a select on ctx.Done()).
//
// Every other goroutine does bounded work that cancellation aborts: one
// database write, one HTTP call, a fixed sequence of calls, a loop over a
// slice that checks ctx.Err() between steps. Passing the context to
// database/sql, net/http or any other context-aware call does not make a
// goroutine of the first kind. A bounded goroutine is reported whatever
// non-blocking code follows the go statement (writing the response,
// logging, building a return value):
//
//	func (h *H) Capture(w http.ResponseWriter, r *http.Request) {
//		go h.audit(r.Context(), "capture") // diagnostic: r.Context() is cancelled when Capture returns, but the goroutine started here keeps using it; did you mean to detach it with context.WithoutCancel?
//		w.WriteHeader(http.StatusNoContent)
//	}
//
//	func (h *H) Checkout(w http.ResponseWriter, r *http.Request) {
//		ctx, cancel := context.WithTimeout(r.Context(), time.Second)
//		defer cancel()
//		go h.audit(ctx, "checkout") // diagnostic: ctx is cancelled when Checkout returns, but the goroutine started here keeps using it; did you mean to detach it with context.WithoutCancel?
//	}
//
// The message says which remedy is likelier: "wait" when the goroutine hands
// back a result (it sends on or closes a channel, assigns a variable of F,
// or is given a channel or pointer), "detach" otherwise. For detach, a
// suggested fix wraps the argument in context.WithoutCancel (go audit(
// context.WithoutCancel(ctx), ...)) or, for a literal capturing one context
// variable, passes it as a parameter (go func(ctx context.Context)
// {...}(context.WithoutCancel(ctx))). The fix is offered only where the
// file's Go version is go1.21 or later and the file imports context.
//
// The rule also reports a goroutine that works with a context a dial left
// in a field. A function or method named Dial or Connect (or DialContext,
// ConnectWithOptions, Connect15: the name followed by an upper-case letter
// or a digit), with one
// context parameter, assigns a context derived from that parameter (the
// parameter itself, a With... of it, a local variable holding one) to a
// context field of a struct type of the package (c.ctx = connCtx, or
// conn{ctx: connCtx}). By the convention of net.Dialer.DialContext, the
// context given to a dial bounds the setup of the connection only, so its
// caller may cancel it as soon as the dial returns (a timeout with a
// deferred cancel). A go statement anywhere in the package is reported
// when its goroutine works with that field (as above: a use other than
// Done, Err, ...), in its arguments or literal or in a function of the
// package that it runs or calls, up to three calls deep; a goroutine
// started by the dial itself that the dial waits for is not. A field set
// from context.WithoutCancel(ctx) or context.Background(), or by a
// function of another name (Start, Run, New: there the context is often
// the object's lifetime by design), is left alone.
//
//	func (t *Transport) Connect(ctx context.Context) (*conn, error) {
//		connCtx, cancel := context.WithCancel(ctx)
//		return &conn{ctx: connCtx, cancel: cancel}, nil
//	}
//
//	func (c *conn) sessionUpdated() {
//		go c.stream() // diagnostic: c.ctx holds a context derived from the ctx of (*Transport).Connect (line 3), which callers may cancel once Connect returns (a dial's context bounds its setup, as for net.Dialer.DialContext), but the goroutine started here keeps using it (line 11); did you mean to derive it from context.WithoutCancel(ctx)?
//	}
//
//	func (c *conn) stream() {
//		req, _ := http.NewRequestWithContext(c.ctx, http.MethodGet, c.url, nil)
//		...
//	}
//
// By the same convention, a go statement of the dial itself (not in a
// nested literal) is reported when its goroutine works with a context
// derived from the dial's context parameter, or is a call that hands it to
// a function running until it is cancelled (a pump whose loop leaves at
// ctx.Done(): for a connection's goroutine, stopping at the dial's cancel
// is the bug), and the dial does not wait for it afterwards. A context
// whose cancel the dial defers is the rule's first case, and a literal
// that only watches the context is left alone (gopcua/opcua v0.1.6, #313):
//
//	func (c *Client) Dial(ctx context.Context) error {
//		ctx, c.cancelMonitor = context.WithCancel(ctx)
//		go c.monitorChannel(ctx) // diagnostic: the goroutine started here keeps using a context derived from the ctx of (*Client).Dial, which callers may cancel once Dial returns (a dial's context bounds its setup, as for net.Dialer.DialContext); did you mean to derive it from context.WithoutCancel(ctx)?
//		return c.openSecureChannel()
//	}
//
// "Derived from" includes the parameter itself: a dial that hands its own
// ctx to the connection's goroutine (go s.serve(ctx, conn)) is reported
// like one that hands on context.WithCancel(ctx). Both kinds have real
// fixes: opcua's derives the monitor's context inside the dial;
// at-wat/mqtt-go v0.10.2's ReconnectClient.Connect ran its retry loop on
// the ctx parameter, and the fix (#121, v0.10.3) gives the loop
// context.Background() once connected, documenting that the context
// bounds the first connection only. So golang.org/x/tools v0.52.0's
// servertest PipeServer.Connect, which runs go s.server.ServeStream(ctx,
// serverConn) on its parameter, is reported, although its one caller
// passes a context meant to bound the serving: from the dial alone, ctx
// is its setup's.
//
// A wait of the dial after the go statement does not excuse the goroutine
// when it is a wait for its setup: every wait is a select that returns
// when the dial's context is done (the dial's timeout), and its other
// cases receive a signal that the goroutine's literal gives (closes or
// sends on) inside a for loop without condition in which it uses the
// context, with no return or break right after, so that the goroutine
// goes on with the context once the dial has returned (mqtt-go v0.10.2:
// select { case <-done: case <-ctx.Done(): return false, ctx.Err() }). A
// literal that assigns a context variable it was given or captures (the
// fix of #121, ctx = context.Background() inside the loop) is left alone,
// as is a goroutine that signals and then returns (a retry loop handing
// over the first connection) or a dial waiting without a bound of its own.
//
// # Rule unobserved: a goroutine that never observes cancellation
//
// The rule reports a go statement (outside main.main and init) when a
// context.Context or *http.Request variable of an enclosing function is in
// scope (in package main, where goroutines commonly live as long as the
// process, only an *http.Request counts), the goroutine is a function
// literal or a function of the same package, neither its arguments nor its
// body (nested literals included) refer to a context, a request or a channel
// of struct{} (a done channel), and its body contains a for loop without
// condition that has no exit (no return, no break or goto leaving it, no
// panic, os.Exit, runtime.Goexit or Fatal*/Panic* call) and does blocking
// work (a channel send or receive, a select, a range over a channel, a
// Read*, Recv*, Accept*, Receive* or Wait* call, time.Sleep). Such a
// goroutine outlives any cancellation. A read loop that returns when Read
// fails, or a range over a channel that its owner closes, is not reported.
// Nor is a goroutine whose lifetime is the process's: one started by a
// function that handles OS signals (calls signal.Notify or
// signal.NotifyContext: a daemon's run loop), or by a function that, after
// the go statement and with no way out before it, blocks forever (select
// {}, <-make(chan T), an empty for {}).
//
//	func serve(ctx context.Context, events <-chan Event) {
//		go func() { // diagnostic: the goroutine started here loops forever on blocking work (line 3) and never observes ctx or a done channel, so it outlives ctx's cancellation
//			for {
//				publish(<-events)
//			}
//		}()
//	}
//
// The rule also reports the opposite blindness, a goroutine that refers
// to a context only to pass it on: its body has a for loop without
// condition and without exit (as above) one of whose statements calls,
// on every iteration, a function with a context that can be cancelled (not
// context.Background(), TODO() or WithoutCancel(...), nor derived from
// one with WithValue, nor with WithCancel whose cancel is only deferred;
// a parameter of the goroutine is followed to the go statement's
// argument), when the callee runs until the context is cancelled (a
// runsUntilCtx fact, or a Serve*, Run or Wait*-style name) or returns an
// error; and nothing else in the loop holds it or sees the end: no select,
// channel send or receive, range over a channel, time.Sleep, context-free
// Read*, Recv*, Accept*, Receive* or Wait* call, ctx.Done(), ctx.Err(),
// context.Canceled, DeadlineExceeded or Cause. Once the context is
// cancelled, the call returns at once and the loop spins (kine v0.14.3's
// btree watcher). It is the same rule, since the loop, like the goroutine
// above, never observes the cancellation; a loop that returns on the
// call's error, checks ctx.Err(), selects on ctx.Done() or sleeps between
// attempts is not reported.
//
//	go func() { // diagnostic: this goroutine's loop never leaves when ctx is cancelled: kv.btreeWatcher(ctx) then returns at once and the loop spins; check ctx.Err() in the loop
//		for {
//			err := kv.btreeWatcher(ctx)
//			log.Printf("btree watcher: %v", err)
//		}
//	}()
//
// The rule also reports the forgotten sender, a goroutine that never
// observes that its receiver left. Outside package main, a function makes
// an unbuffered channel (make(chan T) or make(chan T, 0), assigned to a
// local variable), starts a goroutine that sends on it outside a select
// with another case (in a go func literal, or in a function of the same
// package that the go statement, or a call in the goroutine, hands the
// channel to), and itself receives from the channel only as the
// communication of select cases, one of which sits beside a case whose
// body returns, or beside any case when the select is the last statement
// of the function, which then ends through it (a timeout case that only
// records the timeout), or when it is the one such select and sits in no
// loop, so that it runs once and nothing receives after it. Any other use of the channel by the function (passing it
// on, storing, closing, ranging over it, receiving outside a select or in
// a closure) lets someone else receive, and nothing is reported. When the
// function returns through the other case (<-ctx.Done(), a timeout),
// nobody receives and the goroutine blocks on its send forever. When one
// goroutine, started outside any loop, sends from outside any loop, a
// suggested fix gives the channel a buffer of 1. A case whose body fails
// or skips a test (t.Fatal, t.Errorf, t.Skip, testify's Fail) does not
// count, here or for a handed-out channel: a sender it leaves behind
// blocks only in a test that has failed already. Nor does, beside a select
// that runs once or ends the function, a case one of whose statements
// ends the process (log.Fatal(err), os.Exit(1), zerolog's
// log.Fatal().Msg(...)): its sender blocks only until the process exits.
// A send made only when a server's Serve failed with an error other than
// http.ErrServerClosed (if err != http.ErrServerClosed { errs <- err }, or
// after if errors.Is(err, http.ErrServerClosed) { return }) is not a
// forgotten sender either: the way out past the select is the server's
// Shutdown or Close, after which Serve returns ErrServerClosed and sends
// nothing. When the function may return between the go statement and the
// select (a return in the statements that follow the go statement, before
// the select's position, outside function literals), the message names
// those returns: they leave the sender blocked on every path through
// them, and the select's other case is named too only when it does not
// receive from another channel of the same goroutine, whose sends may
// exclude each other (kratos v1.3.1's password Register: the hash or the
// error, and a return before the select when the password fails
// validation).
//
//	func fetch(ctx context.Context) (int, error) {
//		ch := make(chan int)
//		go func() { // diagnostic: the goroutine started here sends on unbuffered ch (line 4), but fetch may return through another case of the select on line 6, and then nobody receives and the goroutine blocks forever; give ch a buffer or send in a select
//			ch <- work()
//		}()
//		select {
//		case v := <-ch:
//			return v, nil
//		case <-ctx.Done():
//			return 0, ctx.Err()
//		}
//	}
//
// The forgotten sender may also be handed out: a function of the package
// makes a channel (assigned at the top of its body), starts a goroutine
// that sends on it outside a select, and only returns it (any other use
// lets someone else receive); a caller of the same package assigns the
// result and receives from it only as the communication of cases of one
// select, beside a case whose body returns or breaks, by label, out of the
// one loop around the select (or beside any case, when the select is the
// caller's last statement). An unbuffered channel blocks the first
// send; a buffered one counts only when the send repeats without bound: it
// sits in a for loop without condition or a range over a channel, inside a
// function literal made there (a pool's task) or with no return or break
// out of the loop right after it. The report is on the producer's go
// statement, and no fix is offered.
//
//	func process(ctx context.Context, in <-chan string) chan result {
//		out := make(chan result, 10)
//		go func() { // diagnostic: the goroutine started here sends on out in a loop without bound (line 5), but process returns out to consume, which receives from it only in the select on line 14 and may leave through another case; then nobody receives, and once its buffer is full the goroutine blocks forever; send in a select with a case that stops it
//			for msg := range in {
//				out <- check(msg)
//			}
//		}()
//		return out
//	}
//
//	func consume(ctx context.Context, in <-chan string) bool {
//		out := process(ctx, in)
//		for {
//			select {
//			case r := <-out:
//				if r.ok {
//					return true
//				}
//			case <-ctx.Done():
//				return false
//			}
//		}
//	}
//
// The handed-out channel may also be a field: the package assigns an
// unexported field of one of its struct types only channels it makes (in
// a composite literal or by c.next = make(...)), a goroutine sends on the
// field outside a select (in a method of the type it runs, or in a go
// func literal given the field as an argument), and a method of the type,
// the accessor, without parameters, returns the field of its receiver
// (Next() <-chan struct{}). A function of the package calls the accessor,
// directly or through an interface the type implements, and receives from
// the result only as above. Any other use of the field by the package
// (receiving from it, ranging over it, passing it on, storing it) lets
// someone else receive, and nothing is reported; an exported field may be
// drained by any importer and is left alone. Buffered channels count as
// for a returned one.
//
//	func Continue(c Controller) bool { // Controller: Done(), Next() <-chan struct{}
//		select {
//		case <-c.Done():
//			return false
//		case _, ok := <-c.Next():
//			return ok
//		}
//	}
//
//	func newNullController(ctx context.Context) *nullController {
//		c := &nullController{ctx: ctx, next: make(chan struct{})}
//		go func() { // diagnostic: the goroutine started here sends on unbuffered next (line 13), but Next hands next out to Continue, which receives from it only in the select on line 2 and may leave through another case; then nobody receives and the goroutine blocks forever; give next a buffer or send in a select
//			c.next <- struct{}{}
//		}()
//		return c
//	}
//
//	func (c *nullController) Next() <-chan struct{} { return c.next }
//
// The forgotten sender's goroutine may also run a function value (go
// request(ctx, ch), where request is a parameter, variable or field of
// function type): its bodies are taken to be the function literals of the
// package whose signature is the value's, and one of them that sends on
// the channel parameter outside a select is enough. A value with no literal
// of its signature in the package is left alone.
//
// The rule also reports a goroutine that waits blind: a go func literal
// (outside package main) whose first blocking statement is a select with
// two or more cases, no default, each receiving from a field (c.ready,
// s.closed: no call such as ctx.Done() or time.After(d), no timer or
// ticker channel, no local channel or parameter, which the enclosing
// function may close or take from ctx.Done()), and which then, in a case
// or after the select, passes a context of the enclosing function that can
// be cancelled (as for the spinning loop) to a call. When that context is
// cancelled while the goroutine waits, it keeps waiting for an event that
// may never come (a session never initialized, a client never closed).
//
//	func (c *Client) Start(ctx context.Context) error {
//		go func() { // diagnostic: the goroutine started here waits for c.initialized or c.closed in a select (line 3) without a case for ctx.Done(), then works with ctx, so when ctx is cancelled first it keeps waiting; add case <-ctx.Done()
//			select {
//			case <-c.initialized:
//				c.listen(ctx)
//			case <-c.closed:
//			}
//		}()
//		return nil
//	}
//
// The rule also reports a goroutine that polls blind: outside package
// main, it calls (the go call itself, or in the literal's or the local
// function's own flow) with a context that can be cancelled (as for the
// spinning loop) a function that polls blind to that context, or an
// interface method one of whose implementations does. A function polls
// blind (ctxgosum's pollsBlind fact) when it has a loop with no condition
// that sleeps in a statement of its own (time.Sleep, <-time.After(d), <-t.C
// of a Ticker or Timer) and may go round without observing a context or a
// done channel (ctx checked only in one branch of an if, never in the
// loop), or when it passes its context as it is, in its own flow, to such
// a function (a wrapper). The implementations are the methods of the
// types that the package and the packages of its module it imports
// declare. Once the context is cancelled the goroutine keeps polling until
// what it polls for comes (temporal's ReserveSlot under resource
// pressure, which kept a stopping worker waiting).
//
//	func (w *worker) reserveAsync(ctx context.Context, out chan<- *Permit) {
//		go func() { // diagnostic: the goroutine started here calls w.supplier.ReserveSlot(ctx), which may run (*ResourceSupplier).ReserveSlot: a loop (tuner.go:12) that polls without observing ctx on every iteration, so once ctx is cancelled the goroutine keeps polling
//			p, err := w.supplier.ReserveSlot(ctx)
//			...
//		}()
//	}
//
// Check ctx.Err() at the top of the loop and sleep in a select with a
// case <-ctx.Done().
//
// # Rule handover: a cancel function handed to a goroutine and lost
//
// The rule reports a context.With{Cancel,Timeout,Deadline}[Cause] call whose
// cancel variable is used only inside one go func literal, when that
// goroutine has a path from its start to its end that never uses the
// variable (a path that has called the Done or Err method of a context has
// seen it end, and needs no cancel). When a path of the enclosing function
// itself misses the go statement, go vet's lostcancel reports it, and ctxgo
// does not.
//
//	ctx, cancel := context.WithTimeout(parent, time.Minute) // diagnostic: the cancel function is handed to the goroutine started on line 2, which does not call it on every path (possible context leak)
//	go func() {
//		if err := fetch(ctx); err != nil {
//			return
//		}
//		cancel()
//	}()
//
// Write defer cancel() at the top of the goroutine instead.
package ctxgo
