// Package rulestest holds what the analyzers' tests share: rules that a
// boolean flag turns off, and diagnostics positioned outside Go files.
package rulestest

import (
	"flag"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

// EachOff sets each flag of the analyzer that fresh returns to false, on
// an analyzer of its own, and runs it on the testdata package
// "without-<flag>", whose // want comments hold the other rules' findings
// only: the rule's findings must be gone and the others' remain. The
// flags must be exactly rules.
func EachOff(t *testing.T, fresh func() *analysis.Analyzer, rules ...string) {
	t.Helper()
	var tested []string
	fresh().Flags.VisitAll(func(f *flag.Flag) {
		a := fresh()
		if err := a.Flags.Set(f.Name, "false"); err != nil {
			t.Fatal(err)
		}
		analysistest.Run(t, analysistest.TestData(), a, "without-"+f.Name)
		tested = append(tested, f.Name)
	})
	slices.Sort(tested)
	want := slices.Sorted(slices.Values(rules))
	if !slices.Equal(tested, want) {
		t.Errorf("tested flags %v, want the rules %v", tested, want)
	}
}

// A Recorder is an analysistest.Testing that records errors instead of
// failing, so that diagnostics outside Go files (a manifest's lines,
// which // want comments cannot reach) can be checked by hand.
type Recorder struct{ Errors []string }

// Errorf records an error.
func (r *Recorder) Errorf(format string, args ...any) {
	r.Errors = append(r.Errors, fmt.Sprintf(format, args...))
}

// Diagnostics runs a on the testdata package pkg and returns its
// diagnostics as "path:line:col: message", sorted, with paths relative to
// testdata/src, failing the test on any error other than a mismatch with
// // want comments.
func Diagnostics(t *testing.T, a *analysis.Analyzer, pkg string) []string {
	t.Helper()
	rec := &Recorder{}
	results := analysistest.Run(rec, analysistest.TestData(), a, pkg)
	for _, e := range rec.Errors {
		if !strings.Contains(e, "unexpected diagnostic") && !strings.Contains(e, "no diagnostic was reported") {
			t.Error(e)
		}
	}
	src, _ := filepath.Abs(filepath.Join(analysistest.TestData(), "src"))
	var out []string
	for _, r := range results {
		for _, d := range r.Diagnostics {
			p := r.Pass.Fset.Position(d.Pos)
			rel, _ := filepath.Rel(src, p.Filename)
			out = append(out, fmt.Sprintf("%s:%d:%d: %s", filepath.ToSlash(rel), p.Line, p.Column, d.Message))
		}
	}
	slices.Sort(out)
	return out
}
