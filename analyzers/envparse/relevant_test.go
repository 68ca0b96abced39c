package envparse_test

import (
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/packages"

	"github.com/envvet/envvet/analyzers/envparse"
	"github.com/envvet/envvet/internal/lazyinspect"
	"github.com/envvet/envvet/internal/rulestest"
)

// TestRelevant checks envparse's pre-filter (testdata/src/relevant): a
// package that imports os but refers to no parse, env read or helper with
// a fact (p) gets no inspector; one that parses an env value (q) and one
// that calls an imported helper known only by its fact (r) do, and r's
// call is still reported.
func TestRelevant(t *testing.T) {
	reported := make(map[string]int)
	a := envparse.New(envparse.Config{})
	built := inspectorsBuilt(t, a, roots(t, "relevant/p", "relevant/q", "relevant/r"))
	// envparse's own diagnostics on r, through a run of envparse itself.
	for _, res := range rulestest.Check(&quiet{T: t}, src.Dir(), a, roots(t, "relevant/r")) {
		reported[res.Action.Package.PkgPath] += len(res.Diagnostics)
	}
	want := map[string]bool{"relevant/p": false, "relevant/q": true, "relevant/r": true}
	for path, w := range want {
		if built[path] != w {
			t.Errorf("package %s: inspector built = %v, want %v", path, built[path], w)
		}
	}
	if reported["relevant/r"] != 1 {
		t.Errorf("package relevant/r: %d envparse diagnostics, want 1 (h.Int ignores a parse error)", reported["relevant/r"])
	}
}

// roots returns the packages of src that paths name, failing t when one
// names none.
func roots(t *testing.T, paths ...string) []*packages.Package {
	t.Helper()
	pkgs, err := src.Packages(paths...)
	if err != nil {
		t.Fatal(err)
	}
	return pkgs
}

// inspectorsBuilt runs a probe after analyzer a on pkgs (packages of
// src) and returns, by package path, whether a built the package's
// inspector (lazyinspect.Inspector.Built). The probe reports no
// diagnostic and no fact: at sees what rulestest.Check finds wrong with
// that (an unmet want of a's when at is the test's own T).
func inspectorsBuilt(at analysistest.Testing, a *analysis.Analyzer, pkgs []*packages.Package) map[string]bool {
	var mu sync.Mutex // the checker analyzes packages in parallel
	built := make(map[string]bool)
	probe := &analysis.Analyzer{
		Name:     "probe",
		Doc:      "records whether envparse built the package's inspector",
		Requires: []*analysis.Analyzer{a, lazyinspect.Analyzer},
		Run: func(pass *analysis.Pass) (any, error) {
			mu.Lock()
			defer mu.Unlock()
			built[pass.Pkg.Path()] = pass.ResultOf[lazyinspect.Analyzer].(*lazyinspect.Inspector).Built()
			return nil, nil
		},
	}
	rulestest.Check(at, src.Dir(), probe, pkgs)
	return built
}

// quiet is a testing.T for analysistest that ignores unexpected
// diagnostics (r has no want comments; the test counts them itself).
type quiet struct{ *testing.T }

func (q *quiet) Errorf(format string, args ...any) {}
