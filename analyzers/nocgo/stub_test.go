package nocgo_test

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/envvet/envvet/analyzers/nocgo"
)

// TestStub checks the stub rule (category "stub") in testdata/stub with
// cgo on, where the cgo-only files are compiled and their // want
// comments read, and with cgo off, where they are ignored files: the same
// diagnostics must come out, as the only "unexpected" ones. No package
// there imports "C", so no C compiler is needed.
func TestStub(t *testing.T) {
	on := stubDiagnostics(run(t, t, cgoOn, nocgo.New(nocgo.Config{}), "stub"))
	if len(on) == 0 {
		t.Fatal("cgo on: no diagnostics")
	}

	rec := new(stubRecorder)
	off := stubDiagnostics(run(t, rec, cgoOff, nocgo.New(nocgo.Config{}), "stub"))
	if !slices.Equal(on, off) {
		t.Errorf("diagnostics differ:\ncgo on:\n\t%s\ncgo off:\n\t%s", strings.Join(on, "\n\t"), strings.Join(off, "\n\t"))
	}
	if len(rec.errors) != len(off) {
		t.Errorf("cgo off: want %d complaints (the diagnostics in ignored files), got:\n\t%s", len(off), strings.Join(rec.errors, "\n\t"))
	}
	for _, msg := range rec.errors {
		if !strings.Contains(msg, "unexpected diagnostic: ") || !strings.Contains(msg, "is built only with cgo") {
			t.Errorf("cgo off: %s", msg)
		}
	}
}

// stubDiagnostics returns the diagnostics of results as sorted
// "file:line: [category] message" lines, file by base name.
func stubDiagnostics(results []*analysistest.Result) []string {
	var out []string
	for _, r := range results {
		for _, d := range r.Diagnostics {
			posn := r.Action.Package.Fset.Position(d.Pos)
			out = append(out, fmt.Sprintf("%s:%d: [%s] %s", filepath.Base(posn.Filename), posn.Line, d.Category, d.Message))
		}
	}
	slices.Sort(out)
	return out
}

// stubRecorder is an analysistest.Testing that keeps the errors.
type stubRecorder struct{ errors []string }

func (r *stubRecorder) Errorf(format string, args ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}
