// Package twirpsvc implements a Twirp service: the context of its methods
// ends when the generated server's ServeHTTP returns.
package twirpsvc

import (
	"context"

	"twirprpc"
)

type Store interface {
	Save(ctx context.Context, what string) error
}

var store Store

func audit(ctx context.Context, what string) { store.Save(ctx, what) }

type Server struct{}

func (s *Server) MakeHat(ctx context.Context, size *twirprpc.Size) (*twirprpc.Hat, error) {
	go audit(ctx, "hat") // want `ctx is cancelled when MakeHat returns, but the goroutine started here keeps using it`
	return &twirprpc.Hat{Inches: size.Inches}, nil
}

var _ twirprpc.Haberdasher = (*Server)(nil)

// ---- negative twins ----

// A method the service interface does not have: its ctx is the caller's.
func (s *Server) Helper(ctx context.Context) {
	go audit(ctx, "helper")
}

// The service method detaches its fire-and-forget work.
type Detached struct{}

func (d Detached) MakeHat(ctx context.Context, size *twirprpc.Size) (*twirprpc.Hat, error) {
	go audit(context.WithoutCancel(ctx), "hat")
	return &twirprpc.Hat{Inches: size.Inches}, nil
}

// A type with a MakeHat method that does not implement the interface.
type Lookalike struct{}

func (Lookalike) MakeHat(ctx context.Context, inches int) {
	go audit(ctx, "hat")
}
