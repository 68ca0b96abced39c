package lazyinspect_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"reflect"
	"slices"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/envvet/envvet/internal/lazyinspect"
	"github.com/envvet/envvet/internal/rulestest"
)

const src = `package p

import "os"

type T struct{ A, B int }

func f(x int) int {
	if x > 0 {
		return g(os.Getenv("K"), func() int { return x })
	}
	for i := range 3 {
		x += i
	}
	return x
}

func g(s string, h func() int) int { return len(s) + h() }
`

func parse(t *testing.T) []*ast.File {
	t.Helper()
	fset := token.NewFileSet()
	var files []*ast.File
	for _, name := range []string{"a.go", "b.go"} {
		f, err := parser.ParseFile(fset, name, src, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	return files
}

// events lists what in visits, in order, with push/pop.
func events(in *inspector.Inspector) []string {
	var out []string
	in.Nodes(nil, func(n ast.Node, push bool) bool {
		out = append(out, reflect.TypeOf(n).String()+map[bool]string{true: "+", false: "-"}[push])
		return true
	})
	return out
}

// TestSameAsNew checks that Get gives what inspector.New gives.
func TestSameAsNew(t *testing.T) {
	files := parse(t)
	l := lazyinspect.New(files)
	if l.Built() {
		t.Fatal("built before Get")
	}
	got, want := events(l.Get()), events(inspector.New(files))
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("lazy inspector visits\n%v\nwant\n%v", got, want)
	}
	if !l.Built() {
		t.Fatal("not built after Get")
	}
	if l.Root() != l.Get().Root() {
		t.Fatal("Root is not Get().Root()")
	}
	var calls []ast.Node
	for cur := range l.Get().Root().Preorder((*ast.CallExpr)(nil)) {
		calls = append(calls, cur.Node())
	}
	if len(calls) != 8 { // g(...), os.Getenv, len(s), h() per file
		t.Fatalf("found %d calls, want 8", len(calls))
	}
}

// TestConcurrentGet checks that concurrent first calls build one
// inspector and all see it (run with -race).
func TestConcurrentGet(t *testing.T) {
	l := lazyinspect.New(parse(t))
	const n = 16
	got := make([]*inspector.Inspector, n)
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := range n {
		wg.Go(func() {
			<-start
			in := l.Get()
			for range in.Root().Preorder((*ast.Ident)(nil)) {
			}
			got[i] = in
		})
	}
	close(start)
	wg.Wait()
	for i, in := range got {
		if in == nil || in != got[0] {
			t.Fatalf("Get #%d returned %p, want %p (one inspector)", i, in, got[0])
		}
	}
}

// TestAnalyzer checks that the analyzer's Run builds nothing and that
// analyzers requiring it share one result.
func TestAnalyzer(t *testing.T) {
	if err := analysis.Validate([]*analysis.Analyzer{lazyinspect.Analyzer}); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	seen := map[*lazyinspect.Inspector]int{}
	user := func(name string, get bool) *analysis.Analyzer {
		return &analysis.Analyzer{
			Name:     name,
			Doc:      "test user of lazyinspect",
			Requires: []*analysis.Analyzer{lazyinspect.Analyzer},
			Run: func(pass *analysis.Pass) (any, error) {
				l := pass.ResultOf[lazyinspect.Analyzer].(*lazyinspect.Inspector)
				if get {
					n := 0
					for range l.Get().Root().Preorder((*ast.FuncDecl)(nil)) {
						n++
					}
					if n != 2 {
						t.Errorf("%s: %d functions, want 2", pass.Pkg.Path(), n)
					}
				} else if l.Built() {
					t.Errorf("%s: inspector built without Get", pass.Pkg.Path())
				}
				mu.Lock()
				seen[l]++
				mu.Unlock()
				return nil, nil
			},
		}
	}
	// "idle" must run first to see an unbuilt inspector: it is the only
	// analyzer of its run. Both runs read one load of p (its os from
	// source under -race costs more than the runs); each makes its own
	// actions, so its own inspector.
	l := rulestest.NewLoad(analysistest.TestData(), nil, "p")
	rulestest.Check(t, l.Dir(), user("idle", false), l.Roots(t, "p"))
	rulestest.Check(t, l.Dir(), combined(user("one", true), user("two", true)), l.Roots(t, "p"))
	for l, n := range seen {
		if n != 1 && n != 2 {
			t.Errorf("inspector %p seen %d times", l, n)
		}
	}
	if len(seen) != 2 {
		t.Errorf("%d inspectors for two runs, want 2 (one shared per package)", len(seen))
	}
}

// combined returns an analyzer requiring both a and b.
func combined(a, b *analysis.Analyzer) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:     "both",
		Doc:      "requires two users",
		Requires: []*analysis.Analyzer{a, b},
		Run:      func(*analysis.Pass) (any, error) { return nil, nil },
	}
}

// TestPreorder checks that Preorder visits what inspector.Preorder visits,
// in the same order, with and without a type filter, before the inspector
// is built (without building it) and after.
func TestPreorder(t *testing.T) {
	files := parse(t)
	in := inspector.New(files)
	for _, types := range [][]ast.Node{
		nil,
		{(*ast.CallExpr)(nil)},
		{(*ast.BlockStmt)(nil), (*ast.FuncLit)(nil), (*ast.Ident)(nil)},
	} {
		var want []ast.Node
		in.Preorder(types, func(n ast.Node) { want = append(want, n) })
		if len(want) == 0 {
			t.Fatalf("types %v: inspector visits nothing", types)
		}
		l := lazyinspect.New(files)
		for _, built := range []bool{false, true} {
			var got []ast.Node
			l.Preorder(types, func(n ast.Node) { got = append(got, n) })
			if !slices.Equal(got, want) {
				t.Errorf("types %v, built %v: Preorder visits %d nodes, want %d in inspector order", types, built, len(got), len(want))
			}
			if l.Built() != built {
				t.Fatalf("types %v: Built() = %v after Preorder, want %v", types, l.Built(), built)
			}
			l.Get()
		}
	}
}
