package engine_test

import (
	"context"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/envvet/envvet/internal/engine"
)

// TestPrepared: a result Options.Prepared gives for an analyzer without
// facts takes the place of its run, is marked as a root's and is checked
// against the analyzer's ResultType; an analyzer with facts always runs.
func TestPrepared(t *testing.T) {
	var runs atomic.Int32
	mark := &analysis.Analyzer{
		Name: "mark",
		Doc:  "mark",
		Run: func(pass *analysis.Pass) (any, error) {
			runs.Add(1)
			return &marker{pkg: pass.Pkg.Path()}, nil
		},
		ResultType: reflect.TypeFor[*marker](),
	}
	var got *marker
	use := &analysis.Analyzer{
		Name:     "use",
		Doc:      "use",
		Requires: []*analysis.Analyzer{mark},
		Run: func(pass *analysis.Pass) (any, error) {
			got = pass.ResultOf[mark].(*marker)
			return nil, nil
		},
	}
	e, err := engine.New([]*analysis.Analyzer{use})
	if err != nil {
		t.Fatal(err)
	}
	roots := loadExample(t, "example.com/shop/internal/server")
	mine := &marker{pkg: "prepared"}
	prepare := func(result any) engine.Options {
		return engine.Options{Prepared: func(p *packages.Package, a *analysis.Analyzer) (any, bool) {
			return result, a == mark && p == roots[0]
		}}
	}
	if _, err := e.Run(context.Background(), roots, prepare(mine)); err != nil {
		t.Fatal(err)
	}
	if got != mine || runs.Load() != 0 {
		t.Errorf("use saw %+v, mark ran %d times; want the prepared result and no run", got, runs.Load())
	}
	if !mine.marked {
		t.Error("the prepared result of a root was not marked as a root's")
	}

	// A result of another type than ResultType fails the action, as a
	// run returning it would.
	r, err := e.Run(context.Background(), roots, prepare("not a marker"))
	if err != nil {
		t.Fatal(err)
	}
	if act := r.Roots[0]; act.Err == nil || !strings.Contains(act.Err.Error(), "mark") {
		t.Errorf("use's action after a mistyped prepared result: error %v, want one naming mark", act.Err)
	}

	// Without Prepared the analyzer runs.
	if _, err := e.Run(context.Background(), roots, engine.Options{}); err != nil {
		t.Fatal(err)
	}
	if runs.Load() != 1 || got == mine || got.pkg != roots[0].PkgPath {
		t.Errorf("without Prepared: mark ran %d times, use saw %+v", runs.Load(), got)
	}
}

// TestPreparedNotForFacts: an analyzer with facts runs even when
// Options.Prepared has a result for it: its facts would be missing.
func TestPreparedNotForFacts(t *testing.T) {
	var runs atomic.Int32
	facts := &analysis.Analyzer{
		Name: "facts",
		Doc:  "facts",
		Run: func(pass *analysis.Pass) (any, error) {
			if pass.Pkg.Path() == "example.com/shop/internal/server" {
				runs.Add(1)
			}
			return nil, nil
		},
		FactTypes: []analysis.Fact{new(useFact)},
	}
	e, err := engine.New([]*analysis.Analyzer{facts})
	if err != nil {
		t.Fatal(err)
	}
	roots := loadExample(t, "example.com/shop/internal/server")
	opts := engine.Options{Prepared: func(*packages.Package, *analysis.Analyzer) (any, bool) { return nil, true }}
	if _, err := e.Run(context.Background(), roots, opts); err != nil {
		t.Fatal(err)
	}
	if runs.Load() != 1 {
		t.Errorf("the analyzer with facts ran %d times on the root, want 1", runs.Load())
	}
}

// TestTypeCheck: Options.TypeCheck is called once for every package the
// run analyzes, after its imports' analyzers have run and before its own.
func TestTypeCheck(t *testing.T) {
	var mu sync.Mutex
	var events []string // "check ID", "run ID"
	record := func(s string) {
		mu.Lock()
		events = append(events, s)
		mu.Unlock()
	}
	facts := &analysis.Analyzer{
		Name: "facts",
		Doc:  "facts",
		Run: func(pass *analysis.Pass) (any, error) {
			record("run " + pass.Pkg.Path())
			return nil, nil
		},
		FactTypes: []analysis.Fact{new(useFact)}, // runs on dependencies too
	}
	e, err := engine.New([]*analysis.Analyzer{facts})
	if err != nil {
		t.Fatal(err)
	}
	roots := loadExample(t, "example.com/shop/internal/server")
	opts := engine.Options{TypeCheck: func(p *packages.Package) { record("check " + p.PkgPath) }}
	if _, err := e.Run(context.Background(), roots, opts); err != nil {
		t.Fatal(err)
	}
	at := make(map[string]int)
	for i, ev := range events {
		if _, dup := at[ev]; dup {
			t.Errorf("%s twice", ev)
		}
		at[ev] = i
	}
	checked := 0
	packages.Visit(roots, nil, func(p *packages.Package) {
		check, ok := at["check "+p.PkgPath]
		if !ok {
			t.Errorf("%s analyzed without TypeCheck", p.PkgPath)
			return
		}
		checked++
		if run, ok := at["run "+p.PkgPath]; !ok || run < check {
			t.Errorf("%s: its analyzer ran at %d, TypeCheck was called at %d", p.PkgPath, run, check)
		}
		for _, imp := range p.Imports {
			if run, ok := at["run "+imp.PkgPath]; ok && run > check {
				t.Errorf("%s type-checked before its import %s was analyzed", p.PkgPath, imp.PkgPath)
			}
		}
	})
	if checked < 10 {
		t.Errorf("%d packages type-checked: the test proves little", checked)
	}
}
