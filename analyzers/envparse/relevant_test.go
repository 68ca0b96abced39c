package envparse_test

import (
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/envvet/envvet/analyzers/envparse"
	"github.com/envvet/envvet/internal/lazyinspect"
)

// TestRelevant checks envparse's pre-filter: a package that imports os
// but refers to no parse, env read or helper with a fact (p) gets no
// inspector; one that parses an env value (q) and one that calls an
// imported helper known only by its fact (r) do, and r's call is still
// reported.
func TestRelevant(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"p/p.go": `package p

import (
	"os"
	"strconv"
)

func Exit(n int) string { os.Exit(n); return strconv.Itoa(n) }
`,
		"q/q.go": `package q

import (
	"os"
	"strconv"
)

func Port() int { n, _ := strconv.Atoi(os.Getenv("PORT")); return n }
`,
		"h/h.go": `package h

import (
	"os"
	"strconv"
)

func Int(key string, def int) int {
	v, err := strconv.Atoi(os.Getenv(key))
	if err != nil {
		return def
	}
	return v
}
`,
		"r/r.go": `package r

import (
	"os"

	"h"
)

func Port() int { return h.Int("PORT", 8080) }

func Exit() { os.Exit(1) }
`,
	}
	writeTree(t, dir, files)
	reported := make(map[string]int)
	a := envparse.New(envparse.Config{})
	built := inspectorsBuilt(t, dir, a, "p", "q", "r")
	// envparse's own diagnostics on r, through a run of envparse itself.
	for _, res := range analysistest.Run(&quiet{T: t}, dir, a, "r") {
		reported[res.Pass.Pkg.Path()] += len(res.Diagnostics)
	}
	want := map[string]bool{"p": false, "q": true, "r": true}
	for path, w := range want {
		if built[path] != w {
			t.Errorf("package %s: inspector built = %v, want %v", path, built[path], w)
		}
	}
	if reported["r"] != 1 {
		t.Errorf("package r: %d envparse diagnostics, want 1 (h.Int ignores a parse error)", reported["r"])
	}
}

// writeTree writes files (slash paths under src/, contents) into dir, a
// GOPATH-style tree for analysistest.
func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, src := range files {
		path := filepath.Join(dir, "src", name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// inspectorsBuilt runs a probe after analyzer a on pkgs of dir and
// returns, by package path, whether a built the package's inspector
// (lazyinspect.Inspector.Built). The probe reports no diagnostic and no
// fact: at sees what analysistest finds wrong with that (a load error, or
// an unmet want of a's when at is the test's own T).
func inspectorsBuilt(at analysistest.Testing, dir string, a *analysis.Analyzer, pkgs ...string) map[string]bool {
	built := make(map[string]bool)
	probe := &analysis.Analyzer{
		Name:     "probe",
		Doc:      "records whether envparse built the package's inspector",
		Requires: []*analysis.Analyzer{a, lazyinspect.Analyzer},
		Run: func(pass *analysis.Pass) (any, error) {
			built[pass.Pkg.Path()] = pass.ResultOf[lazyinspect.Analyzer].(*lazyinspect.Inspector).Built()
			return nil, nil
		},
	}
	analysistest.Run(at, dir, probe, pkgs...)
	return built
}

// quiet is a testing.T for analysistest that ignores unexpected
// diagnostics (r has no want comments; the test counts them itself).
type quiet struct{ *testing.T }

func (q *quiet) Errorf(format string, args ...any) {}
