package rulestest_test

import (
	"fmt"
	"go/ast"
	"go/types"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/envvet/envvet/internal/rulestest"
)

type isF struct{}

func (*isF) AFact()         {}
func (*isF) String() string { return "isF" }

type pkgFact struct{ Name string }

func (*pkgFact) AFact()           {}
func (f *pkgFact) String() string { return "pkgFact(" + f.Name + ")" }

// funcs reports every function declaration, exports isF for those whose
// name starts with F, and a package fact.
var funcs = &analysis.Analyzer{
	Name:      "funcs",
	Doc:       "report every function",
	FactTypes: []analysis.Fact{new(isF), new(pkgFact)},
	Run: func(pass *analysis.Pass) (any, error) {
		pass.ExportPackageFact(&pkgFact{pass.Pkg.Name()})
		for _, f := range pass.Files {
			for _, d := range f.Decls {
				fn, ok := d.(*ast.FuncDecl)
				if !ok {
					continue
				}
				pass.Reportf(fn.Name.Pos(), "func %s", fn.Name.Name)
				if obj, ok := pass.TypesInfo.Defs[fn.Name].(*types.Func); ok && strings.HasPrefix(obj.Name(), "F") {
					pass.ExportObjectFact(obj, new(isF))
				}
			}
		}
		return nil, nil
	},
}

// TestCheckSameAsAnalysistest checks that Check complains of exactly what
// analysistest.Run complains of, on a package with every kind of // want
// comment, met and unmet, and returns the same diagnostics and facts.
func TestCheckSameAsAnalysistest(t *testing.T) {
	dir := analysistest.TestData()
	want := new(rulestest.Recorder)
	wantResults := analysistest.Run(want, dir, funcs, "wants")
	got := new(rulestest.Recorder)
	gotResults := rulestest.Check(got, dir, funcs, rulestest.NewLoad(dir, nil, "wants").Roots(t, "wants"))
	slices.Sort(want.Errors)
	slices.Sort(got.Errors)
	if len(want.Errors) < 8 {
		t.Fatalf("analysistest complained of %d things, want every kind:\n\t%s", len(want.Errors), strings.Join(want.Errors, "\n\t"))
	}
	t.Logf("analysistest's complaints:\n\t%s", strings.Join(want.Errors, "\n\t"))
	if !slices.Equal(got.Errors, want.Errors) {
		t.Errorf("Check complained of\n\t%s\nanalysistest of\n\t%s", strings.Join(got.Errors, "\n\t"), strings.Join(want.Errors, "\n\t"))
	}
	if g, w := summary(gotResults), summary(wantResults); g != w {
		t.Errorf("results differ:\nCheck:\n%s\nanalysistest:\n%s", g, w)
	}
}

// summary prints the diagnostics and facts of results.
func summary(results []*analysistest.Result) string {
	var b strings.Builder
	for _, r := range results {
		fmt.Fprintf(&b, "%s: %d diagnostics, err %v\n", r.Action.Package.PkgPath, len(r.Diagnostics), r.Err)
		var facts []string
		for obj, fs := range r.Facts {
			for _, f := range fs {
				name := "package"
				if obj != nil {
					name = obj.Name()
				}
				facts = append(facts, fmt.Sprintf("%s: %v", name, f))
			}
		}
		slices.Sort(facts)
		fmt.Fprintf(&b, "\t%s\n", strings.Join(facts, "\n\t"))
	}
	return b.String()
}
