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
//
// The three modules are one workspace (testdata/partial/go.work), loaded
// with CGO_ENABLED=0, for the checker as packages.Load loads them in
// LoadAllSyntax mode, and by envvet's Analyze, which streams its own load
// (loadMetadata); each module's program is its own, with its own
// manifest, and each subtest compares what falls in its module.
func TestPartial(t *testing.T) {
	if testing.Short() {
		t.Skip("loads modules with the go command")
	}
	root, err := filepath.Abs(filepath.Join("testdata", "partial"))
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(root)
	t.Setenv("CGO_ENABLED", "0") // for cgoonly; the others build the same either way
	suite := analyzers.Suite(analyzers.Config{})
	o := &Options{Tests: true}
	patterns := []string{"example.com/typeerror/...", "example.com/badimport/...", "example.com/cgoonly/..."}
	full := &packages.Config{Mode: packages.LoadAllSyntax | packages.NeedModule, Tests: o.Tests}
	pkgs, err := packages.Load(full, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	allWant, allSkipped, allErrs := runChecker(t, suite, pkgs)
	// envvet's own load, streamed (loadMetadata): its errors must be the
	// checker's load's.
	var stderr bytes.Buffer
	findings, _, part, code := Analyze(suite, patterns, o, &stderr)
	if code != ExitError {
		t.Errorf("exit code %d, want %d", code, ExitError)
	}
	// The programs whose unread keys envvet withholds, as its stderr
	// lists them: "envkeys declared keys that nothing reads (in a, b)".
	var withheldUnread []string
	const unread = "envkeys declared keys that nothing reads (in "
	if _, list, ok := strings.Cut(stderr.String(), unread); ok {
		list, _, _ = strings.Cut(list, ")")
		withheldUnread = strings.Split(list, ", ")
	}
	var allGot []string
	for _, f := range findings {
		allGot = append(allGot, rel(root, f.Posn.String())+": "+f.Diag.Message)
	}
	// The same errors, each once.
	var allPrinted []string
	for _, e := range part.errors {
		allPrinted = append(allPrinted, e.String())
	}
	for _, e := range allErrs {
		if !slices.Contains(allPrinted, e) {
			t.Errorf("the checker prints %q, envvet does not; envvet prints:\n%s", e, strings.Join(allPrinted, "\n"))
		}
	}
	for _, e := range allPrinted {
		if !slices.Contains(allErrs, e) {
			t.Errorf("envvet prints %q, the checker does not; the checker prints:\n%s", e, strings.Join(allErrs, "\n"))
		}
		if !strings.Contains(stderr.String(), e+"\n") {
			t.Errorf("stderr lacks %q:\n%s", e, stderr.String())
		}
	}

	// Everything the checker finds where it analyzes.
	for _, w := range allWant {
		if !slices.Contains(allGot, w) {
			t.Errorf("the checker reports %q, envvet does not; envvet reports:\n%s", w, strings.Join(allGot, "\n"))
		}
	}

	for _, tc := range []struct {
		module string
		// Findings the checker misses (it skips the packages above a
		// broken one) and envvet must report.
		more []string
		// Findings both must report.
		also []string
		// Findings neither may report: reads in broken packages, and
		// unread keys the broken package may read.
		never []string
		// The program whose unread keys envvet withholds (the stderr
		// line on withheld conclusions lists it).
		withheld string
	}{
		{
			module:   "typeerror",
			more:     []string{`cmd/app/main.go:11:50: env key "APP_KEY" is not declared in .env.example`},
			never:    []string{"SCRATCH_KEY", "STALE_KEY"},
			withheld: "example.com/typeerror/cmd/app",
		},
		{
			module:   "badimport",
			more:     []string{`cmd/app/main.go:9:51: env key "APP_MODE" is not declared in .env.example`},
			never:    []string{"STORE_DSN"},
			withheld: "example.com/badimport/cmd/app",
		},
		{
			module: "cgoonly",
			more:   []string{`cmd/app/main.go:10:50: env key "APP_TOKEN" is not declared in .env.example`},
			// nocgo runs despite errors: both see the cgo dependency.
			also:     []string{`repo/repo.go:6:2: example.org/git2go/git uses cgo (import "C" in git.go), but CGO_ENABLED=0 is declared in .env.example`},
			never:    []string{"REPO_PATH"},
			withheld: "example.com/cgoonly/cmd/app",
		},
	} {
		t.Run(tc.module, func(t *testing.T) {
			dir := filepath.Join(root, tc.module)
			// What falls in the module: findings and errors at its files
			// (findings relative to the module), errors and skips of its
			// packages.
			prefix := tc.module + "/"
			in := func(all []string) []string {
				var out []string
				for _, s := range all {
					if r, ok := strings.CutPrefix(s, prefix); ok {
						out = append(out, r)
					}
				}
				return out
			}
			inModule := func(all []string) []string {
				var out []string
				for _, s := range all {
					if strings.HasPrefix(s, dir+string(filepath.Separator)) || strings.HasPrefix(s, "example.com/"+tc.module+"/") {
						out = append(out, s)
					}
				}
				return out
			}
			want, got := in(allWant), in(allGot)
			errs := inModule(allErrs)
			var skipped []string
			for _, id := range allSkipped {
				if strings.HasPrefix(id, "example.com/"+tc.module+"/") {
					skipped = append(skipped, id)
				}
			}
			if len(errs) == 0 {
				t.Errorf("the checker prints no error in %s: the fixture shows nothing", tc.module)
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
			for _, f := range allGot {
				for _, n := range tc.never {
					if strings.Contains(f, n) {
						t.Errorf("envvet reports %q", f)
					}
				}
			}
			if !slices.Contains(withheldUnread, tc.withheld) {
				t.Errorf("stderr does not say that envkeys' unread keys are withheld in %s:\n%s", tc.withheld, stderr.String())
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
