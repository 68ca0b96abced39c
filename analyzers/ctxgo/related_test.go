package ctxgo_test

import (
	"fmt"
	"path/filepath"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
)

// testRelated checks the related information of each rule's findings:
// where the context ends and where the goroutine works with it (cutshort),
// the goroutine and its use of cancel (handover), the blocking work and the
// context in scope (unobserved).
func testRelated(t *testing.T, results []*analysistest.Result) {
	got := make(map[int][]string) // finding's line → "line:col: message"
	for _, r := range results {
		for _, d := range r.Diagnostics {
			line := r.Pass.Fset.Position(d.Pos).Line
			got[line] = []string{}
			for _, ri := range d.Related {
				p := r.Pass.Fset.Position(ri.Pos)
				if !ri.Pos.IsValid() || filepath.Base(p.Filename) != "related.go" {
					t.Errorf("line %d: related %q at %v", line, ri.Message, p)
					continue
				}
				got[line] = append(got[line], fmt.Sprintf("%d:%d: %s", p.Line, p.Column, ri.Message))
			}
		}
	}
	for line, want := range map[int][]string{
		19: {
			"18:2: the context of context.WithTimeout is cancelled here, by the deferred cancel, when Checkout returns",
			"20:11: the goroutine works with ctx here",
		},
		26: {"26:16: r.Context() is the request's context, cancelled when the handler Handler returns"},
		42: {
			"41:2: the context of context.WithCancel is cancelled here, by the deferred cancel, when StartWorker returns",
			"31:2: Worker starts the goroutine that keeps ctx here",
		},
		47: {
			"48:2: the goroutine that receives cancel starts here",
			"52:3: the goroutine uses cancel here, but some of its paths end without calling it",
		},
		75: {
			"74:2: the context of context.WithTimeout is cancelled here, by the deferred cancel, when Webhook returns",
			"68:45: handleEvent starts the goroutine that keeps ctx here",
		},
		58: {
			"57:14: ctx is in scope here, but the goroutine never observes it",
			"60:12: it blocks receiving from events on every iteration of the loop, which has no exit",
		},
	} {
		if g, ok := got[line]; !ok {
			t.Errorf("line %d: no finding", line)
		} else if !slices.Equal(g, want) {
			t.Errorf("line %d: related\n%q\nwant\n%q", line, g, want)
		}
	}
}

// testRelatedAcrossPackages checks that a keeper of another package names
// the go statement that keeps the context, in its own file, from the
// keepsCtx fact.
func testRelatedAcrossPackages(t *testing.T, results []*analysistest.Result) {
	var got []string
	for _, r := range results {
		for _, d := range r.Diagnostics {
			for _, ri := range d.Related {
				p := r.Pass.Fset.Position(ri.Pos)
				got = append(got, fmt.Sprintf("%s/%s:%d:%d: %s", filepath.Base(filepath.Dir(p.Filename)), filepath.Base(p.Filename), p.Line, p.Column, ri.Message))
			}
		}
	}
	want := "relatedlib/lib.go:14:2: h.N.Notify starts the goroutine that keeps r.Context() here"
	if !slices.Contains(got, want) {
		t.Errorf("related information %q lacks %q", got, want)
	}
}
