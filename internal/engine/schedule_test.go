package engine_test

import (
	"context"
	"fmt"
	"go/ast"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/envvet/envvet/internal/engine"
)

// atLeastTwoProcs makes the test's runs have two slots or more, so that a
// package's analyzers can run at once.
func atLeastTwoProcs(t *testing.T) {
	if n := runtime.GOMAXPROCS(0); n < 2 {
		runtime.GOMAXPROCS(2)
		t.Cleanup(func() { runtime.GOMAXPROCS(n) })
	}
}

// render is everything a run's root actions hand a driver, in the run's
// order: each action's error, result type and diagnostics as reported
// (position, end, category, message, related information, fixes).
func render(r *engine.Result) string {
	var b strings.Builder
	for _, act := range r.Roots {
		fmt.Fprintf(&b, "%s err=%v result=%T\n", act, act.Err, act.Result)
		for _, d := range act.Diagnostics {
			fset := act.Package.Fset
			fmt.Fprintf(&b, "\t%s-%v [%s] %s\n", fset.Position(d.Pos), d.End, d.Category, d.Message)
			for _, rel := range d.Related {
				fmt.Fprintf(&b, "\t\trelated %s %s\n", fset.Position(rel.Pos), rel.Message)
			}
			for _, fix := range d.SuggestedFixes {
				fmt.Fprintf(&b, "\t\tfix %s %d edits\n", fix.Message, len(fix.TextEdits))
			}
		}
	}
	return b.String()
}

// TestConcurrentSameAsSequential: envvet's suite and printf on the
// example, every package analyzed (a standalone run) and then an
// editor's run of one package (the others' facts reused, so its
// analyzers have the run's slots to themselves), by default and with
// Options.Sequential: the root actions' errors, results and diagnostics
// are the same, in the same order, and the same as the checker's.
func TestConcurrentSameAsSequential(t *testing.T) {
	atLeastTwoProcs(t)
	suite, want := sameAsChecker(t)
	pkgs := loadExample(t)
	var shop []*packages.Package
	for _, p := range pkgs {
		if p.PkgPath == "example.com/shop/cmd/shop" || p.PkgPath == "example.com/shop/internal/mail" {
			shop = append(shop, p)
		}
	}
	runs := func(concurrent bool) (all, edit string) {
		e, err := engine.New(suite)
		if err != nil {
			t.Fatal(err)
		}
		r, err := e.Run(context.Background(), pkgs, engine.Options{Reuse: true, Sequential: !concurrent})
		if err != nil {
			t.Fatal(err)
		}
		if got := fromEngine(r); !slices.Equal(got, want) {
			t.Errorf("concurrent=%v: engine and checker differ:\nengine:\n%s\nchecker:\n%s", concurrent, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		all = render(r)
		for range 3 {
			r, err = e.Run(context.Background(), shop, engine.Options{Reuse: true, Sequential: !concurrent})
			if err != nil {
				t.Fatal(err)
			}
			if r.Analyzed != len(shop) {
				t.Fatalf("the editor's run analyzed %d packages, want %d", r.Analyzed, len(shop))
			}
			if s := render(r); edit == "" {
				edit = s
			} else if s != edit {
				t.Errorf("concurrent=%v: two editor's runs differ:\n%s\nvs\n%s", concurrent, edit, s)
			}
		}
		return all, edit
	}
	seqAll, seqEdit := runs(false)
	conAll, conEdit := runs(true)
	if seqAll != conAll {
		t.Errorf("whole run: concurrent differs from sequential:\n%s\nvs\n%s", conAll, seqAll)
	}
	if seqEdit != conEdit {
		t.Errorf("editor's run: concurrent differs from sequential:\n%s\nvs\n%s", conEdit, seqEdit)
	}
	if !strings.Contains(seqEdit, "\t") {
		t.Error("no diagnostic in the editor's run: the test proves nothing")
	}
}

type seenFact struct{ By string }

func (*seenFact) AFact() {}

type otherFact struct{ By string }

func (*otherFact) AFact() {}

// TestConcurrentSchedule: of four analyzers on one package, left and
// right require base, and top requires left and right. By default, left
// and right run at once (each waits, up to a minute, for the other to
// start), export facts on the package's objects and read their own back
// while the other writes (the race detector checks the store's lock),
// after base and before top, which sees both results; with
// Options.Sequential, they run one after the other, in the engine's
// order.
func TestConcurrentSchedule(t *testing.T) {
	atLeastTwoProcs(t)
	dir := t.TempDir()
	writeModule(t, dir, map[string]string{
		"go.mod": "module m\n\ngo 1.22\n",
		"p/p.go": "package p\n\nfunc A() {}\nfunc B() {}\nfunc C() {}\n",
	})
	pkgs := load(t, dir, "./p")
	for _, concurrent := range []bool{false, true} {
		var events []string
		var mu sync.Mutex
		log := func(s string) { mu.Lock(); events = append(events, s); mu.Unlock() }
		var running atomic.Int32
		overlapped := make(chan struct{})
		base := &analysis.Analyzer{Name: "base", Doc: "runs first", ResultType: reflect.TypeFor[string](),
			Run: func(pass *analysis.Pass) (any, error) { log("base"); return "base", nil }}
		side := func(name string, fact analysis.Fact) *analysis.Analyzer {
			return &analysis.Analyzer{Name: name, Doc: "exports a fact per function", Requires: []*analysis.Analyzer{base},
				ResultType: reflect.TypeFor[string](), FactTypes: []analysis.Fact{fact},
				Run: func(pass *analysis.Pass) (any, error) {
					log(name + " start " + pass.ResultOf[base].(string))
					if running.Add(1) == 2 {
						close(overlapped)
					}
					if concurrent {
						select {
						case <-overlapped:
						case <-time.After(time.Minute):
							t.Errorf("%s: the other side did not start while it ran", name)
						}
					}
					exportAll(pass, name, fact)
					running.Add(-1)
					log(name + " end")
					return name, nil
				}}
		}
		left, right := side("left", new(seenFact)), side("right", new(otherFact))
		top := &analysis.Analyzer{Name: "top", Doc: "requires both", Requires: []*analysis.Analyzer{left, right},
			Run: func(pass *analysis.Pass) (any, error) {
				log("top " + pass.ResultOf[left].(string) + " " + pass.ResultOf[right].(string))
				pass.Reportf(pass.Files[0].Package, "top")
				return nil, nil
			}}
		e, err := engine.New([]*analysis.Analyzer{top})
		if err != nil {
			t.Fatal(err)
		}
		r, err := e.Run(context.Background(), pkgs, engine.Options{Sequential: !concurrent})
		if err != nil {
			t.Fatal(err)
		}
		if got := render(r); !strings.Contains(got, "top@m/p err=<nil>") || !strings.Contains(got, "] top") || strings.Contains(got, "want") || strings.Contains(got, "read back") {
			t.Errorf("concurrent=%v: root actions:\n%s", concurrent, got)
		}
		got := strings.Join(events, ", ")
		if concurrent {
			// base first and top last; the sides' order is the schedule's.
			if events[0] != "base" || events[len(events)-1] != "top left right" || len(events) != 6 {
				t.Errorf("concurrent: events %s", got)
			}
		} else if want := "base, left start base, left end, right start base, right end, top left right"; got != want {
			t.Errorf("sequential: events %s, want %s", got, want)
		}
		objs, _, complete, ok := e.Facts(pkgs[0].Types)
		if len(objs) != 6 || !complete || !ok {
			t.Errorf("concurrent=%v: %d object facts, complete=%v ok=%v; want 6, true, true", concurrent, len(objs), complete, ok)
		}
	}
}

// exportAll exports a fact of fact's type (seenFact or otherFact) on each
// function of the package, reading each back, and checks that
// AllObjectFacts lists them all.
func exportAll(pass *analysis.Pass, by string, fact analysis.Fact) {
	n := 0
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok {
				continue
			}
			obj := pass.TypesInfo.Defs[fd.Name]
			switch fact.(type) {
			case *seenFact:
				pass.ExportObjectFact(obj, &seenFact{By: by})
				var back seenFact
				if !pass.ImportObjectFact(obj, &back) || back.By != by {
					pass.Reportf(fd.Pos(), "%s: fact of %s not read back", by, obj.Name())
				}
			case *otherFact:
				pass.ExportObjectFact(obj, &otherFact{By: by})
				var back otherFact
				if !pass.ImportObjectFact(obj, &back) || back.By != by {
					pass.Reportf(fd.Pos(), "%s: fact of %s not read back", by, obj.Name())
				}
			}
			n++
			if got := len(pass.AllObjectFacts()); got != n {
				pass.Reportf(fd.Pos(), "%s: AllObjectFacts lists %d facts, want %d", by, got, n)
			}
		}
	}
}
