package driver

import (
	"bytes"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/envvet/envvet/analyzers"
)

// TestPartial runs envvet's driver and the x/tools checker on modules
// with one broken package each (a type error, an import that resolves
// nowhere, a cgo-only dependency under CGO_ENABLED=0) and compares: the
// driver prints the errors the checker prints, reports everything the
// checker reports on the packages it analyzes (bar the whole-program
// conclusions it withholds), and reports what the checker's skips lose.
func TestPartial(t *testing.T) {
	if testing.Short() {
		t.Skip("loads modules with the go command")
	}
	for _, tc := range []struct {
		module string
		cgoOff bool
		// Findings the checker misses (it skips the packages above a
		// broken one) and envvet must report.
		more []string
		// Findings both must report.
		also []string
		// Findings neither may report: reads in broken packages, and
		// unread keys the broken package may read.
		never []string
		// The stderr line on withheld conclusions, "" for none.
		withheld string
	}{
		{
			module:   "typeerror",
			more:     []string{`cmd/app/main.go:11:50: env key "APP_KEY" is not declared in .env.example`},
			never:    []string{"SCRATCH_KEY", "STALE_KEY"},
			withheld: "envkeys declared keys that nothing reads (in example.com/typeerror/cmd/app)",
		},
		{
			module:   "badimport",
			more:     []string{`cmd/app/main.go:9:51: env key "APP_MODE" is not declared in .env.example`},
			never:    []string{"STORE_DSN"},
			withheld: "envkeys declared keys that nothing reads (in example.com/badimport/cmd/app)",
		},
		{
			module: "cgoonly",
			cgoOff: true,
			more:   []string{`cmd/app/main.go:10:50: env key "APP_TOKEN" is not declared in .env.example`},
			// nocgo runs despite errors: both see the cgo dependency.
			also:     []string{`repo/repo.go:6:2: example.org/git2go/git uses cgo (import "C" in git.go), but CGO_ENABLED=0 is declared in .env.example`},
			never:    []string{"REPO_PATH"},
			withheld: "envkeys declared keys that nothing reads (in example.com/cgoonly/cmd/app)",
		},
	} {
		t.Run(tc.module, func(t *testing.T) {
			dir, err := filepath.Abs(filepath.Join("testdata", "partial", tc.module))
			if err != nil {
				t.Fatal(err)
			}
			t.Chdir(dir)
			if tc.cgoOff {
				t.Setenv("CGO_ENABLED", "0")
			}
			suite := analyzers.Suite(analyzers.Config{})

			// One load for both, the checker first: it leaves the packages
			// as they are, and the driver releases them as it goes.
			o := &Options{Tests: true}
			pkgs, err := packages.Load(loadConfig(o), "./...")
			if err != nil {
				t.Fatal(err)
			}
			want, skipped, errs := runChecker(t, suite, pkgs)

			var stderr bytes.Buffer
			findings, _, part, code := analyzeLoaded(suite, pkgs, o, &stderr)
			if code != ExitError {
				t.Errorf("exit code %d, want %d", code, ExitError)
			}
			var got []string
			for _, f := range findings {
				got = append(got, rel(dir, f.Posn.String())+": "+f.Diag.Message)
			}

			// The same errors, each once.
			var printed []string
			for _, e := range part.errors {
				printed = append(printed, e.String())
			}
			for _, e := range errs {
				if !slices.Contains(printed, e) {
					t.Errorf("the checker prints %q, envvet does not; envvet prints:\n%s", e, strings.Join(printed, "\n"))
				}
			}
			for _, e := range printed {
				if !strings.Contains(stderr.String(), e+"\n") {
					t.Errorf("stderr lacks %q:\n%s", e, stderr.String())
				}
			}
			// Everything the checker finds where it analyzes.
			for _, w := range want {
				if !slices.Contains(got, w) {
					t.Errorf("the checker reports %q, envvet does not; envvet reports:\n%s", w, strings.Join(got, "\n"))
				}
			}
			// What its skips lose.
			for _, m := range tc.more {
				if slices.Contains(want, m) {
					t.Errorf("the checker reports %q too: the fixture shows nothing", m)
				}
				if !slices.Contains(got, m) {
					t.Errorf("envvet does not report %q; it reports:\n%s", m, strings.Join(got, "\n"))
				}
			}
			for _, a := range tc.also {
				if !slices.Contains(want, a) || !slices.Contains(got, a) {
					t.Errorf("%q: want it from both the checker and envvet", a)
				}
			}
			if len(skipped) == 0 {
				t.Errorf("the checker skips no package: the fixture shows nothing")
			}
			for _, f := range got {
				for _, n := range tc.never {
					if strings.Contains(f, n) {
						t.Errorf("envvet reports %q", f)
					}
				}
			}
			if !strings.Contains(stderr.String(), tc.withheld) {
				t.Errorf("stderr does not say %q:\n%s", tc.withheld, stderr.String())
			}
		})
	}
}

// runChecker analyzes pkgs, loaded as the x/tools checker loads ./...
// (LoadAllSyntax, tests included, as the driver does), with
// checker.Analyze. It returns the root findings of the actions that
// succeeded, the packages skipped for errors, and the load errors as
// packages.PrintErrors prints them, with absolute paths.
func runChecker(t *testing.T, suite []*analysis.Analyzer, pkgs []*packages.Package) (findings, skipped, errs []string) {
	t.Helper()
	wd, _ := filepath.Abs(".")
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			pos := e.Pos
			if pos == "" || pos == "-" {
				errs = append(errs, p.PkgPath+": "+e.Msg)
				continue
			}
			if !filepath.IsAbs(pos) {
				pos = filepath.Join(wd, pos)
			}
			errs = append(errs, pos+": "+e.Msg)
		}
	})
	g, err := checker.Analyze(suite, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, act := range g.Roots {
		if act.Err != nil {
			if strings.Contains(act.Err.Error(), errSkipped) {
				skipped = append(skipped, act.Package.ID)
			}
			continue
		}
		for _, d := range act.Diagnostics {
			findings = append(findings, rel(wd, act.Package.Fset.Position(d.Pos).String())+": "+d.Message)
		}
	}
	return findings, skipped, errs
}

func rel(dir, posn string) string {
	if r, ok := strings.CutPrefix(posn, dir+string(filepath.Separator)); ok {
		return r
	}
	return posn
}
