// Package ctxsum defines an Analyzer that summarizes, for the ctxgo check,
// which functions start a goroutine that keeps working with one of their
// context parameters after they return. It reports nothing itself.
//
// # Analyzer ctxgosum
//
// ctxgosum: summarize functions that hand a context to a goroutine
//
// A function F gets a keepsCtx fact naming its context parameter p when,
// directly in F's body, F
//
//   - starts a goroutine that does work with p (or a context derived from
//     p): passes it to a call, stores it, sends it; merely selecting on
//     p.Done() or reading p.Err() is not work, but for a select, in no
//     loop, that returns a non-nil error at p.Done() instead of the value
//     it receives from a channel of its own function (the call fails
//     once p is done); or
//   - calls a function whose keepsCtx fact covers the argument given for p;
//
// and F does not block after doing so (no channel receive, select,
// range over a channel, Wait/Serve/Accept-style call, io.Copy, time.Sleep,
// infinite loop). Such a function returns while the goroutine still uses p:
// worker.Start(ctx) behaves like go worker.loop(ctx).
//
// A function gets a watchesCtx fact naming the context parameters it does
// no work with (it only calls their Done, Err, Deadline or Value methods,
// passes them to functions that do no more, or ignores them): then
// go lib.Watch(ctx, conn) in another package does no work with ctx.
//
// A function gets a runsUntilCtx fact naming the context parameters until
// whose cancellation it runs: in its own flow (not in a goroutine it
// starts) it loops without bound using the context and leaves the loop
// only at a stop (a ctx.Done() case, ctx.Err(), err != nil, !ok), waits
// for <-ctx.Done(), or passes the context to a function that does either
// or whose name says it serves (Serve*, Run, Wait*, ...). A goroutine
// running it is built to end at cancellation; one running a function
// without the fact does bounded work that cancellation aborts. A keepsCtx
// fact says "until cancelled" for a parameter whose goroutines all run so.
//
// A function gets a pollsBlind fact naming its first named context
// parameter when it has a loop with no condition that sleeps in a statement
// of its own (time.Sleep, <-time.After(d), <-t.C of a Ticker or Timer) and
// has a way round observing no context and no done channel, or when it
// passes that parameter as it is, in its own flow, to a function with the
// fact or to an interface method of which an implementation declared in
// the package or in a package of its module it imports has the fact.
//
// The result answers these questions for the package's own functions and
// for the functions it calls.
package ctxsum
