package nocgo_test

import (
	"flag"
	"fmt"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/envvet/envvet/analyzers/nocgo"
	"github.com/envvet/envvet/internal/rulestest"
)

// A scenario is one test module under testdata, example.com/<dir>, with
// the flags it runs with. Each module holds positive cases and their
// negative twins; the "third-party" modules are in testdata/shared,
// reached through replace directives (the load runs with GOPROXY=off).
type scenario struct {
	dir   string
	flags map[string]string
}

func scenarios(t *testing.T) []scenario {
	explicit, err := filepath.Abs(filepath.Join("testdata", "explicit", "deploy", "release.env"))
	if err != nil {
		t.Fatal(err)
	}
	return []scenario{
		{dir: "policy"},
		{dir: "nopolicy"},
		{dir: "allow", flags: map[string]string{"allow": "example.org/cgolib, ./allowed/..."}},
		{dir: "enforce", flags: map[string]string{"enforce": "true"}},
		{dir: "explicit", flags: map[string]string{"manifest": explicit}},
		{dir: "dockerfile"},
		{dir: "dockerfileoff"},
		{dir: "goreleaser"},
	}
}

// modules are the scenario modules, with those of TestStub and
// TestBadManifest: testdata/go.work holds them all, so that one load (per
// CGO_ENABLED value) type-checks the standard library once for every
// scenario, and each scenario's analyzer runs on its own module's
// packages (rulestest.Check). Each module keeps its own manifests and
// release files at its root.
var modules = []string{
	"example.com/allow/...", "example.com/badmanifest/...", "example.com/dockerfile/...",
	"example.com/dockerfileoff/...", "example.com/enforce/...", "example.com/explicit/...",
	"example.com/goreleaser/...", "example.com/nopolicy/...", "example.com/policy/...", "example.com/stub/...",
}

var (
	cgoOn  = rulestest.NewLoad(analysistest.TestData(), []string{"CGO_ENABLED=1"}, modules...)
	cgoOff = rulestest.NewLoad(analysistest.TestData(), []string{"CGO_ENABLED=0"}, modules...)
)

// run checks a on the packages of module example.com/<dir> as l loaded
// them, against their // want comments, complaints to rec.
func run(t *testing.T, rec analysistest.Testing, l *rulestest.Load, a *analysis.Analyzer, dir string) []*analysistest.Result {
	t.Helper()
	return rulestest.Check(rec, l.Dir(), a, l.Roots(t, "example.com/"+dir))
}

func newAnalyzer(t *testing.T, flags map[string]string) *analysis.Analyzer {
	a := nocgo.New(nocgo.Config{})
	for name, value := range flags {
		if err := a.Flags.Set(name, value); err != nil {
			t.Fatalf("-%s=%s: %v", name, value, err)
		}
	}
	return a
}

// TestCgo checks every scenario twice, with cgo on and with cgo off.
//
// With cgo on, as analysistest sees it, the import "C" lines are in
// cgo-processed files mapped back through //line, so their // want
// comments are read.
//
// With cgo off, the cgo files are ignored files, where analysistest reads
// no // want comments: the diagnostics at their import "C" lines come out
// as "unexpected". So that run is recorded, those errors are checked by
// hand, and the diagnostics must be the same as with cgo on.
func TestCgo(t *testing.T) {
	needCC(t) // for the cgo-on run, and to compare with it
	for _, sc := range scenarios(t) {
		t.Run(sc.dir, func(t *testing.T) {
			dir := filepath.Join(analysistest.TestData(), sc.dir)

			results := run(t, t, cgoOn, newAnalyzer(t, sc.flags), sc.dir)
			checkOff(t, results, false)
			on := diagnostics(results, dir)

			rec := new(recorder)
			results = run(t, rec, cgoOff, newAnalyzer(t, sc.flags), sc.dir)
			off := diagnostics(results, dir)
			checkOff(t, results, true)
			t.Logf("cgo off: %d diagnostics:\n\t%s\nrecorded:\n\t%s", len(off), strings.Join(off, "\n\t"), strings.Join(rec.errors, "\n\t"))

			if !slices.Equal(on, off) {
				t.Errorf("diagnostics differ:\ncgo on:\n\t%s\ncgo off:\n\t%s",
					strings.Join(on, "\n\t"), strings.Join(off, "\n\t"))
			}
			// The only complaints allowed are the diagnostics on import
			// "C" lines of ignored files, which must have been reported.
			for _, msg := range rec.errors {
				posn, _, ok := strings.Cut(msg, ": unexpected diagnostic: ")
				if !ok || !strings.Contains(msg, `uses cgo (import "C"), but`) {
					t.Errorf("cgo off: %s", msg)
					continue
				}
				if !ignored(results, posn) {
					t.Errorf("cgo off: unexpected diagnostic outside the ignored files: %s", msg)
				}
			}
		})
	}
}

// TestFlags checks that every flag has a scenario, and that bad patterns
// are rejected when set.
func TestFlags(t *testing.T) {
	covered := make(map[string]bool)
	for _, sc := range scenarios(t) {
		for name := range sc.flags {
			covered[name] = true
		}
	}
	nocgo.New(nocgo.Config{}).Flags.VisitAll(func(f *flag.Flag) {
		if !covered[f.Name] {
			t.Errorf("flag -%s has no scenario", f.Name)
		}
	})
	for _, bad := range []string{"../other", "/abs/path"} {
		if err := nocgo.New(nocgo.Config{}).Flags.Set("allow", bad); err == nil {
			t.Errorf("-allow=%s: no error", bad)
		}
	}
}

// TestSeparateInstances checks that setting a flag on one analyzer does
// not change another, nor the shared Analyzer.
func TestSeparateInstances(t *testing.T) {
	a, b := nocgo.New(nocgo.Config{}), nocgo.New(nocgo.Config{})
	if err := a.Flags.Set("enforce", "true"); err != nil {
		t.Fatal(err)
	}
	if got := b.Flags.Lookup("enforce").Value.String(); got != "false" {
		t.Errorf("b's -enforce = %s after setting a's", got)
	}
	if got := nocgo.Analyzer.Flags.Lookup("enforce").Value.String(); got != "false" {
		t.Errorf("Analyzer's -enforce = %s after setting a's", got)
	}
	if err := analysis.Validate([]*analysis.Analyzer{nocgo.Analyzer}); err != nil {
		t.Error(err)
	}
}

// diagnostics returns the diagnostics of results as sorted
// "file:line:col: message" lines, file relative to dir.
func diagnostics(results []*analysistest.Result, dir string) []string {
	var out []string
	for _, r := range results {
		for _, d := range r.Diagnostics {
			posn := r.Action.Package.Fset.Position(d.Pos)
			if rel, err := filepath.Rel(dir, posn.Filename); err == nil {
				posn.Filename = filepath.ToSlash(rel)
			}
			out = append(out, fmt.Sprintf("%s: %s", posn, d.Message))
		}
	}
	slices.Sort(out)
	return out
}

// checkOff checks that the package facts of results say Off as expected
// for packages that import "C" themselves.
func checkOff(t *testing.T, results []*analysistest.Result, want bool) {
	t.Helper()
	for _, r := range results {
		for _, f := range r.Facts[nil] {
			s := fmt.Sprintf("%+v", f)
			if !strings.Contains(s, "Via:[]") {
				continue
			}
			if got := strings.Contains(s, "Off:true"); got != want {
				t.Errorf("%s: fact %s: Off = %v, want %v", r.Action.Package.PkgPath, s, got, want)
			}
		}
	}
}

// ignored reports whether posn ("file:line:col") is in an ignored file of
// one of results.
func ignored(results []*analysistest.Result, posn string) bool {
	for _, r := range results {
		for _, name := range r.Action.Package.IgnoredFiles {
			if strings.HasPrefix(posn, name+":") {
				return true
			}
		}
	}
	return false
}

// recorder is an analysistest.Testing that keeps the errors.
type recorder struct{ errors []string }

func (r *recorder) Errorf(format string, args ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}

// needCC skips the test when there is no C compiler: cgo cannot process
// files then, and the cgo-on results cannot be had.
func needCC(t *testing.T) {
	t.Helper()
	out, err := exec.Command("go", "env", "CC").Output()
	cc := strings.TrimSpace(string(out))
	if err != nil || cc == "" {
		t.Skipf("go env CC: %v", err)
	}
	if _, err := exec.LookPath(strings.Fields(cc)[0]); err != nil {
		t.Skipf("no C compiler (%s): %v", cc, err)
	}
}

// TestBadManifest checks that a manifest that does not parse fails the
// analysis of a package that uses cgo, naming the file and line, and only
// that package.
func TestBadManifest(t *testing.T) {
	needCC(t) // with cgo off, package direct (only import "C") has no Go files
	rec := new(recorder)
	run(t, rec, cgoOn, nocgo.New(nocgo.Config{}), "badmanifest")
	if len(rec.errors) != 1 || !strings.Contains(rec.errors[0], "direct") || !strings.Contains(rec.errors[0], ".env.example:2") {
		t.Errorf("want one error, for package direct, at .env.example:2; got:\n\t%s", strings.Join(rec.errors, "\n\t"))
	}
}
