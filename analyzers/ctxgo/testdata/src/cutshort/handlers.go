// Package cutshort holds the shapes of issue 15: bounded work started by a
// handler that goes on writing its response, and its negative twins.
package cutshort

import (
	"context"
	"database/sql"
	"encoding/json"
	"log"
	"net/http"
	"time"
)

type H struct{ db *sql.DB }

// audit does one database write: cancellation aborts it.
func (h *H) audit(ctx context.Context, what string) {
	h.db.ExecContext(ctx, "insert into audit values (?)", what)
}

// The first miss: the handler writes its response after the go statement.
func (h *H) Capture(w http.ResponseWriter, r *http.Request) {
	go h.audit(r.Context(), "capture") // want `r.Context\(\) is cancelled when Capture returns, but the goroutine started here keeps using it; did you mean to detach it with context.WithoutCancel\?`
	w.WriteHeader(http.StatusNoContent)
	log.Printf("captured")
}

// The second miss: a derived context whose cancel is deferred.
func (h *H) Refund(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	go h.audit(ctx, "refund") // want `ctx is cancelled when Refund returns, but the goroutine started here keeps using it; did you mean to detach it`
	json.NewEncoder(w).Encode(map[string]string{"status": "ok"})
}

// A literal doing a fixed sequence of calls, then a log line.
func (h *H) Notify(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	go func() { // want `ctx is cancelled when Notify returns, but the goroutine started here keeps using it`
		h.audit(ctx, "notify")
		req, _ := http.NewRequestWithContext(ctx, "POST", "http://hooks.invalid", nil)
		http.DefaultClient.Do(req)
	}()
	log.Printf("notified")
}

// A literal that checks ctx.Err() between bounded steps is still bounded work.
func (h *H) Steps(w http.ResponseWriter, r *http.Request) {
	go func() { // want `r.Context\(\) is cancelled when Steps returns`
		for _, s := range []string{"a", "b"} {
			if r.Context().Err() != nil {
				return
			}
			h.audit(r.Context(), s)
		}
	}()
	w.WriteHeader(http.StatusAccepted)
}

// ---- negative twins ----

func (h *H) CaptureDetached(w http.ResponseWriter, r *http.Request) {
	go h.audit(context.WithoutCancel(r.Context()), "capture")
	w.WriteHeader(http.StatusNoContent)
	log.Printf("captured")
}

func (h *H) RefundBackground(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	_ = ctx
	go h.audit(context.Background(), "refund")
	json.NewEncoder(w).Encode(map[string]string{"status": "ok"})
}

// The handler waits for the goroutine before writing.
func (h *H) NotifyWaits(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	done := make(chan struct{})
	go func() {
		defer close(done)
		h.audit(ctx, "notify")
	}()
	<-done
	log.Printf("notified")
}

// The cancel is not deferred.
func (h *H) RefundNoDefer(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	go func() {
		defer cancel()
		h.audit(ctx, "refund")
	}()
	json.NewEncoder(w).Encode(map[string]string{"status": "ok"})
}
