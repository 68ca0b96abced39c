package engine_test

import (
	"errors"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// TestPrerequisitesCause: a root's action whose prerequisite failed on a
// dependency says why, through a chain of failures; a driver shows the
// errors of roots only.
func TestPrerequisitesCause(t *testing.T) {
	dir := t.TempDir()
	writeModule(t, dir, map[string]string{
		"go.mod":   "module m\n\ngo 1.22\n",
		"lib/l.go": "package lib\n",
		"mid/m.go": "package mid\n\nimport _ \"m/lib\"\n",
		"app/a.go": "package app\n\nimport _ \"m/mid\"\n",
	})
	a := &analysis.Analyzer{
		Name: "facty", Doc: "fails on lib", FactTypes: []analysis.Fact{new(fact)},
		Run: func(pass *analysis.Pass) (any, error) {
			if pass.Pkg.Name() == "lib" {
				return nil, errors.New("lib/x.env: cannot read manifest: no such file")
			}
			return nil, nil
		},
	}
	got := runPattern(t, dir, a, "./app")
	want := "m/app facty error failed prerequisites: facty@m/mid (facty@m/lib: lib/x.env: cannot read manifest: no such file)"
	if !strings.Contains(got, want) {
		t.Errorf("got:\n%s\nwant a line containing:\n%s", got, want)
	}
}
