package ctxgo_test

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/envvet/envvet/analyzers/ctxgo"
	"github.com/envvet/envvet/internal/rulestest"
)

// Test checks every scenario that runs with the default settings in one
// load: analysistest type-checks the standard library the scenarios import
// (net/http, database/sql) from source on each Run, which costs more than
// the scenarios themselves. RunWithSuggestedFixes checks the // want
// comments of every package as Run does, and the golden file of each file
// with fixes: those of noGolden offer fixes that no golden file records
// (only their diagnostics are checked), those of withGolden must have one.
// The subtests check the related information of two scenarios.
func Test(t *testing.T) {
	noGolden := []string{"a", "unobserved", "handover", "typeparams", "mainpkg", "cgo", "illtyped", "related", "relatedx", "generickeep", "dialfield"}
	withGolden := []string{"fix", "b", "cutshort", "frameworks", "twirpsvc", "abandoned"}
	results := analysistest.RunWithSuggestedFixes(goldenOptional{t, noGolden}, analysistest.TestData(), ctxgo.New(ctxgo.Config{}),
		slices.Concat(noGolden, withGolden)...)
	t.Run("Related", func(t *testing.T) { testRelated(t, of(results, "related")) })
	t.Run("RelatedAcrossPackages", func(t *testing.T) { testRelatedAcrossPackages(t, of(results, "relatedx")) })
}

// goldenOptional passes on every error but a missing golden file of one
// of pkgs (directories of testdata/src), whose fixes are not checked.
type goldenOptional struct {
	*testing.T
	pkgs []string
}

func (g goldenOptional) Errorf(format string, args ...any) {
	g.Helper()
	msg := fmt.Sprintf(format, args...)
	if rest, ok := strings.CutPrefix(msg, "error reading "); ok {
		golden, _, _ := strings.Cut(rest, ": ")
		for _, pkg := range g.pkgs {
			if filepath.Dir(golden) != filepath.Join(analysistest.TestData(), "src", pkg) || !strings.HasSuffix(golden, ".go.golden") {
				continue
			}
			if _, err := os.Stat(golden); errors.Is(err, fs.ErrNotExist) {
				return
			}
		}
	}
	g.T.Errorf("%s", msg)
}

// of returns the results of the package with the given path.
func of(results []*analysistest.Result, path string) []*analysistest.Result {
	var out []*analysistest.Result
	for _, r := range results {
		if r.Pass != nil && r.Pass.Pkg.Path() == path {
			out = append(out, r)
		}
	}
	return out
}

// TestOldGo checks that no fix is offered where the module's Go version
// predates context.WithoutCancel (go1.21).
func TestOldGo(t *testing.T) {
	dir := filepath.Join(analysistest.TestData(), "oldmod")
	analysistest.RunWithSuggestedFixes(t, dir, ctxgo.New(ctxgo.Config{}), "./...")
}

// TestFlags runs each rule's flag set to false on a scenario of its own,
// where that rule's finding must be gone and the others' remain.
func TestFlags(t *testing.T) {
	results := rulestest.EachOff(t, func() *analysis.Analyzer { return ctxgo.New(ctxgo.Config{}) }, "cutshort", "unobserved", "handover")
	// The same through Config, as golangci-lint settings arrive: exactly
	// the findings of the flag, which the // want comments checked, on
	// the packages that run loaded.
	off := false
	rulestest.Rerun(t, ctxgo.New(ctxgo.Config{CutShort: &off}), results["cutshort"])
}
