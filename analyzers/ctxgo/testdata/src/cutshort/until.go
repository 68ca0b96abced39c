package cutshort

import (
	"context"
	"log"
	"net/http"
	"time"
)

// flusher runs until ctx is cancelled: cancel-at-return is its stop signal.
func (h *H) flusher(ctx context.Context) {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			h.audit(ctx, "flush")
		}
	}
}

// poll loops on ctx.Err().
func (h *H) poll(ctx context.Context) {
	for ctx.Err() == nil {
		h.audit(ctx, "poll")
		time.Sleep(time.Second)
	}
}

// run only wraps a runner.
func (h *H) run(ctx context.Context) error {
	log.Printf("starting")
	h.flusher(ctx)
	return ctx.Err()
}

// ---- negative twins: runs until cancellation, owner keeps working ----

func (h *H) Stream(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithCancel(r.Context())
	defer cancel()
	go h.flusher(ctx)
	go h.poll(ctx)
	go h.run(ctx)
	w.WriteHeader(http.StatusOK)
	log.Printf("streamed")
}

// A literal running a ticker loop until ctx ends.
func (h *H) Ticker(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			case <-time.After(time.Second):
				h.audit(ctx, "tick")
			}
		}
	}()
	w.WriteHeader(http.StatusOK)
}

// A literal that waits for the end of ctx, then cleans up with it.
func (h *H) Cleanup(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	go func() {
		<-ctx.Done()
		h.audit(context.WithoutCancel(ctx), "closed")
	}()
	w.WriteHeader(http.StatusOK)
}

// ---- positives: runs until cancellation, dead on arrival ----

func (h *H) Dead(w http.ResponseWriter, r *http.Request) {
	go h.flusher(r.Context()) // want `works with it until it is cancelled, so it stops as soon as Dead returns`
}
