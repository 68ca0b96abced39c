package engine

import (
	"slices"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis"
)

// TestLongestChainFirst: of the actions a finished one makes ready, the
// package's goroutine takes the one heading the longest chain by the
// actions' expected costs, and without costs the longest chain of actions.
func TestLongestChainFirst(t *testing.T) {
	noop := func(*analysis.Pass) (any, error) { return nil, nil }
	root := &analysis.Analyzer{Name: "root", Doc: "root", Run: noop}
	slow := &analysis.Analyzer{Name: "slow", Doc: "slow", Run: noop, Requires: []*analysis.Analyzer{root}}
	first := &analysis.Analyzer{Name: "first", Doc: "first", Run: noop, Requires: []*analysis.Analyzer{root}}
	second := &analysis.Analyzer{Name: "second", Doc: "second", Run: noop, Requires: []*analysis.Analyzer{first}}
	order := []*analysis.Analyzer{root, slow, first, second}
	for _, tc := range []struct {
		name  string
		costs map[*analysis.Analyzer]time.Duration
		want  []string
	}{
		{"no costs known", nil, []string{"root", "first", "slow", "second"}},
		{"slow costs more than the chain", map[*analysis.Analyzer]time.Duration{slow: 5 * time.Millisecond, first: time.Millisecond, second: time.Millisecond}, []string{"root", "slow", "first", "second"}},
		{"the chain costs more", map[*analysis.Analyzer]time.Duration{slow: 2 * time.Millisecond, first: time.Millisecond, second: 3 * time.Millisecond}, []string{"root", "first", "second", "slow"}},
	} {
		e := &Engine{}
		for a, d := range tc.costs {
			e.observe(a, d)
		}
		acts := make(map[*analysis.Analyzer]*Action)
		for _, a := range order {
			acts[a] = &Action{Analyzer: a}
		}
		s := newSchedule(order, acts, make(chan struct{}), e.expected) // no free slot: one goroutine
		var got []string
		s.runAll(func(i int) { got = append(got, s.acts[i].Analyzer.Name) })
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: ran %v, want %v", tc.name, got, tc.want)
		}
	}
}
