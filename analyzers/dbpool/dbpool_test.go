package dbpool_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

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
	keepFacts  bool // check facts too (the facts scenario asserts them)
	skipCats   []string
	allowWants bool // wants for a rule that is turned off may stay unmatched
}

// check runs a fresh analyzer on dir/... for each of dirs (one load) and
// checks both analysistest's `// want` comments and the cross-package
// `// main wants` comments.
func check(t *testing.T, dir string, opt options, more ...string) []*analysistest.Result {
	t.Helper()
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
					t.Errorf("%v: diagnostic of disabled rule %s: %s", r.Action.Package.Fset.Position(d.Pos), c, d.Message)
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
				t.Errorf("%v: unexpected diagnostic from %s: %s", posn, r.Action.Package.PkgPath, d.Message)
			}
		}
	}
	for k, res := range wants {
		for _, re := range res {
			if opt.allowWants {
				break
			}
			t.Errorf("%s:%d: no diagnostic from main matching %q", k.file, k.line, re)
		}
	}
	for _, e := range rec.errs {
		switch {
		case strings.Contains(e, "unexpected diagnostic") && cross[crossPrefix(e)]:
		case strings.Contains(e, "unexpected fact") && !opt.keepFacts:
		case strings.Contains(e, "no diagnostic was reported matching") && opt.allowWants:
		default:
			t.Error(e)
		}
	}
	return results
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
// oneshot (pools opened, used and closed in one function).
func TestDefaults(t *testing.T) {
	defaults(t)
}

// defaultRun holds the results of TestDefaults' run, which the tests of
// related information read too: loading the scenarios, the standard
// library included, from source under the race detector is most of this
// package's test time.
var defaultRun struct {
	sync.Mutex
	results []*analysistest.Result
}

// defaults checks the scenarios of the default settings in one load, as
// TestDefaults does, the first time it is called, and returns the
// results.
func defaults(t *testing.T) []*analysistest.Result {
	t.Helper()
	defaultRun.Lock()
	defer defaultRun.Unlock()
	if defaultRun.results == nil {
		defaultRun.results = check(t, "shared", options{}, "owned", "injected", "percall", "percall/web", "nolimit", "typeparams", "illtyped", "routers", "libs", "oneshot", "entapp", "migrator", "component", "component/cleanup")
	}
	return defaultRun.results
}

func TestIsolate(t *testing.T) {
	check(t, "isolate", options{flags: map[string]string{"isolate": "isolate/user/...,isolate/billing/..."}})
}

// TestIsolateFromManifest declares the same boundaries in envvet.yaml
// (testdata/src/isolate/envvet.yaml) instead of the flag.
func TestIsolateFromManifest(t *testing.T) {
	check(t, "isolate", options{})
}

func TestFacts(t *testing.T) { check(t, "facts", options{keepFacts: true}) }

// Each rule can be turned off: with all four off, no scenario reports
// anything. Every flag must be exercised here or in TestIsolate.
func TestFlags(t *testing.T) {
	rules := []string{"shared", "isolation", "per-call", "nolimit"}
	flags := map[string]string{"isolate": "isolate/user/...,isolate/billing/..."}
	for _, r := range rules {
		flags[r] = "false"
	}
	check(t, "shared", options{flags: flags, skipCats: rules, allowWants: true}, "isolate", "percall", "nolimit")
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
