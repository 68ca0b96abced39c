package engine_test

import (
	"context"
	"errors"
	"go/types"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/envvet/envvet/analyzers"
	"github.com/envvet/envvet/internal/engine"
	"github.com/envvet/envvet/internal/typecheck"
)

// twoEngines returns two engines of suite: one that carries a run over
// where it may, and one that never does.
func twoEngines(t *testing.T, suite []*analysis.Analyzer) (carried, built *engine.Engine) {
	t.Helper()
	carried, err := engine.New(suite)
	if err != nil {
		t.Fatal(err)
	}
	if built, err = engine.New(suite); err != nil {
		t.Fatal(err)
	}
	engine.NoCarry(built)
	return carried, built
}

// runBoth runs roots on the two engines of twoEngines, carried first.
func runBoth(t *testing.T, carried, built *engine.Engine, roots []*packages.Package, opts engine.Options) (a, b *engine.Result) {
	t.Helper()
	a, err := carried.Run(context.Background(), roots, opts)
	if err != nil {
		t.Fatal(err)
	}
	if b, err = built.Run(context.Background(), roots, opts); err != nil {
		t.Fatal(err)
	}
	return a, b
}

// sameCounts reports whether two runs analyzed, reused and failed on as
// many packages.
func sameCounts(a, b *engine.Result) bool {
	return a.Analyzed == b.Analyzed && a.Reused == b.Reused && len(a.Failed) == len(b.Failed)
}

// recheck returns a copy of p type-checked again from its syntax against
// imports (by path; p's own where missing), as the editor does after an
// edit: a new *packages.Package with a new *types.Package.
func recheck(t *testing.T, p *packages.Package, imports map[string]*packages.Package) *packages.Package {
	t.Helper()
	q := *p
	q.Imports = make(map[string]*packages.Package, len(p.Imports))
	for path, imp := range p.Imports {
		q.Imports[path] = imp
		if c, ok := imports[imp.ID]; ok {
			q.Imports[path] = c
		}
	}
	q.Types = types.NewPackage(p.PkgPath, p.Name)
	q.TypesInfo = typecheck.NewInfo(nil)
	cfg := typecheck.Config(&q, q.Imports, func(err error) { t.Fatalf("%s: %v", p.ID, err) })
	if err := types.NewChecker(cfg, p.Fset, q.Types, q.TypesInfo).Files(q.Syntax); err != nil {
		t.Fatal(err)
	}
	return &q
}

// An edit is one step of an editor's session: the roots of the run after
// the packages with these IDs are type-checked again (each against the
// new versions of the others, in the order given), except those in keep,
// which go on importing the older versions.
type edit struct {
	name   string
	ids    []string
	keep   []string // importers kept with an older import: two versions of a package
	forget string   // a package whose facts are forgotten before the run
	carry  bool     // the run is carried over from the last one
}

// TestCarryOverSameAsBuilt: an editor's session over the example, each
// run carried over from the last one where it may be, gives the same
// results, counts and failures as the same session whose every run
// builds its graph, and carries over exactly the runs that may be.
func TestCarryOverSameAsBuilt(t *testing.T) {
	suite := analyzers.Suite(analyzers.Config{})
	carried, built := twoEngines(t, suite)
	roots := slices.Clone(loadExample(t))
	const (
		shop   = "example.com/shop/cmd/shop"
		server = "example.com/shop/internal/server"
		config = "example.com/shop/internal/config"
	)
	edits := []edit{
		{name: "first run", carry: false},
		{name: "same roots", carry: true},
		{name: "main package edited", ids: []string{shop}, carry: true},
		{name: "again", ids: []string{shop}, carry: true},
		{name: "imported package and its importers", ids: []string{server, shop}, carry: true},
		{name: "an importer kept with the older version", ids: []string{server}, keep: []string{shop}, carry: false},
		{name: "back to one version", ids: []string{shop}, carry: false},
		{name: "after one version again", ids: []string{shop}, carry: true},
		{name: "facts forgotten", forget: config, carry: false},
		{name: "after the forgotten run", ids: []string{config, server, shop}, carry: true},
	}
	for i, ed := range edits {
		before := roots
		roots = applyEdit(t, roots, ed)
		if ed.forget != "" {
			for _, p := range roots {
				packages.Visit([]*packages.Package{p}, nil, func(q *packages.Package) {
					if q.ID == ed.forget {
						carried.Forget(q.Types)
						built.Forget(q.Types)
					}
				})
			}
		}
		cached := func(p *packages.Package) bool { return !slices.Contains(ed.ids, p.ID) && i > 0 }
		opts := engine.Options{Reuse: true, Cached: cached}
		a, b := runBoth(t, carried, built, roots, opts)
		if got := engine.Carried(carried); got != ed.carry {
			t.Errorf("%s: carried over %v, want %v", ed.name, got, ed.carry)
		}
		if ra, rb := render(a), render(b); ra != rb || !sameCounts(a, b) {
			t.Errorf("%s: carried run analyzed %d, reused %d, %d failed:\n%s\nbuilt: %d, %d, %d failed:\n%s",
				ed.name, a.Analyzed, a.Reused, len(a.Failed), ra, b.Analyzed, b.Reused, len(b.Failed), rb)
		}
		for _, p := range roots {
			if !slices.Contains(ed.ids, p.ID) {
				continue
			}
			ca, sa := engine.Memos(carried, p)
			cb, sb := engine.Memos(built, p)
			if !slices.Equal(ca, cb) || !slices.Equal(sa, sb) || len(ca) == 0 || len(sa) == 0 {
				t.Errorf("%s: %s's closure and fact sources: carried\n%v\n%v\nbuilt\n%v\n%v", ed.name, p.ID, ca, sa, cb, sb)
			}
		}
		for k, p := range before {
			if roots[k] != p && len(ed.keep) == 0 { // a kept importer keeps the older version in the graph
				if _, _, _, ok := carried.Facts(p.Types); ok {
					t.Errorf("%s: the facts of the older %s are kept", ed.name, p.ID)
				}
			}
		}
		if i == 0 && !strings.Contains(render(a), "envkeys") {
			t.Fatal("no envkeys finding in the example: the test proves nothing")
		}
	}
}

// applyEdit returns roots after ed: the packages of ed.ids type-checked
// again in order, each against the current roots (those before it in
// ed.ids in their new versions), and every root importing them replaced
// too unless it is in ed.keep.
func applyEdit(t *testing.T, roots []*packages.Package, ed edit) []*packages.Package {
	t.Helper()
	newer := make(map[string]*packages.Package)
	current := make(map[string]*packages.Package)
	for _, p := range roots {
		current[p.ID] = p
	}
	for _, id := range ed.ids {
		p, ok := current[id]
		if !ok {
			t.Fatalf("no root %s", id)
		}
		newer[id] = recheck(t, p, current)
		current[id] = newer[id]
	}
	out := make([]*packages.Package, len(roots))
	for i, p := range roots {
		out[i] = p
		if c, ok := newer[p.ID]; ok {
			out[i] = c
		} else if !slices.Contains(ed.keep, p.ID) && importsAny(p, newer) {
			t.Fatalf("%s: root %s imports an edited package; list it in ids or keep", ed.name, p.ID)
		}
	}
	return out
}

func importsAny(p *packages.Package, newer map[string]*packages.Package) bool {
	for _, imp := range p.Imports {
		if _, ok := newer[imp.ID]; ok {
			return true
		}
	}
	return false
}

// failsOn is an analyzer with a fact that fails on the package path; a
// package with incomplete facts is analyzed again by every run.
func failsOn(path string) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:      "failson",
		Doc:       "fails on one package",
		FactTypes: []analysis.Fact{new(fact)},
		Run: func(pass *analysis.Pass) (any, error) {
			if pass.Pkg.Path() == path {
				return nil, errors.New("failed on purpose")
			}
			return nil, nil
		},
	}
}

// TestCarryOverIncompleteFacts: a dependency whose fact analyzer failed
// is analyzed again by the next run, carried over or not, and its failure
// reported again.
func TestCarryOverIncompleteFacts(t *testing.T) {
	const envutil, shop = "example.com/shop/internal/envutil", "example.com/shop/cmd/shop"
	suite := []*analysis.Analyzer{failsOn(envutil)}
	carried, built := twoEngines(t, suite)
	roots := loadExample(t, shop)
	for i := range 3 {
		if i > 0 {
			roots = applyEdit(t, roots, edit{name: "edit", ids: []string{shop}})
		}
		opts := engine.Options{Reuse: true}
		a, b := runBoth(t, carried, built, roots, opts)
		if engine.Carried(carried) {
			t.Errorf("run %d carried over a graph with incomplete facts", i)
		}
		if len(a.Failed) == 0 || !sameCounts(a, b) {
			t.Errorf("run %d: carried analyzed %d, reused %d, %d failed; built %d, %d, %d failed (want the failure each run)",
				i, a.Analyzed, a.Reused, len(a.Failed), b.Analyzed, b.Reused, len(b.Failed))
		}
	}
}
