package engine_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/envvet/envvet/analyzers"
	"github.com/envvet/envvet/internal/engine"
)

// TestGraphTakenBack: runs over changing sets of roots, which take back
// the last run's nodes, find what a new engine finds on the same roots.
func TestGraphTakenBack(t *testing.T) {
	suite := analyzers.Suite(analyzers.Config{})
	e, err := engine.New(suite)
	if err != nil {
		t.Fatal(err)
	}
	sets := [][]string{
		{"example.com/shop/cmd/shop"},
		{"example.com/shop/internal/server"},
		{"example.com/shop/cmd/shop", "example.com/shop/internal/server"},
		{"example.com/shop/cmd/shop"},
	}
	for i, set := range sets {
		roots := loadExample(t, set...)
		for _, reuse := range []bool{true, false} {
			got, err := e.Run(context.Background(), roots, engine.Options{Reuse: reuse})
			if err != nil {
				t.Fatal(err)
			}
			fresh, err := engine.New(suite)
			if err != nil {
				t.Fatal(err)
			}
			want, err := fresh.Run(context.Background(), roots, engine.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if a, b := fromEngine(got), fromEngine(want); !slices.Equal(a, b) || len(b) == 0 {
				t.Errorf("run %d (reuse %v) %v:\n%s\nwant (a new engine's):\n%s", i, reuse, set, strings.Join(a, "\n"), strings.Join(b, "\n"))
			}
		}
	}
}

// TestFactsForgottenWithTheirNodes: a run forgets the facts of the
// packages its graph no longer has, and keeps those of the packages it
// takes back.
func TestFactsForgottenWithTheirNodes(t *testing.T) {
	e, err := engine.New(analyzers.Suite(analyzers.Config{}))
	if err != nil {
		t.Fatal(err)
	}
	shop := loadExample(t, "example.com/shop/cmd/shop")
	if _, err := e.Run(context.Background(), shop, engine.Options{Reuse: true}); err != nil {
		t.Fatal(err)
	}
	server := loadExample(t, "example.com/shop/internal/server")
	if _, _, _, ok := e.Facts(server[0].Types); !ok {
		t.Fatal("no facts of internal/server after a run on cmd/shop, which imports it")
	}
	if _, err := e.Run(context.Background(), server, engine.Options{Reuse: true}); err != nil {
		t.Fatal(err)
	}
	if _, _, _, ok := e.Facts(shop[0].Types); ok {
		t.Error("the facts of cmd/shop are kept after a run whose graph does not have it")
	}
	if _, _, _, ok := e.Facts(server[0].Types); !ok {
		t.Error("the facts of internal/server are gone after a run on it")
	}
}
