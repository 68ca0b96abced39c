// Package twirprpc has the shape of a package protoc-gen-twirp generates.
package twirprpc

import (
	"context"
	"net/http"
)

type Size struct{ Inches int32 }

type Hat struct{ Inches int32 }

// Haberdasher is the service interface.
type Haberdasher interface {
	MakeHat(context.Context, *Size) (*Hat, error)
}

// TwirpServer is the generated server: an http.Handler that calls the
// service's methods with the request's context.
type TwirpServer interface {
	http.Handler
	PathPrefix() string
}

type haberdasherServer struct{ Haberdasher }

func (s *haberdasherServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	_, _ = s.Haberdasher.MakeHat(r.Context(), &Size{})
}

func (s *haberdasherServer) PathPrefix() string { return "/twirp/Haberdasher/" }

func NewHaberdasherServer(svc Haberdasher, opts ...interface{}) TwirpServer {
	return &haberdasherServer{svc}
}

// NewNotTwirpServer is a constructor of another shape: its result is not
// a TwirpServer.
func NewNotTwirpServer(svc Haberdasher) http.Handler { return nil }
