package dbpool_test

import (
	"flag"
	"fmt"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/envvet/envvet/analyzers/dbpool"
)

// recorder collects analysistest's complaints so that the test can accept
// those about diagnostics that main reports in another package's file.
type recorder struct{ errs []string }

func (r *recorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

// crossWant matches a "// main wants `re`" comment: a diagnostic that the
// program's main package reports at this line of another package.
var crossWant = regexp.MustCompile("// main wants (`[^`]*`(?: `[^`]*`)*)")

type options struct {
	flags      map[string]string
	factDirs   []string // check facts too in these (the facts scenario asserts them)
	skipCats   []string
	allowWants bool // wants for a rule that is turned off may stay unmatched
}

// check runs a fresh analyzer on dir/... for each of dirs (one load) and
// checks both analysistest's `// want` comments and the cross-package
// `// main wants` comments. It returns the results and the complaints,
// each starting with the file it is about, relative to testdata/src (see
// report).
func check(t *testing.T, dir string, opt options, more ...string) ([]*analysistest.Result, []string) {
	t.Helper()
	var errs []string
	dirs := append([]string{dir}, more...)
	a := dbpool.New(dbpool.Config{})
	for k, v := range opt.flags {
		if err := a.Flags.Set(k, v); err != nil {
			t.Fatal(err)
		}
	}
	rec := &recorder{}
	var patterns []string
	for _, d := range dirs {
		patterns = append(patterns, d+"/...")
	}
	results := analysistest.Run(rec, analysistest.TestData(), a, patterns...)

	type key struct {
		file string
		line int
	}
	wants := map[key][]*regexp.Regexp{}
	for _, dir := range dirs {
		root := filepath.Join(analysistest.TestData(), "src", dir)
		filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
				return err
			}
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			for i, line := range strings.Split(string(data), "\n") {
				if m := crossWant.FindStringSubmatch(line); m != nil {
					for _, re := range regexp.MustCompile("`[^`]*`").FindAllString(m[1], -1) {
						wants[key{path, i + 1}] = append(wants[key{path, i + 1}], regexp.MustCompile(strings.Trim(re, "`")))
					}
				}
			}
			return nil
		})
	}

	cross := map[string]bool{} // "file:line" of diagnostics outside the reporting package
	for _, r := range results {
		own := map[string]bool{}
		for _, f := range r.Action.Package.CompiledGoFiles {
			own[f] = true
		}
		for _, d := range r.Action.Diagnostics {
			for _, c := range opt.skipCats {
				if d.Category == c {
					errs = append(errs, fmt.Sprintf("%v: diagnostic of disabled rule %s: %s", relPosn(r.Action.Package.Fset.Position(d.Pos)), c, d.Message))
				}
			}
			posn := r.Action.Package.Fset.Position(d.Pos)
			if own[posn.Filename] {
				continue
			}
			rel := strings.TrimPrefix(posn.Filename, filepath.Join(analysistest.TestData(), "src")+string(filepath.Separator))
			cross[fmt.Sprintf("%s:%d:", rel, posn.Line)] = true
			k := key{posn.Filename, posn.Line}
			matched := false
			for i, re := range wants[k] {
				if re.MatchString(d.Message) {
					wants[k] = append(wants[k][:i], wants[k][i+1:]...)
					matched = true
					break
				}
			}
			if !matched {
				errs = append(errs, fmt.Sprintf("%v: unexpected diagnostic from %s: %s", relPosn(posn), r.Action.Package.PkgPath, d.Message))
			}
		}
	}
	for k, res := range wants {
		for _, re := range res {
			if opt.allowWants {
				break
			}
			errs = append(errs, fmt.Sprintf("%s:%d: no diagnostic from main matching %q", relPosn(token.Position{Filename: k.file}).Filename, k.line, re))
		}
	}
	for _, e := range rec.errs {
		switch {
		case strings.Contains(e, "unexpected diagnostic") && cross[crossPrefix(e)]:
		case strings.Contains(e, "unexpected fact") && !slices.Contains(opt.factDirs, errDir(e)):
		case strings.Contains(e, "no diagnostic was reported matching") && opt.allowWants:
		default:
			errs = append(errs, e)
		}
	}
	return results, errs
}

// relPosn returns posn with its file relative to testdata/src.
func relPosn(posn token.Position) token.Position {
	posn.Filename = filepath.ToSlash(strings.TrimPrefix(posn.Filename, filepath.Join(analysistest.TestData(), "src")+string(filepath.Separator)))
	return posn
}

// errDir returns the top directory of testdata/src that the complaint e
// (of check or analysistest) is about: the first element of the path it
// starts with, or "" when it starts with none ("error analyzing ...").
func errDir(e string) string {
	file, _, ok := strings.Cut(e, ":")
	if !ok || !strings.HasSuffix(file, ".go") {
		return ""
	}
	top, _, _ := strings.Cut(file, "/")
	return top
}

// report fails t with the complaints about the scenarios in dirs, and
// with those about no scenario.
func report(t *testing.T, errs []string, dirs ...string) {
	t.Helper()
	for _, e := range errs {
		if d := errDir(e); d == "" || slices.Contains(dirs, d) {
			t.Error(e)
		}
	}
}

// crossPrefix returns "file:line:" of an analysistest error "file:line:col: ...".
func crossPrefix(e string) string {
	parts := strings.SplitN(e, ":", 3)
	if len(parts) < 3 {
		return e
	}
	return parts[0] + ":" + parts[1] + ":"
}

// TestDefaults runs the scenarios that use the default settings in one load:
// shared (rule 1) and its twin owned; injected (rule 2's twin: no
// isolation declared); percall (rule 3); nolimit (rule 4); typeparams;
// illtyped (must not panic); routers (per-request scopes of gin, echo,
// chi, gRPC); libs (openers of sqlx, pgx stdlib, ent, and their wrappers);
// oneshot (pools opened, used and closed in one function); testsupport
// (pools of test support outside _test.go files). The same load
// holds isolate and facts, whose tests follow.
func TestDefaults(t *testing.T) {
	report(t, defaults(t).errs, defaultDirs...)
}

// defaultDirs are TestDefaults' scenarios.
var defaultDirs = []string{"shared", "owned", "injected", "percall", "nolimit", "typeparams", "illtyped", "routers", "libs", "oneshot", "entapp", "migrator", "component", "testsupport"}

// defaultRun holds the results and complaints of the run with the
// default settings, which every test here reads: loading the scenarios,
// the standard library included, from source under the race detector is
// most of this package's test time, so one load serves all settings.
var defaultRun run

// A run is the outcome of check.
type run struct {
	sync.Mutex
	done    bool
	results []*analysistest.Result
	errs    []string
}

// defaults checks the scenarios of TestDefaults, isolate and facts with
// the default settings in one load the first time it is called, and
// returns the run.
func defaults(t *testing.T) *run {
	t.Helper()
	defaultRun.Lock()
	defer defaultRun.Unlock()
	if !defaultRun.done {
		more := []string{"percall/web", "component/cleanup", "isolate", "facts"}
		defaultRun.results, defaultRun.errs = check(t, defaultDirs[0], options{factDirs: []string{"facts"}}, slices.Concat(defaultDirs[1:], more)...)
		defaultRun.done = true
	}
	return &defaultRun
}

// rerun runs a, an analyzer with other settings, on the packages of dirs
// (each dir and below) as the default run loaded them, and returns its
// diagnostics as sorted "file:line:col: [category] message" lines, files
// relative to testdata/src, failing t on an analysis error.
func rerun(t *testing.T, a *analysis.Analyzer, dirs ...string) []string {
	t.Helper()
	var roots []*packages.Package
	for _, r := range defaults(t).results {
		if slices.Contains(dirs, strings.SplitN(r.Action.Package.PkgPath, "/", 2)[0]) {
			roots = append(roots, r.Action.Package)
		}
	}
	res, err := checker.Analyze([]*analysis.Analyzer{a}, roots, &checker.Options{SanityCheck: true})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, act := range res.Roots {
		if act.Err != nil {
			t.Errorf("error analyzing %s: %v", act, act.Err)
		}
		out = append(out, lines(act)...)
	}
	slices.Sort(out)
	return out
}

// lines returns the diagnostics of act as "file:line:col: [category]
// message", files relative to testdata/src.
func lines(act *checker.Action) []string {
	var out []string
	for _, d := range act.Diagnostics {
		out = append(out, fmt.Sprintf("%v: [%s] %s", relPosn(act.Package.Fset.Position(d.Pos)), d.Category, d.Message))
	}
	return out
}

// TestIsolate sets the boundaries that isolate's envvet.yaml declares
// with the flag too: the findings must be those of the default run,
// which TestIsolateFromManifest checks against the // want comments.
func TestIsolate(t *testing.T) {
	a := dbpool.New(dbpool.Config{})
	if err := a.Flags.Set("isolate", "isolate/user/...,isolate/billing/..."); err != nil {
		t.Fatal(err)
	}
	got := rerun(t, a, "isolate")
	var want []string
	for _, r := range defaults(t).results {
		if strings.SplitN(r.Action.Package.PkgPath, "/", 2)[0] == "isolate" {
			want = append(want, lines(r.Action)...)
		}
	}
	slices.Sort(want)
	if len(want) == 0 || !slices.Equal(got, want) {
		t.Errorf("with -isolate:\n\t%s\nwant, as from envvet.yaml:\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
}

// TestIsolateFromManifest declares the same boundaries in envvet.yaml
// (testdata/src/isolate/envvet.yaml) instead of the flag.
func TestIsolateFromManifest(t *testing.T) {
	report(t, defaults(t).errs, "isolate")
}

// TestFacts checks facts' // want comments on facts too.
func TestFacts(t *testing.T) {
	report(t, defaults(t).errs, "facts")
}

// Each rule can be turned off: with all four off, no scenario reports
// anything. Every flag must be exercised here or in TestIsolate.
func TestFlags(t *testing.T) {
	rules := []string{"shared", "isolation", "per-call", "nolimit"}
	flags := map[string]string{"isolate": "isolate/user/...,isolate/billing/..."}
	for _, r := range rules {
		flags[r] = "false"
	}
	a := dbpool.New(dbpool.Config{})
	for k, v := range flags {
		if err := a.Flags.Set(k, v); err != nil {
			t.Fatal(err)
		}
	}
	for _, d := range rerun(t, a, "shared", "isolate", "percall", "nolimit") {
		t.Errorf("diagnostic with every rule off: %s", d)
	}
	dbpool.New(dbpool.Config{}).Flags.VisitAll(func(f *flag.Flag) {
		if _, ok := flags[f.Name]; !ok {
			t.Errorf("flag -%s has no test scenario", f.Name)
		}
	})
}

// Config from golangci-lint or envvet.yaml: rules off and isolation on
// without flags.
func TestConfig(t *testing.T) {
	off := false
	a := dbpool.New(dbpool.Config{Isolate: []string{"isolate/user/...", "isolate/billing/..."}, Shared: &off})
	if got := a.Flags.Lookup("shared").Value.String(); got != "false" {
		t.Errorf("shared flag = %s, want false", got)
	}
	if got := a.Flags.Lookup("nolimit").Value.String(); got != "true" {
		t.Errorf("nolimit flag = %s, want true", got)
	}
}
