package cutshort

import (
	"context"
	"log/slog"
	"net/http"
)

// Logger is a service's own logging interface, as openfga's pkg/logger
// declares one: a context passed to it is read for trace fields.
type Logger interface {
	InfoWithContext(ctx context.Context, msg string)
	ErrorWithContext(ctx context.Context, msg string)
}

// AuditLog writes audit rows: its Log does database work with ctx.
type AuditLog interface {
	Log(ctx context.Context, entry string) error
}

type S struct {
	log   Logger
	audit AuditLog
}

// shadow does its work with a context of its own and uses the request's
// only to log (openfga v1.18.1 Server.shadowV2Check).
func (s *S) shadow(ctx context.Context) {
	work, cancel := context.WithCancel(context.Background())
	defer cancel()
	if err := compute(work); err != nil {
		s.log.ErrorWithContext(ctx, "shadow check failed")
		return
	}
	s.log.InfoWithContext(ctx, "shadow check")
	slog.InfoContext(ctx, "shadow check done")
}

func compute(ctx context.Context) error { return ctx.Err() }

// Logging with the request's context is not work that its end cuts short.
func (s *S) Check(w http.ResponseWriter, r *http.Request) {
	go s.shadow(r.Context())
	w.WriteHeader(http.StatusOK)
}

// An audit log's Log method is not a logging call: the row is lost.
func (s *S) Pay(w http.ResponseWriter, r *http.Request) {
	go s.audit.Log(r.Context(), "pay") // want `r.Context\(\) is cancelled when Pay returns, but the goroutine started here keeps using it`
	w.WriteHeader(http.StatusOK)
}
