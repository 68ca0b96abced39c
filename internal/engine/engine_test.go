package engine_test

import (
	"context"
	"errors"
	"fmt"
	"go/ast"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/analysis/passes/printf"
	"golang.org/x/tools/go/packages"

	"github.com/envvet/envvet/analyzers"
	"github.com/envvet/envvet/internal/engine"
)

func load(t *testing.T, dir string, patterns ...string) []*packages.Package {
	t.Helper()
	cfg := &packages.Config{Mode: packages.LoadAllSyntax | packages.NeedModule, Dir: dir, Tests: true}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatal("packages have errors")
	}
	return pkgs
}

// example holds the example module's packages (./..., with tests),
// loaded once for the tests that only read them: neither the checker nor
// the engine without Options.Release changes a package, and loading the
// example from source under the race detector is most of these tests'
// time. A run with Options.Release takes the load for itself (see
// takeExample), and the next loadExample loads again.
var example struct {
	sync.Mutex
	pkgs []*packages.Package
}

// loadExample returns the example's packages whose path is one of paths,
// or all of them when paths is empty.
func loadExample(t *testing.T, paths ...string) []*packages.Package {
	t.Helper()
	example.Lock()
	defer example.Unlock()
	if example.pkgs == nil {
		example.pkgs = load(t, "../../example", "./...")
	}
	if len(paths) == 0 {
		return example.pkgs
	}
	var out []*packages.Package
	for _, p := range example.pkgs {
		if slices.Contains(paths, p.PkgPath) {
			out = append(out, p)
		}
	}
	if len(out) == 0 {
		t.Fatalf("no package %q in the example", paths)
	}
	return out
}

// takeExample returns the example's packages for a run that changes them
// (Options.Release): later callers of loadExample get a load of their own.
func takeExample(t *testing.T) []*packages.Package {
	t.Helper()
	pkgs := loadExample(t)
	example.Lock()
	defer example.Unlock()
	example.pkgs = nil
	return pkgs
}

// checkerOnExample is what the x/tools checker reports on the example
// with the suite and printf, computed once.
var checkerOnExample struct {
	sync.Mutex
	want []string
}

// sameAsChecker returns the suite and printf, and the checker's summary of
// their run on the example.
func sameAsChecker(t *testing.T) ([]*analysis.Analyzer, []string) {
	t.Helper()
	suite := append(analyzers.Suite(analyzers.Config{}), printf.Analyzer)
	checkerOnExample.Lock()
	defer checkerOnExample.Unlock()
	if checkerOnExample.want == nil {
		g, err := checker.Analyze(suite, loadExample(t), nil)
		if err != nil {
			t.Fatal(err)
		}
		checkerOnExample.want = fromChecker(g)
	}
	if len(checkerOnExample.want) == 0 {
		t.Fatal("the checker found nothing in the example: the test proves nothing")
	}
	return suite, checkerOnExample.want
}

// summary is an order-free rendering of a run's root actions.
func summary(acts []struct {
	a    *analysis.Analyzer
	p    *packages.Package
	err  error
	diag []analysis.Diagnostic
}) []string {
	var out []string
	for _, act := range acts {
		if act.err != nil {
			out = append(out, fmt.Sprintf("%s %s error %v", act.p.ID, act.a.Name, act.err))
		}
		for _, d := range act.diag {
			out = append(out, fmt.Sprintf("%s %s %s %s", act.p.ID, act.a.Name, act.p.Fset.Position(d.Pos), d.Message))
		}
	}
	slices.Sort(out)
	return out
}

type rootAct = struct {
	a    *analysis.Analyzer
	p    *packages.Package
	err  error
	diag []analysis.Diagnostic
}

func fromChecker(g *checker.Graph) []string {
	var acts []rootAct
	for _, act := range g.Roots {
		acts = append(acts, rootAct{act.Analyzer, act.Package, act.Err, act.Diagnostics})
	}
	return summary(acts)
}

func fromEngine(r *engine.Result) []string {
	var acts []rootAct
	for _, act := range r.Roots {
		acts = append(acts, rootAct{act.Analyzer, act.Package, act.Err, act.Diagnostics})
	}
	return summary(acts)
}

// TestSameAsChecker runs envvet's suite and printf (a fact-using pass of
// x/tools) on the example module with the checker and with the engine:
// the findings and errors must be the same. TestSameAsCheckerReleased
// does the same with Options.Release.
func TestSameAsChecker(t *testing.T) {
	suite, want := sameAsChecker(t)
	sameAsCheckerRun(t, suite, want, loadExample(t), false)
}

func sameAsCheckerRun(t *testing.T, suite []*analysis.Analyzer, want []string, pkgs []*packages.Package, release bool) {
	t.Helper()
	e, err := engine.New(suite)
	if err != nil {
		t.Fatal(err)
	}
	r, err := e.Run(context.Background(), pkgs, engine.Options{Release: release})
	if err != nil {
		t.Fatal(err)
	}
	if got := fromEngine(r); !slices.Equal(got, want) {
		t.Errorf("release=%v: engine and checker differ:\nengine:\n%s\nchecker:\n%s", release, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(r.Roots) != len(suite)*len(pkgs) {
		t.Errorf("%d root actions, want %d", len(r.Roots), len(suite)*len(pkgs))
	}
}

// TestReuse: a second run over the same packages analyzes only the roots
// and finds the same; after a package is replaced, its importers are
// analyzed again and the rest reused.
func TestReuse(t *testing.T) {
	suite := analyzers.Suite(analyzers.Config{})
	e, err := engine.New(suite)
	if err != nil {
		t.Fatal(err)
	}
	pkgs := loadExample(t, "example.com/shop/cmd/shop")
	first, err := e.Run(context.Background(), pkgs, engine.Options{Reuse: true})
	if err != nil {
		t.Fatal(err)
	}
	second, err := e.Run(context.Background(), pkgs, engine.Options{Reuse: true})
	if err != nil {
		t.Fatal(err)
	}
	if second.Analyzed != len(pkgs) || second.Reused != first.Analyzed-len(pkgs) {
		t.Errorf("second run analyzed %d, reused %d; want %d and %d", second.Analyzed, second.Reused, len(pkgs), first.Analyzed-len(pkgs))
	}
	if a, b := fromEngine(first), fromEngine(second); !slices.Equal(a, b) {
		t.Errorf("reused run differs:\n%s\nvs\n%s", strings.Join(a, "\n"), strings.Join(b, "\n"))
	}
	if len(fromEngine(first)) == 0 {
		t.Error("no findings in example/cmd/shop: the test proves nothing")
	}

	// Forgetting a dependency analyzes it and its importers again.
	var dep *packages.Package
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if p.PkgPath == "example.com/shop/internal/envutil" {
			dep = p
		}
	})
	if dep == nil {
		t.Fatal("no envutil package")
	}
	e.Forget(dep.Types)
	third, err := e.Run(context.Background(), pkgs, engine.Options{Reuse: true})
	if err != nil {
		t.Fatal(err)
	}
	if third.Analyzed <= second.Analyzed || third.Reused >= second.Reused {
		t.Errorf("after Forget: analyzed %d, reused %d; the run before: %d, %d", third.Analyzed, third.Reused, second.Analyzed, second.Reused)
	}
	if a, b := fromEngine(first), fromEngine(third); !slices.Equal(a, b) {
		t.Errorf("run after Forget differs:\n%s\nvs\n%s", strings.Join(a, "\n"), strings.Join(b, "\n"))
	}
}

// TestCancel: a cancelled run returns the context's error, and the next
// run analyzes everything it did not finish.
func TestCancel(t *testing.T) {
	e, err := engine.New(analyzers.Suite(analyzers.Config{}))
	if err != nil {
		t.Fatal(err)
	}
	pkgs := loadExample(t, "example.com/shop/cmd/shop")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := e.Run(ctx, pkgs, engine.Options{Reuse: true}); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled run: got %v, want context.Canceled", err)
	}
	r, err := e.Run(context.Background(), pkgs, engine.Options{Reuse: true})
	if err != nil {
		t.Fatal(err)
	}
	if r.Reused != 0 {
		t.Errorf("after a cancelled run, %d packages were reused", r.Reused)
	}
}

type fact struct{ N int }

func (*fact) AFact() {}

// TestFacts: facts flow to importers with the checker's visibility
// (own objects; a direct import's exported functions; methods, fields,
// types and constants further down), in both drivers.
func TestFacts(t *testing.T) {
	dir := t.TempDir()
	writeModule(t, dir, map[string]string{
		"go.mod": "module m\n\ngo 1.22\n",
		"a/a.go": "package a\n\nfunc Exported() {}\nfunc unexported() {}\n\ntype T struct{ F int }\n\nfunc (T) M() {}\n",
		"b/b.go": "package b\n\nimport \"m/a\"\n\nvar _ = a.Exported\n\nfunc B() a.T { return a.T{} }\n",
		"c/c.go": "package c\n\nimport \"m/b\"\n\nvar _ = b.B().F\n",
	})
	counter := &analysis.Analyzer{
		Name: "counter", Doc: "exports a fact per function and method; reports the facts it sees", FactTypes: []analysis.Fact{new(fact)},
		Run: func(pass *analysis.Pass) (any, error) {
			for _, f := range pass.Files {
				for _, d := range f.Decls {
					if fd, ok := d.(*ast.FuncDecl); ok {
						pass.ExportObjectFact(pass.TypesInfo.Defs[fd.Name], &fact{N: 1})
					}
				}
			}
			var seen []string
			for _, of := range pass.AllObjectFacts() {
				var f fact
				if !pass.ImportObjectFact(of.Object, &f) || f.N != 1 {
					t.Errorf("%s: AllObjectFacts lists %s, ImportObjectFact does not agree", pass.Pkg.Path(), of.Object)
				}
				seen = append(seen, of.Object.Pkg().Name()+"."+of.Object.Name())
			}
			slices.Sort(seen)
			pass.Reportf(pass.Files[0].Package, "%s", strings.Join(seen, " "))
			return nil, nil
		},
	}
	suite := []*analysis.Analyzer{counter}
	e, err := engine.New(suite)
	if err != nil {
		t.Fatal(err)
	}
	// One load for both: neither changes a package.
	pkgs := load(t, dir, "./...")
	r, err := e.Run(context.Background(), pkgs, engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	g, err := checker.Analyze(suite, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"m/a counter " + filepath.Join(dir, "a/a.go") + ":1:1 a.Exported a.M a.unexported",
		"m/b counter " + filepath.Join(dir, "b/b.go") + ":1:1 a.Exported a.M b.B",
		"m/c counter " + filepath.Join(dir, "c/c.go") + ":1:1 a.M b.B",
	}
	if got := fromEngine(r); !slices.Equal(got, want) {
		t.Errorf("engine:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if got := fromChecker(g); !slices.Equal(got, want) {
		t.Errorf("checker:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestPanic: an analyzer that panics fails its action with an error
// naming the panic, and what requires it fails as a prerequisite; the
// other packages are analyzed.
func TestPanic(t *testing.T) {
	dir := t.TempDir()
	writeModule(t, dir, map[string]string{
		"go.mod": "module m\n\ngo 1.22\n",
		"p/p.go": "package p\n",
		"q/q.go": "package q\n",
	})
	boom := &analysis.Analyzer{
		Name: "boom", Doc: "panics on package p", ResultType: reflect.TypeFor[int](),
		Run: func(pass *analysis.Pass) (any, error) {
			if pass.Pkg.Name() == "p" {
				var m map[string]int
				m["x"] = 1
			}
			return 0, nil
		},
	}
	after := &analysis.Analyzer{Name: "after", Doc: "requires boom", Requires: []*analysis.Analyzer{boom},
		Run: func(pass *analysis.Pass) (any, error) {
			pass.Reportf(pass.Files[0].Package, "ran")
			return nil, nil
		}}
	got := runModule(t, dir, after)
	if !strings.Contains(got, "m/p after error failed prerequisites: boom@m/p") || !strings.Contains(got, "m/q after "+filepath.Join(dir, "q/q.go")+":1:1 ran") {
		t.Errorf("got:\n%s", got)
	}
}

func writeModule(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestSameAsCheckerReleased is TestSameAsChecker's run with
// Options.Release, which drops the syntax and type information of
// dependencies as it goes: it takes the shared load for itself, and comes
// last in this file so that, in go test's order, no other test loads the
// example again.
func TestSameAsCheckerReleased(t *testing.T) {
	suite, want := sameAsChecker(t)
	sameAsCheckerRun(t, suite, want, takeExample(t), true)
}
