package plugin_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/envvet/envvet/analyzers/ctxgo"
	"github.com/envvet/envvet/internal/rulestest"
)

// relatedLoad is testdata/related, a ctxgo scenario whose findings carry
// related information. It imports context and time only: loaded from
// source under the race detector, net/http (as in ctxgo's own related
// scenario) cost more than the rest of the test.
var relatedLoad = rulestest.NewLoad(filepath.Join(analysistest.TestData(), "related"), nil, "related")

// TestNoRelated checks that the plugins drop related information:
// golangci-lint would show each entry as an issue of its own. The
// scenario's // want comments hold with the plugin's ctxgo and with the
// suite's, on one load: the suite's must report every finding with
// related information, so that the plugin's has some to drop.
func TestNoRelated(t *testing.T) {
	t.Parallel() // in process, beside the end-to-end tests' subprocesses
	as, err := build(t, "ctxgo", nil)
	if err != nil {
		t.Fatal(err)
	}
	pkgs := relatedLoad.Roots(t, "related")
	dir := relatedLoad.Dir()
	count := func(results []*analysistest.Result, keep func(analysis.Diagnostic) bool) (n, related int) {
		for _, r := range results {
			for _, d := range r.Diagnostics {
				n++
				if len(d.Related) > 0 {
					related++
					if !keep(d) {
						t.Errorf("%v: %s: related information %v", r.Action.Package.Fset.Position(d.Pos), d.Message, d.Related)
					}
				}
			}
		}
		return n, related
	}

	// The suite's ctxgo: every finding has related information.
	n, related := count(rulestest.Check(t, dir, ctxgo.New(ctxgo.Config{}), pkgs), func(analysis.Diagnostic) bool { return true })
	if n == 0 || related != n {
		t.Errorf("ctxgo without the plugin: %d findings, %d with related information; want all of them, at least one: the scenario no longer exercises related information", n, related)
	}
	// The plugin's: the same findings (the // want comments), none with it.
	if got, _ := count(rulestest.Check(t, dir, as[0], pkgs), func(analysis.Diagnostic) bool { return false }); got != n {
		t.Errorf("the plugin's ctxgo: %d findings, the suite's %d", got, n)
	}
}
