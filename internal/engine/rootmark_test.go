package engine_test

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/envvet/envvet/analyzers/envgraph"
	"github.com/envvet/envvet/internal/engine"
	"github.com/envvet/envvet/internal/lazyinspect"
)

// marker is a result that records MarkRoot.
type marker struct {
	pkg    string
	marked bool
}

func (m *marker) MarkRoot() { m.marked = true }

// TestRootMarker: the engine calls MarkRoot on the results of root
// actions only, before the analyzers requiring them run.
func TestRootMarker(t *testing.T) {
	var mu sync.Mutex
	seen := make(map[string]bool) // package path -> marked when its dependent ran
	mark := &analysis.Analyzer{
		Name:       "mark",
		Doc:        "mark",
		Run:        func(pass *analysis.Pass) (any, error) { return &marker{pkg: pass.Pkg.Path()}, nil },
		ResultType: reflect.TypeFor[*marker](),
	}
	use := &analysis.Analyzer{
		Name:     "use",
		Doc:      "use",
		Requires: []*analysis.Analyzer{mark},
		Run: func(pass *analysis.Pass) (any, error) {
			m := pass.ResultOf[mark].(*marker)
			mu.Lock()
			seen[m.pkg] = m.marked
			mu.Unlock()
			return nil, nil
		},
		FactTypes: []analysis.Fact{new(useFact)}, // runs on dependencies too
	}
	e, err := engine.New([]*analysis.Analyzer{use})
	if err != nil {
		t.Fatal(err)
	}
	roots := loadExample(t, "example.com/shop/internal/server")
	if _, err := e.Run(context.Background(), roots, engine.Options{}); err != nil {
		t.Fatal(err)
	}
	if !seen["example.com/shop/internal/server"] {
		t.Error("the root's result was not marked before its dependent ran")
	}
	deps := 0
	for p, marked := range seen {
		if p != "example.com/shop/internal/server" {
			deps++
			if marked {
				t.Errorf("dependency %s marked as a root", p)
			}
		}
	}
	if deps == 0 {
		t.Error("no dependency analyzed: the test proves nothing")
	}
}

type useFact struct{}

func (*useFact) AFact() {}

// TestEnvgraphInspectorSameAsWalk: envgraph's index traverses the
// package's inspector where one is built or will be (a root importing
// context or net/http), and walks the files otherwise: on envgraph's
// test packages, its Graph is the same either way. The engine's run
// builds every inspector first (an analyzer envgraph requires calls Get);
// the checker's builds none.
func TestEnvgraphInspectorSameAsWalk(t *testing.T) {
	src, err := filepath.Abs("../../analyzers/envgraph/testdata")
	if err != nil {
		t.Fatal(err)
	}
	cfg := &packages.Config{
		Mode: packages.LoadAllSyntax,
		Dir:  filepath.Join(src, "src"),
		Env:  append(os.Environ(), "GOPATH="+src, "GO111MODULE=off", "GOFLAGS="),
	}
	pkgs, err := packages.Load(cfg, "direct", "envutil", "expand", "helpers", "keylists", "keys", "mainprog",
		"tags", "typehelp", "types", "urfave1", "usesenv", "valuehelp", "valuesets", "viperuse", "goosecmd")
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatal("packages have errors")
	}
	g, err := checker.Analyze([]*analysis.Analyzer{envgraph.Analyzer}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := make(map[*packages.Package]any)
	for _, act := range g.Roots {
		want[act.Package] = act.Result
	}
	build := &analysis.Analyzer{
		Name:     "build",
		Doc:      "build",
		Requires: []*analysis.Analyzer{lazyinspect.Analyzer},
		Run: func(pass *analysis.Pass) (any, error) {
			pass.ResultOf[lazyinspect.Analyzer].(*lazyinspect.Inspector).Get()
			return nil, nil
		},
	}
	eg := *envgraph.Analyzer
	eg.Requires = append(slices.Clone(eg.Requires), build)
	e, err := engine.New([]*analysis.Analyzer{&eg})
	if err != nil {
		t.Fatal(err)
	}
	r, err := e.Run(context.Background(), pkgs, engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	refs := 0
	for _, act := range r.Roots {
		got, ok := act.Result.(*envgraph.Graph)
		if !ok || act.Err != nil {
			t.Fatalf("%s: result %T, error %v", act, act.Result, act.Err)
		}
		if !reflect.DeepEqual(got, want[act.Package]) {
			t.Errorf("%s: the graph from the inspector differs from the walk's", act)
		}
		refs += len(got.Refs())
	}
	if refs == 0 {
		t.Error("no reference: the test proves nothing")
	}
}
