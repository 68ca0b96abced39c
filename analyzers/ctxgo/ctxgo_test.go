package ctxgo_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/envvet/envvet/analyzers/ctxgo"
	"github.com/envvet/envvet/internal/rulestest"
)

func Test(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), ctxgo.New(ctxgo.Config{}), "a", "b", "cutshort", "frameworks", "twirpsvc", "unobserved", "abandoned", "handover", "typeparams", "mainpkg", "cgo")
}

func TestFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), ctxgo.New(ctxgo.Config{}), "fix", "b", "cutshort", "frameworks", "twirpsvc", "abandoned")
}

// TestOldGo checks that no fix is offered where the module's Go version
// predates context.WithoutCancel (go1.21).
func TestOldGo(t *testing.T) {
	dir := filepath.Join(analysistest.TestData(), "oldmod")
	analysistest.RunWithSuggestedFixes(t, dir, ctxgo.New(ctxgo.Config{}), "./...")
}

// TestIllTyped runs ctxgo on code with type errors: it must not panic.
func TestIllTyped(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), ctxgo.New(ctxgo.Config{}), "illtyped")
}

// TestFlags runs each rule's flag set to false on a scenario of its own,
// where that rule's finding must be gone and the others' remain.
func TestFlags(t *testing.T) {
	rulestest.EachOff(t, func() *analysis.Analyzer { return ctxgo.New(ctxgo.Config{}) }, "cutshort", "unobserved", "handover")
	// The same through Config, as golangci-lint settings arrive.
	off := false
	analysistest.Run(t, analysistest.TestData(), ctxgo.New(ctxgo.Config{CutShort: &off}), "without-cutshort")
}
