package plugin_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
)

// TestNoRelated checks that the plugins drop related information:
// golangci-lint would show each entry as an issue of its own.
func TestNoRelated(t *testing.T) {
	t.Parallel() // in process, beside the end-to-end tests' subprocesses
	as, err := build(t, "ctxgo", nil)
	if err != nil {
		t.Fatal(err)
	}
	dir, err := filepath.Abs(filepath.Join("..", "analyzers", "ctxgo", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	// The scenario's // want comments hold; only Related must be gone.
	results := analysistest.Run(t, dir, as[0], "related")
	n := 0
	for _, r := range results {
		for _, d := range r.Diagnostics {
			n++
			if len(d.Related) > 0 {
				t.Errorf("%v: %s: related information %v", r.Pass.Fset.Position(d.Pos), d.Message, d.Related)
			}
		}
	}
	if n == 0 {
		t.Error("no diagnostics: the scenario no longer exercises related information")
	}
}
