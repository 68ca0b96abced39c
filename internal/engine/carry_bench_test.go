package engine

import (
	"context"
	"go/types"
	"os"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/packages"

	"github.com/envvet/envvet/internal/typecheck"
)

// fileCount is an analyzer with a package fact, so that the engine runs
// it on every dependency and a run's graph has them all.
var fileCount = &analysis.Analyzer{
	Name:      "filecount",
	Doc:       "counts files",
	Requires:  []*analysis.Analyzer{inspect.Analyzer},
	FactTypes: []analysis.Fact{new(countFact)},
	Run: func(pass *analysis.Pass) (any, error) {
		pass.ExportPackageFact(&countFact{n: len(pass.Files)})
		return nil, nil
	},
}

type countFact struct{ n int }

func (*countFact) AFact() {}

// BenchmarkEditGraph measures what a run after an edit spends before its
// analyzers start (graph-ns/op; ns/op includes making the new package): the graph and the plan of a program whose edited root
// (ENVVET_BENCH_PKG, tailscale's cmd/derper by default, in the module at
// ENVVET_BENCH_DIR) is a new package each time, every other package
// reused: carried over from the last run (carryOver) and built
// (newGraph, planReuse). Skipped unless ENVVET_BENCH_DIR is set:
//
//	ENVVET_BENCH_DIR=/tmp/tailscale.com@v1.92.0 go test -run='^$' -bench=EditGraph -cpu=1 ./internal/engine
func BenchmarkEditGraph(b *testing.B) {
	dir := os.Getenv("ENVVET_BENCH_DIR")
	if dir == "" {
		b.Skip("ENVVET_BENCH_DIR is not set")
	}
	pkg := os.Getenv("ENVVET_BENCH_PKG")
	if pkg == "" {
		pkg = "tailscale.com/cmd/derper"
	}
	pkgs, err := packages.Load(&packages.Config{Mode: packages.LoadAllSyntax | packages.NeedModule, Dir: dir}, pkg)
	if err != nil || len(pkgs) != 1 {
		b.Fatal(err, len(pkgs))
	}
	root := pkgs[0]
	for _, carry := range []bool{true, false} {
		name := map[bool]string{true: "carried", false: "built"}[carry]
		b.Run(name, func(b *testing.B) {
			e, err := New([]*analysis.Analyzer{fileCount})
			if err != nil {
				b.Fatal(err)
			}
			e.noCarry = !carry
			opts := Options{Reuse: true}
			if _, err := e.Run(context.Background(), []*packages.Package{root}, opts); err != nil {
				b.Fatal(err)
			}
			nodes := 0
			var took time.Duration
			for b.Loop() {
				q := *root
				q.Types = types.NewPackage(root.PkgPath, root.Name)
				q.TypesInfo = typecheck.NewInfo(root.TypesInfo)
				roots := []*packages.Package{&q}
				start := time.Now()
				g, todo, ok := e.carryOver(roots, opts)
				if !ok {
					e.last = nil
					g = e.newGraph(roots)
					e.planReuse(g.all, opts)
					todo = g.all
				}
				took += time.Since(start)
				nodes = len(g.all)
				// What the analysis leaves for the next run.
				for _, n := range todo {
					n.done = e.closed
					if !n.skip {
						n.acts = map[*analysis.Analyzer]*Action{}
						e.facts[n.pkg.Types].complete = true
					}
				}
				if !ok {
					e.recordRun(g, roots)
				}
			}
			b.ReportMetric(float64(took.Nanoseconds())/float64(b.N), "graph-ns/op")
			b.ReportMetric(float64(nodes), "nodes")
		})
	}
}
