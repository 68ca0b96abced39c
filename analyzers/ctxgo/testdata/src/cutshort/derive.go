package cutshort

import (
	"context"
	"net/http"
)

type sessionKey struct{}

// withSession wraps context.WithValue: the context it returns is derived
// from its argument (mcp-go's MCPServer.WithContext).
func withSession(ctx context.Context, id string) context.Context {
	return context.WithValue(ctx, sessionKey{}, id)
}

// fresh returns a context of its own.
func fresh(ctx context.Context) context.Context {
	_ = ctx
	return context.Background()
}

type Span interface{ End() }

type Tracer interface {
	Start(ctx context.Context, name string) (context.Context, Span)
}

type Server struct {
	h           *H
	tracer      Tracer
	contextFunc func(ctx context.Context, r *http.Request) context.Context
}

// The shape of mcp-go v0.25.0 SSEServer.handleMessage: a wrapped request
// context, maybe rewrapped by a hook, handed to a goroutine after the 202.
func (s *Server) Message(w http.ResponseWriter, r *http.Request) {
	ctx := withSession(r.Context(), "id")
	if s.contextFunc != nil {
		ctx = s.contextFunc(ctx, r)
	}
	w.WriteHeader(http.StatusAccepted)
	go func() { // want `ctx is cancelled when Message returns, but the goroutine started here keeps using it`
		s.h.audit(ctx, "message")
	}()
}

// A tracer's Start derives the context it returns.
func (s *Server) Traced(w http.ResponseWriter, r *http.Request) {
	ctx, span := s.tracer.Start(r.Context(), "traced")
	defer span.End()
	go s.h.audit(ctx, "traced") // want `ctx is cancelled when Traced returns`
	w.WriteHeader(http.StatusOK)
}

// ---- negative twins ----

func (s *Server) MessageDetached(w http.ResponseWriter, r *http.Request) {
	ctx := withSession(context.WithoutCancel(r.Context()), "id")
	w.WriteHeader(http.StatusAccepted)
	go func() {
		s.h.audit(ctx, "message")
	}()
}

func (s *Server) Fresh(w http.ResponseWriter, r *http.Request) {
	ctx := fresh(r.Context())
	go s.h.audit(ctx, "fresh")
	w.WriteHeader(http.StatusOK)
}

// Reassigned on a branch to something not derived from it: not followed.
func (s *Server) Replaced(w http.ResponseWriter, r *http.Request) {
	ctx := withSession(r.Context(), "id")
	if s.contextFunc == nil {
		ctx = context.Background()
	}
	go s.h.audit(ctx, "replaced")
	w.WriteHeader(http.StatusOK)
}

// cancelCtx ends when ch closes, not when its parent does (centrifugo's
// uniws.customCancelContext).
type cancelCtx struct {
	context.Context
	ch <-chan struct{}
}

func (c cancelCtx) Done() <-chan struct{} { return c.ch }

func (c cancelCtx) Err() error { return nil }

func detach(ctx context.Context, ch <-chan struct{}) context.Context {
	return cancelCtx{Context: ctx, ch: ch}
}

// A context of a type with its own Done is detached from the request's.
func (s *Server) Upgrade(w http.ResponseWriter, r *http.Request) {
	ch := make(chan struct{})
	go func() {
		defer close(ch)
		s.h.audit(detach(r.Context(), ch), "upgrade")
	}()
	w.WriteHeader(http.StatusSwitchingProtocols)
}
