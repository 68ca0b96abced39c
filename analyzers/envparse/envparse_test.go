package envparse_test

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/envvet/envvet/analyzers/envparse"
	"github.com/envvet/envvet/internal/rulestest"
)

// scenarios are the packages that envparse's default settings run on.
var scenarios = []string{"a", "b", "envutil", "typeparams", "cgo", "lenient", "loaders", "urfave", "urfave2", "urfave3", "urfaveoldpaths", "urfavestr", "parserarg", "parserarguse", "urfaveflags", "urfavemain", "checked", "kongexpr", "kongnoparse", "passes"}

// src is one load of the testdata/src packages of every test here but
// TestFixes (whose golden files analysistest checks): the scenarios,
// illtyped, TestFlags' without-<flag> packages and the packages of
// TestParseOnly and TestRelevant. Loading the packages, and the standard
// library they import, from source under the race detector costs more
// than the analyses, so they all run on this one load.
var src = rulestest.NewLoad(analysistest.TestData(), nil, slices.Concat(
	[]string{"illtyped"}, scenarios,
	[]string{"without-dropped", "without-helper", "without-loader", "without-fallback", "without-inverted"},
	[]string{"parseonly/...", "relevant/..."})...)

// defaults is the run of envparse with the default settings over the
// scenarios and illtyped.
var defaults = rulestest.NewSharedLoad(src, envparse.New(envparse.Config{}), append([]string{"illtyped"}, scenarios...)...)

func Test(t *testing.T) {
	defaults.Check(t, scenarios...)
}

// TestIllTyped runs envparse on code with type errors: it must not panic.
func TestIllTyped(t *testing.T) {
	defaults.Check(t, "illtyped")
}

// TestFlags runs each rule's flag set to false on a scenario of its own,
// where that rule's findings must be gone and the others' remain.
func TestFlags(t *testing.T) {
	results := rulestest.EachOffIn(t, src, func() *analysis.Analyzer { return envparse.New(envparse.Config{}) }, "dropped", "helper", "loader", "fallback", "inverted")
	// The same through Config, as golangci-lint settings arrive: exactly
	// the findings of the flag, which the // want comments checked, on
	// the packages that run loaded.
	off := false
	rulestest.Rerun(t, envparse.New(envparse.Config{Helper: &off}), results["helper"])
}

// TestRelated checks that a helper call's finding points at the helper's
// parse, in the helper's package.
func TestRelated(t *testing.T) {
	results := defaults.Check(t, "b")
	want := map[string]string{
		`env key "PORT" is parsed by envutil.Int`:        "envutil.go:24:12: envutil.Int returns a fallback when strconv.Atoi fails here",
		`env key "WORKERS" is parsed by envutil.Workers`: "envutil.go:24:12: envutil.Int returns a fallback when strconv.Atoi fails here",
		`env key "APP_DEBUG" is parsed by envutil.Bool`:  "envutil.go:44:10: envutil.Bool returns a fallback when strconv.ParseBool fails here",
		`env key "KNOB_A" is parsed by b.knob`:           "envutil.go:24:12: envutil.Int returns a fallback when strconv.Atoi fails here",
	}
	seen := 0
	for _, r := range results {
		for _, d := range r.Diagnostics {
			for prefix, rel := range want {
				if !strings.HasPrefix(d.Message, prefix) {
					continue
				}
				seen++
				if len(d.Related) != 1 {
					t.Errorf("%s: related %v, want one entry", d.Message, d.Related)
					continue
				}
				p := r.Action.Package.Fset.Position(d.Related[0].Pos)
				if got := fmt.Sprintf("%s:%d:%d: %s", filepath.Base(p.Filename), p.Line, p.Column, d.Related[0].Message); got != rel {
					t.Errorf("%s: related %q, want %q", d.Message, got, rel)
				}
			}
		}
	}
	if seen != len(want) {
		t.Errorf("saw %d of the %d findings", seen, len(want))
	}
}

// TestFixes applies the suggested fixes of rule dropped and compares the
// result with the golden files.
func TestFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), envparse.New(envparse.Config{}), "fixes/...")
}

// TestListedManifestInDependency runs envparse with a listed manifest
// (envkeys' manifest setting) on a module whose dependency, another
// module, has an envparse finding. The listed path is the program's, not
// the dependency's: envparse must not look it up there (it failed that
// package's analysis, and envparse's facts with it, so envparse reported
// nothing in the program). FEATURE_RATIO's on-bad-value: default shows
// that the program's own package still reads the listed manifest.
func TestListedManifestInDependency(t *testing.T) {
	a := envparse.New(envparse.Config{Manifests: func() []string { return []string{"deploy/envvet.yaml"} }})
	analysistest.Run(t, filepath.Join(analysistest.TestData(), "listeddep"), a, "example.com/app")
}

// TestListedManifestInWorkspace is TestListedManifestInDependency's shape
// with the other module in the app's workspace (go.work): a workspace
// module is no versioned dependency, and the listed path, resolved
// against its root, names no file there. Its packages are analyzed for
// envparse's facts when the app is; a missing listed manifest leaves
// them with no lenient key instead of failing them.
func TestListedManifestInWorkspace(t *testing.T) {
	a := envparse.New(envparse.Config{Manifests: func() []string { return []string{"deploy/envvet.yaml"} }})
	analysistest.Run(t, filepath.Join(analysistest.TestData(), "listedws"), a, "example.com/app")
}
