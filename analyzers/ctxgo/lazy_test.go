package ctxgo_test

import (
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/envvet/envvet/analyzers/ctxgo"
	"github.com/envvet/envvet/internal/lazyinspect"
)

// TestNoGoNoInspector checks that ctxgo builds no inspector for a package
// without a go statement (generickeep, whose finding is a call of another
// package's keeper, still reported), and builds one where a goroutine
// starts (b).
func TestNoGoNoInspector(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), ctxgo.New(ctxgo.Config{}), "generickeep")
	built := make(map[string]bool)
	probe := &analysis.Analyzer{
		Name:     "probe",
		Doc:      "records whether ctxgo built the package's inspector",
		Requires: []*analysis.Analyzer{ctxgo.New(ctxgo.Config{}), lazyinspect.Analyzer},
		Run: func(pass *analysis.Pass) (any, error) {
			built[pass.Pkg.Path()] = pass.ResultOf[lazyinspect.Analyzer].(*lazyinspect.Inspector).Built()
			return nil, nil
		},
	}
	// The probe reports nothing: the packages' // want comments are ctxgo's.
	analysistest.Run(ignoreErrors{t}, analysistest.TestData(), probe, "generickeep", "b")
	if built["generickeep"] {
		t.Errorf("package generickeep (no go statement): inspector built, want none")
	}
	if !built["b"] {
		t.Errorf("package b (go statements): no inspector built, want one")
	}
}

// ignoreErrors is a testing.T for analysistest whose Errorf does nothing.
type ignoreErrors struct{ *testing.T }

func (ignoreErrors) Errorf(format string, args ...any) {}
