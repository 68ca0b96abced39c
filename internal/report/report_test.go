package report_test

import (
	"go/ast"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/envvet/envvet/internal/report"
)

// loud is a check that reports every call of a function named bad, and
// reports them out of order, so the test also sees Wrap's sorting.
var loud = &analysis.Analyzer{
	Name:     "loud",
	Doc:      "report calls of bad",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run: report.Wrap("loud", func(pass *analysis.Pass) (any, error) {
		in := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
		var calls []*ast.CallExpr
		for n := range in.PreorderSeq((*ast.CallExpr)(nil)) {
			call := n.(*ast.CallExpr)
			if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "bad" {
				calls = append(calls, call)
			}
		}
		for i := len(calls) - 1; i >= 0; i-- {
			pass.ReportRangef(calls[i], "call of bad")
		}
		return nil, nil
	}),
}

var directives = &analysis.Analyzer{
	Name: "directives",
	Doc:  "report malformed envvet directives",
	Run:  report.Directives([]string{"loud", "quiet"}),
}

func TestWrap(t *testing.T) {
	results := analysistest.Run(t, analysistest.TestData(), loud, "a")
	// Wrap emits diagnostics in position order.
	for _, r := range results {
		for i := 1; i < len(r.Diagnostics); i++ {
			if r.Diagnostics[i-1].Pos > r.Diagnostics[i].Pos {
				t.Errorf("diagnostics out of order at %d", i)
			}
		}
	}
}

func TestFileIgnore(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), loud, "b")
}

func TestDirectives(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), directives, "c")
}

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		text   string
		checks string
		reason string
		whole  bool
		err    string
		ok     bool
	}{
		{"envvet:ignore envkeys set by the platform", "envkeys", "set by the platform", false, "", true},
		{"envvet:ignore envkeys,ctxgo two checks", "envkeys,ctxgo", "two checks", false, "", true},
		{"envvet:file-ignore nocgo generated", "nocgo", "generated", true, "", true},
		{"envvet:ignore envkeys", "envkeys", "", false, "a reason is required", true},
		{"envvet:ignore", "", "", false, "name the checks", true},
		{"envvet:ignored envkeys x", "", "", false, "", false},
		{"nolint:envkeys", "", "", false, "", false},
		{"envvet:ignore envkeys // just a note", "envkeys", "", false, "a reason is required", true},
		{"envvet:ignore envkeys why // note", "envkeys", "why", false, "", true},
	} {
		checks, reason, whole, err, ok := report.Parse(tc.text)
		if strings.Join(checks, ",") != tc.checks || reason != tc.reason || whole != tc.whole || ok != tc.ok ||
			(tc.err == "") != (err == "") || !strings.Contains(err, tc.err) {
			t.Errorf("Parse(%q) = %q, %q, %v, %q, %v", tc.text, checks, reason, whole, err, ok)
		}
	}
}

// TestKeepSuppressed checks that a driver asking for suppressed findings
// gets them marked, with the directive's reason.
func TestKeepSuppressed(t *testing.T) {
	keep := *loud
	keep.Run = report.Wrap("loud", func(pass *analysis.Pass) (any, error) {
		in := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
		for n := range in.PreorderSeq((*ast.CallExpr)(nil)) {
			if id, ok := n.(*ast.CallExpr).Fun.(*ast.Ident); ok && id.Name == "bad" {
				pass.ReportRangef(n, "call of bad")
			}
		}
		return nil, nil
	}, report.Options{KeepSuppressed: true})
	rec := &recorder{}
	results := analysistest.Run(rec, analysistest.TestData(), &keep, "b")
	var got []string
	for _, r := range results {
		for _, d := range r.Diagnostics {
			if !strings.HasPrefix(d.Category, report.SuppressedPrefix) || len(d.Related) == 0 {
				t.Errorf("diagnostic %q: category %q, %d related; want it marked suppressed", d.Message, d.Category, len(d.Related))
				continue
			}
			got = append(got, d.Related[0].Message)
		}
	}
	if len(got) != 2 || got[0] != "generated from the schema" {
		t.Errorf("suppressed reasons = %q, want two of %q", got, "generated from the schema")
	}
}

type recorder struct{}

func (r *recorder) Errorf(format string, args ...any) {}
