package cutshort

import (
	"context"
	"net/http"
	"sync"
	"time"
)

type Event struct{ ID string }

// notify does bounded work.
func (h *H) notify(ctx context.Context, ev Event) { h.audit(ctx, "event "+ev.ID) }

// dispatch starts the notification and returns: a keeper of ctx.
func (h *H) dispatch(ctx context.Context, ev Event) {
	go h.notify(ctx, ev)
}

// handleEvent passes ctx on to the keeper: a keeper itself.
func (h *H) handleEvent(ctx context.Context, ev Event) error {
	h.dispatch(ctx, ev)
	return nil
}

// A webhook handler derives a context with a deadline and fans the work out
// through the service's own methods: reported once, at the outermost call.
func (h *H) Webhook(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 5*time.Second)
	defer cancel()
	if err := h.handleEvent(ctx, Event{ID: "1"}); err != nil { // want `ctx is cancelled when Webhook returns, but h.handleEvent keeps using it in a goroutine`
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusAccepted)
}

// ---- negative twins ----

// The handler detaches the event's context.
func (h *H) WebhookDetached(w http.ResponseWriter, r *http.Request) {
	ctx := context.WithoutCancel(r.Context())
	h.handleEvent(ctx, Event{ID: "1"})
	w.WriteHeader(http.StatusAccepted)
}

// handleEventWait waits for its goroutine: not a keeper.
func (h *H) handleEventWait(ctx context.Context, ev Event) {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		h.notify(ctx, ev)
	}()
	wg.Wait()
}

func (h *H) WebhookWaits(w http.ResponseWriter, r *http.Request) {
	h.handleEventWait(r.Context(), Event{ID: "1"})
	w.WriteHeader(http.StatusAccepted)
}
