package cutshort

import (
	"context"
	"errors"
	"net/http"
)

// Hook is kratos's web hook (ory/kratos v0.11.0, selfservice/hook): its
// methods take the handler's w and r, then more, and run within the
// request.
type Hook struct {
	h     *H
	async bool
}

// execute sends the hook; when the response is ignored, a second
// goroutine waits for the first one's result and execute returns nil at
// once: on that path the goroutine outlives execute, a keeper of ctx.
func (e *Hook) execute(ctx context.Context, what string) error {
	errc := make(chan error, 1)
	go func() {
		e.h.audit(ctx, what)
		errc <- nil
	}()
	if e.async {
		go func() { <-errc }()
		return nil
	}
	return <-errc
}

func (e *Hook) ExecuteLoginPreHook(_ http.ResponseWriter, r *http.Request, flow string) error {
	return e.execute(r.Context(), flow) // want `r.Context\(\) is cancelled when ExecuteLoginPreHook returns, but e.execute keeps using it in a goroutine`
}

// httprouter's Handle takes (w, r, params): a handler still.
func (h *H) Routed(w http.ResponseWriter, r *http.Request, params []string) {
	go h.audit(r.Context(), "routed") // want `r.Context\(\) is cancelled when Routed returns, but the goroutine started here keeps using it`
	w.WriteHeader(http.StatusAccepted)
}

// ---- negative twins ----

// executeWait returns only after the goroutine's result, on every path.
func (e *Hook) executeWait(ctx context.Context, what string) error {
	errc := make(chan error, 1)
	go func() {
		e.h.audit(ctx, what)
		errc <- nil
	}()
	if e.async {
		return <-errc
	}
	return <-errc
}

func (e *Hook) ExecuteLoginPostHook(_ http.ResponseWriter, r *http.Request, flow string) error {
	return e.executeWait(r.Context(), flow)
}

// executeFailFast returns without waiting only with an error: the
// context's end is then the intended stop.
func (e *Hook) executeFailFast(ctx context.Context, what string) error {
	errc := make(chan error, 1)
	go func() {
		e.h.audit(ctx, what)
		errc <- nil
	}()
	if what == "" {
		return errors.New("empty")
	}
	return <-errc
}

func (e *Hook) ExecuteSettingsHook(_ http.ResponseWriter, r *http.Request, flow string) error {
	return e.executeFailFast(r.Context(), flow)
}

// executeBranch starts the goroutine on one branch and returns nil on the
// other, which the goroutine never reaches.
func (e *Hook) executeBranch(ctx context.Context, what string) error {
	if e.async {
		errc := make(chan error, 1)
		go func() {
			e.h.audit(ctx, what)
			errc <- nil
		}()
		return <-errc
	} else {
		return nil
	}
}

func (e *Hook) ExecuteRecoveryHook(_ http.ResponseWriter, r *http.Request, flow string) error {
	return e.executeBranch(r.Context(), flow)
}

// executeWatch returns nil from inside a loop without condition, after
// waiting for the bus (tailscale v1.92.0's client/web tailscaleUp): the
// loop is the wait, as for WaitsAfter.
func (e *Hook) executeWatch(ctx context.Context, next func() string) error {
	go e.h.audit(ctx, "start")
	for {
		if next() == "running" {
			return nil
		}
	}
}

func (e *Hook) ExecuteWatchHook(_ http.ResponseWriter, r *http.Request, next func() string) error {
	return e.executeWatch(r.Context(), next)
}

// The request is not the second parameter: not a handler's.
func (h *H) notHandler(w http.ResponseWriter, name string, r *http.Request) {
	go h.audit(r.Context(), name)
	w.WriteHeader(http.StatusAccepted)
}
