// Package rulestest holds what the analyzers' tests share: rules that a
// boolean flag turns off, and diagnostics positioned outside Go files.
package rulestest

import (
	"flag"
	"fmt"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// EachOff sets each flag of the analyzer that fresh returns to false, on
// an analyzer of its own, and runs it on the testdata package
// "without-<flag>", whose // want comments hold the other rules' findings
// only: the rule's findings must be gone and the others' remain. The
// flags must be exactly rules. The "without-" packages of all the flags
// are loaded once (Load, Check), and each flag's analyzer runs on its
// own. It returns each flag's results, for further settings to run on
// (see Rerun).
func EachOff(t *testing.T, fresh func() *analysis.Analyzer, rules ...string) map[string][]*analysistest.Result {
	t.Helper()
	var patterns []string
	fresh().Flags.VisitAll(func(f *flag.Flag) { patterns = append(patterns, "without-"+f.Name) })
	return EachOffIn(t, NewLoad(analysistest.TestData(), nil, patterns...), fresh, rules...)
}

// EachOffIn is EachOff on the "without-<flag>" packages of l, a load of
// analysistest's testdata that may hold other tests' packages too: the
// package's tests then share one load of the standard library. It fails
// t when l holds no package for a flag.
func EachOffIn(t *testing.T, l *Load, fresh func() *analysis.Analyzer, rules ...string) map[string][]*analysistest.Result {
	t.Helper()
	var flags []string
	fresh().Flags.VisitAll(func(f *flag.Flag) { flags = append(flags, f.Name) })
	dir := l.Dir()
	results := make(map[string][]*analysistest.Result)
	for _, name := range flags {
		a := fresh()
		if err := a.Flags.Set(name, "false"); err != nil {
			t.Fatal(err)
		}
		pkgs, err := l.Packages("without-" + name)
		if err != nil {
			t.Fatal(err)
		}
		results[name] = Check(t, dir, a, pkgs)
	}
	tested := slices.Sorted(slices.Values(flags))
	want := slices.Sorted(slices.Values(rules))
	if !slices.Equal(tested, want) {
		t.Errorf("tested flags %v, want the rules %v", tested, want)
	}
	return results
}

// Rerun runs a, an analyzer with other settings, on the packages of
// results as they were loaded, with checker.Analyze, and fails t unless
// it reports exactly the diagnostics (position, category, message) that
// results hold: a setting that must act as another one then costs its
// analysis, not another load.
func Rerun(t *testing.T, a *analysis.Analyzer, results []*analysistest.Result) {
	t.Helper()
	var roots []*packages.Package
	var want []string
	for _, r := range results {
		roots = append(roots, r.Action.Package)
		want = append(want, withCategory(r.Action.Package.Fset, r.Diagnostics)...)
	}
	if len(roots) == 0 {
		t.Fatal("Rerun: no packages")
	}
	res, err := checker.Analyze([]*analysis.Analyzer{a}, roots, &checker.Options{SanityCheck: true})
	if err != nil {
		t.Fatalf("Analyze: %v", err)
	}
	var got []string
	for _, act := range res.Roots {
		if act.Err != nil {
			t.Errorf("error analyzing %s: %v", act, act.Err)
		}
		got = append(got, withCategory(act.Package.Fset, act.Diagnostics)...)
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("%s: got\n\t%s\nwant\n\t%s", a.Name, strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
}

// withCategory returns diags as "path:line:col: [category] message".
func withCategory(fset *token.FileSet, diags []analysis.Diagnostic) []string {
	var out []string
	for i, l := range lines(fset, diags) {
		path, msg, _ := strings.Cut(l, ": ")
		out = append(out, fmt.Sprintf("%s: [%s] %s", path, diags[i].Category, msg))
	}
	return out
}

// A Recorder is an analysistest.Testing that records errors instead of
// failing, so that diagnostics outside Go files (a manifest's lines,
// which // want comments cannot reach) can be checked by hand.
type Recorder struct{ Errors []string }

// Errorf records an error.
func (r *Recorder) Errorf(format string, args ...any) {
	r.Errors = append(r.Errors, fmt.Sprintf(format, args...))
}

// Diagnostics runs a on the testdata package pkg and returns its
// diagnostics as "path:line:col: message", sorted, with paths relative to
// testdata/src, failing the test on any error other than a mismatch with
// // want comments.
func Diagnostics(t *testing.T, a *analysis.Analyzer, pkg string) []string {
	t.Helper()
	rec := &Recorder{}
	results := analysistest.Run(rec, analysistest.TestData(), a, pkg)
	for _, e := range rec.Errors {
		if !isMismatch(e) {
			t.Error(e)
		}
	}
	return format(results)
}

// format returns the diagnostics of results as "path:line:col: message",
// sorted, with paths relative to analysistest's testdata/src.
func format(results []*analysistest.Result) []string {
	var out []string
	for _, r := range results {
		if r.Pass != nil {
			out = append(out, lines(r.Pass.Fset, r.Diagnostics)...)
		}
	}
	slices.Sort(out)
	return out
}

// lines returns diags as "path:line:col: message", paths relative to
// analysistest's testdata/src.
func lines(fset *token.FileSet, diags []analysis.Diagnostic) []string {
	src, _ := filepath.Abs(filepath.Join(analysistest.TestData(), "src"))
	var out []string
	for _, d := range diags {
		p := fset.Position(d.Pos)
		rel, _ := filepath.Rel(src, p.Filename)
		out = append(out, fmt.Sprintf("%s:%d:%d: %s", filepath.ToSlash(rel), p.Line, p.Column, d.Message))
	}
	return out
}

// A Shared is one analysistest run of an analyzer over the testdata
// packages of several tests, whose results and complaints each test reads
// for its own packages. analysistest loads the packages and all they
// import, the standard library included, from source on every Run, which
// under the race detector costs more than the analysis: tests with the
// same settings share one load. The run happens on first use; tests that
// use a Shared must not run in parallel with each other.
type Shared struct {
	once     sync.Once
	load     *Load // nil: analysistest.Run loads
	dir      string
	a        *analysis.Analyzer
	fixes    bool
	patterns []string
	results  []*analysistest.Result
	errors   []string
}

// NewShared returns a Shared run of a on patterns in dir (a testdata
// directory, as for analysistest.Run), with RunWithSuggestedFixes when
// fixes is set (a package whose fixes have no golden file must not be
// checked with Check then: its missing golden file is a complaint).
func NewShared(dir string, a *analysis.Analyzer, fixes bool, patterns ...string) *Shared {
	return &Shared{dir: dir, a: a, fixes: fixes, patterns: patterns}
}

// NewSharedLoad returns a Shared run of a on the packages of l that pkgs
// name (see Load.Packages), checked with Check: Shared runs of analyzers
// with other settings, or other analyzers, then share one load.
func NewSharedLoad(l *Load, a *analysis.Analyzer, pkgs ...string) *Shared {
	return &Shared{load: l, dir: l.dir, a: a, patterns: pkgs}
}

func (s *Shared) run() {
	s.once.Do(func() {
		rec := &Recorder{}
		if s.load != nil {
			roots, err := s.load.Packages(s.patterns...)
			if err != nil {
				rec.Errorf("%v", err)
			} else {
				s.results = Check(rec, s.dir, s.a, roots)
			}
		} else if s.fixes {
			s.results = analysistest.RunWithSuggestedFixes(rec, s.dir, s.a, s.patterns...)
		} else {
			s.results = analysistest.Run(rec, s.dir, s.a, s.patterns...)
		}
		s.errors = rec.Errors
	})
}

// Results returns the results of the packages whose path is pkg (the
// package and its test variants).
func (s *Shared) Results(pkg string) []*analysistest.Result {
	s.run()
	var out []*analysistest.Result
	for _, r := range s.results {
		if r.Action != nil && samePackage(r.Action.Package.PkgPath, pkg) {
			out = append(out, r)
		}
	}
	return out
}

// Errors returns what analysistest complained of about pkg: complaints
// positioned in its directory or naming its analysis, and the complaints
// that name no package (a failed load), which concern every test.
func (s *Shared) Errors(pkg string) []string {
	s.run()
	var out []string
	for _, e := range s.errors {
		if p, ok := s.errorPackage(e); !ok || samePackage(p, pkg) {
			out = append(out, e)
		}
	}
	return out
}

// Check fails t with every complaint about pkgs, as analysistest.Run(t,
// dir, a, pkgs...) would, and returns their results.
func (s *Shared) Check(t testing.TB, pkgs ...string) []*analysistest.Result {
	t.Helper()
	var out []*analysistest.Result
	for _, pkg := range pkgs {
		for _, e := range s.Errors(pkg) {
			t.Errorf("%s", e)
		}
		out = append(out, s.results1(t, pkg)...)
	}
	return out
}

// results1 returns Results(pkg), failing t when there are none: a test
// whose package is missing from the shared run's patterns would
// otherwise see no diagnostics and no complaints.
func (s *Shared) results1(t testing.TB, pkg string) []*analysistest.Result {
	t.Helper()
	rs := s.Results(pkg)
	if len(rs) == 0 {
		t.Errorf("package %s is not among the shared run's %s", pkg, s.patterns)
	}
	return rs
}

// Diagnostics is Diagnostics(t, a, pkg) read from the shared run: pkg's
// diagnostics, sorted, failing t on any complaint about pkg other than a
// mismatch with // want comments.
func (s *Shared) Diagnostics(t testing.TB, pkg string) []string {
	t.Helper()
	for _, e := range s.Errors(pkg) {
		if !isMismatch(e) {
			t.Error(e)
		}
	}
	return format(s.results1(t, pkg))
}

// errorPackage returns the testdata package that the analysistest
// complaint e is about: the package of an "error analyzing
// <analyzer>@<package>: ..." complaint, the package whose diagnostic an
// "unexpected diagnostic" complaint quotes, or the package of the Go file
// (or its golden file) that the complaint starts with.
func (s *Shared) errorPackage(e string) (string, bool) {
	if rest, ok := strings.CutPrefix(e, "error analyzing "); ok {
		act, _, _ := strings.Cut(rest, ": ")
		_, pkg, ok := strings.Cut(act, "@")
		pkg, _, _ = strings.Cut(pkg, " ")
		return pkg, ok
	}
	src, _ := filepath.Abs(filepath.Join(s.dir, "src"))
	for _, r := range s.results {
		for _, d := range r.Diagnostics {
			p := r.Action.Package.Fset.Position(d.Pos)
			p.Filename = filepath.ToSlash(strings.TrimPrefix(p.Filename, src+string(filepath.Separator)))
			if e == fmt.Sprintf("%v: unexpected diagnostic: %v", p, d.Message) {
				return r.Action.Package.PkgPath, true
			}
		}
	}
	for _, pre := range []string{"error reading ", "in file "} {
		e = strings.TrimPrefix(e, pre)
	}
	file, _, _ := strings.Cut(e, ":")
	file, _, _ = strings.Cut(file, ",") // "in file x.go, conflict applying fix ..."
	file = strings.TrimSuffix(file, ".golden")
	if strings.HasSuffix(file, ".go") && !filepath.IsAbs(file) {
		file = filepath.Join(src, filepath.FromSlash(file))
	}
	cwd, _ := os.Getwd()
	for _, r := range s.results {
		p := r.Action.Package
		for _, f := range slices.Concat(p.GoFiles, p.CompiledGoFiles, p.IgnoredFiles) {
			if f == file {
				return p.PkgPath, true
			}
			// The golden file checks name the file relative to the
			// working directory: "<fix>: unexpected testdata/src/a/a.go
			// content", "<fix>: testdata/src/a/a.go: no edits".
			rel, err := filepath.Rel(cwd, f)
			if err == nil && (strings.Contains(e, " "+rel+" ") || strings.Contains(e, " "+rel+":") || strings.Contains(e, " "+rel+".golden:")) {
				return p.PkgPath, true
			}
		}
	}
	return "", false
}

// samePackage reports whether the package path p is pkg or one of its
// test variants.
func samePackage(p, pkg string) bool {
	return p == pkg || p == pkg+"_test" || p == pkg+".test"
}

// isMismatch reports whether e is analysistest's complaint about a
// diagnostic and the // want comments disagreeing.
func isMismatch(e string) bool {
	return strings.Contains(e, "unexpected diagnostic") || strings.Contains(e, "no diagnostic was reported")
}

// Analyze runs a, an analyzer with other settings than the shared run's,
// on pkg (and its test variants) as the shared run loaded them, and
// returns the diagnostics as Diagnostics does, for tests that check them
// by hand, not by // want comments.
func (s *Shared) Analyze(t testing.TB, a *analysis.Analyzer, pkg string) []string {
	t.Helper()
	var out []string
	for _, act := range s.AnalyzeActions(t, a, pkg) {
		out = append(out, lines(act.Package.Fset, act.Diagnostics)...)
	}
	slices.Sort(out)
	return out
}

// CheckWith runs a, an analyzer with other settings, on pkg (and its
// test variants) as the shared run loaded them, and checks its
// diagnostics and facts against pkg's // want comments (Check): a package
// whose wants hold another setting's findings then rides on the shared
// load. The shared run's own complaints about pkg are no test's (none
// Checks pkg on it).
func (s *Shared) CheckWith(t testing.TB, a *analysis.Analyzer, pkg string) []*analysistest.Result {
	t.Helper()
	roots := s.roots(t, pkg)
	if len(roots) == 0 {
		return nil
	}
	return Check(t, s.dir, a, roots)
}

// roots returns pkg and its test variants as the shared run loaded them.
func (s *Shared) roots(t testing.TB, pkg string) []*packages.Package {
	t.Helper()
	var roots []*packages.Package
	for _, r := range s.results1(t, pkg) {
		roots = append(roots, r.Action.Package)
	}
	return roots
}

// AnalyzeActions runs a on pkg (and its test variants) as the shared run
// loaded them, with checker.Analyze: a setting then costs its analysis,
// not another load. It fails t on an analysis error and returns the
// actions of pkg that succeeded.
func (s *Shared) AnalyzeActions(t testing.TB, a *analysis.Analyzer, pkg string) []*checker.Action {
	t.Helper()
	roots := s.roots(t, pkg)
	if len(roots) == 0 {
		return nil
	}
	res, err := checker.Analyze([]*analysis.Analyzer{a}, roots, &checker.Options{SanityCheck: true})
	if err != nil {
		t.Fatalf("Analyze: %v", err)
	}
	var out []*checker.Action
	for _, act := range res.Roots {
		if act.Err != nil {
			t.Errorf("error analyzing %s: %v", act, act.Err)
			continue
		}
		out = append(out, act)
	}
	return out
}
