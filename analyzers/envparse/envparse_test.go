package envparse_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/envvet/envvet/analyzers/envparse"
	"github.com/envvet/envvet/internal/rulestest"
)

func Test(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), envparse.New(envparse.Config{}), "a", "b", "envutil", "typeparams", "cgo", "lenient", "loaders", "urfave", "urfave2", "urfave3", "urfavestr", "parserarg", "parserarguse", "urfaveflags", "urfavemain")
}

// TestIllTyped runs envparse on code with type errors: it must not panic.
func TestIllTyped(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), envparse.New(envparse.Config{}), "illtyped")
}

// TestFlags runs each rule's flag set to false on a scenario of its own,
// where that rule's findings must be gone and the others' remain.
func TestFlags(t *testing.T) {
	rulestest.EachOff(t, func() *analysis.Analyzer { return envparse.New(envparse.Config{}) }, "dropped", "helper", "loader", "fallback", "inverted")
	off := false
	analysistest.Run(t, analysistest.TestData(), envparse.New(envparse.Config{Helper: &off}), "without-helper")
}

// TestRelated checks that a helper call's finding points at the helper's
// parse, in the helper's package.
func TestRelated(t *testing.T) {
	results := analysistest.Run(t, analysistest.TestData(), envparse.New(envparse.Config{}), "b")
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
				p := r.Pass.Fset.Position(d.Related[0].Pos)
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
