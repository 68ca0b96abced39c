package engine_test

import (
	"context"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/envvet/envvet/internal/engine"
)

// valueFact is a fact whose method set makes a value of it a Fact: an
// analyzer that passes one instead of a pointer has a bug.
type valueFact struct{ N int }

func (valueFact) AFact() {}

// TestValueFact: an analyzer that imports or exports a fact that is not
// a pointer fails its action with an error naming the fact's type, as
// the checker would exit naming it; the other packages' actions are not
// affected.
func TestValueFact(t *testing.T) {
	dir := t.TempDir()
	writeModule(t, dir, map[string]string{
		"go.mod": "module m\n\ngo 1.22\n",
		"p/p.go": "package p\n\nfunc F() {}\n",
		"q/q.go": "package q\n",
	})
	a := &analysis.Analyzer{
		Name: "valuefact", Doc: "exports a value fact on package p's F", FactTypes: []analysis.Fact{new(fact)},
		Run: func(pass *analysis.Pass) (any, error) {
			if obj := pass.Pkg.Scope().Lookup("F"); obj != nil {
				pass.ExportObjectFact(obj, valueFact{N: 1})
			}
			pass.Reportf(pass.Files[0].Package, "ran")
			return nil, nil
		},
	}
	got := runModule(t, dir, a)
	if !strings.Contains(got, "m/p valuefact error") || !strings.Contains(got, "invalid fact type: got engine_test.valueFact, want a pointer") ||
		!strings.Contains(got, "m/q valuefact ") || strings.Count(got, "ran") != 1 {
		t.Errorf("got:\n%s", got)
	}
}

// runModule runs the engine with analyzer a on every package of the
// module in dir and returns its root actions, one per line (fromEngine).
func runModule(t *testing.T, dir string, a *analysis.Analyzer) string {
	t.Helper()
	return runPattern(t, dir, a, "./...")
}

// runPattern is runModule with the packages of pattern as the roots.
func runPattern(t *testing.T, dir string, a *analysis.Analyzer, pattern string) string {
	t.Helper()
	e, err := engine.New([]*analysis.Analyzer{a})
	if err != nil {
		t.Fatal(err)
	}
	r, err := e.Run(context.Background(), load(t, dir, pattern), engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(fromEngine(r), "\n")
}
