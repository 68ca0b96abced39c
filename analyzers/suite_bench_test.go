package analyzers_test

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/envvet/envvet/analyzers"
	"github.com/envvet/envvet/internal/cputime"
	"github.com/envvet/envvet/internal/engine"
)

// benchPackages are the packages BenchmarkSuite analyzes when
// ENVVET_BENCH_PKGS is unset: tailscale v1.92.0's cmd/derper (bench/lsp's
// edited package), a dozen leaves and a few large packages.
var benchPackages = []string{
	"tailscale.com/cmd/derper",
	"tailscale.com/envknob", "tailscale.com/types/key", "tailscale.com/util/dnsname",
	"tailscale.com/net/tsaddr", "tailscale.com/paths", "tailscale.com/version",
	"tailscale.com/hostinfo", "tailscale.com/syncs", "tailscale.com/util/mak",
	"tailscale.com/net/dnscache", "tailscale.com/logtail", "tailscale.com/health",
	"tailscale.com/ipn/ipnlocal", "tailscale.com/wgengine/magicsock",
	"tailscale.com/cmd/tailscale/cli", "tailscale.com/control/controlclient",
}

// BenchmarkSuite measures the suite's analysis of one package with every
// dependency's facts known, as an editor's run after an edit does: it
// loads ENVVET_BENCH_DIR's packages once (with their dependencies, no
// tests), analyzes them all once, then, per package, re-analyzes that
// package alone b.N times. It reports the process's CPU time per run
// (cpu-ns/op, user+sys) and each analyzer's wall time in its Run
// (<name>-ns/op; run with -cpu=1 for figures close to CPU). It is
// skipped unless ENVVET_BENCH_DIR is set; ENVVET_BENCH_PKGS lists the
// packages (comma-separated) when the module is not tailscale's, e.g.:
//
//	ENVVET_BENCH_DIR=/tmp/tailscale.com@v1.92.0 go test -run='^$' -bench=Suite -cpu=1 -count=5 ./analyzers
func BenchmarkSuite(b *testing.B) {
	dir := os.Getenv("ENVVET_BENCH_DIR")
	if dir == "" {
		b.Skip("ENVVET_BENCH_DIR is not set")
	}
	pkgs := benchPackages
	if s := os.Getenv("ENVVET_BENCH_PKGS"); s != "" {
		pkgs = strings.Split(s, ",")
	}
	cfg := &packages.Config{Mode: packages.LoadAllSyntax | packages.NeedModule, Dir: dir}
	initial, err := packages.Load(cfg, pkgs...)
	if err != nil {
		b.Fatal(err)
	}
	suite := analyzers.Suite(analyzers.Config{})
	times := timeRuns(b, suite)
	e, err := engine.New(suite)
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	if _, err := e.Run(ctx, initial, engine.Options{}); err != nil {
		b.Fatal(err)
	}
	for _, p := range initial {
		b.Run(strings.TrimPrefix(p.PkgPath, "tailscale.com/"), func(b *testing.B) {
			roots := []*packages.Package{p}
			// The previous package's run forgot the facts of the
			// packages outside its graph: analyze them again first.
			if _, err := e.Run(ctx, roots, engine.Options{Reuse: true}); err != nil {
				b.Fatal(err)
			}
			times.reset()
			awaitGo(b)
			// The label tells the timed runs apart in a CPU profile:
			// go tool pprof -tagfocus=envvet.bench=cmd/derper (an
			// analyzer's samples carry their package's label in every
			// run, the untimed ones' too).
			labels := pprof.Labels("envvet.bench", p.PkgPath)
			var cpu time.Duration
			analyzed := 0
			pprof.Do(ctx, labels, func(ctx context.Context) {
				for b.Loop() {
					start, _ := cputime.Process()
					res, err := e.Run(ctx, roots, engine.Options{Reuse: true})
					if err != nil {
						b.Fatal(err)
					}
					end, _ := cputime.Process()
					cpu += end - start
					analyzed += res.Analyzed
				}
			})
			b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
			// 1 unless a dependency's facts are incomplete (an analyzer
			// with facts failed on it): then it is analyzed every run.
			b.ReportMetric(float64(analyzed)/float64(b.N), "pkgs/op")
			times.report(b)
		})
	}
}

// runTimes sums each analyzer's Run time by name.
type runTimes struct {
	mu sync.Mutex
	ns map[string]time.Duration
}

func (t *runTimes) reset() {
	t.mu.Lock()
	t.ns = make(map[string]time.Duration)
	t.mu.Unlock()
}

func (t *runTimes) report(b *testing.B) {
	t.mu.Lock()
	defer t.mu.Unlock()
	names := make([]string, 0, len(t.ns))
	for name := range t.ns {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		b.ReportMetric(float64(t.ns[name].Nanoseconds())/float64(b.N), name+"-ns/op")
	}
}

// timeRuns wraps the Run of every analyzer that suite needs, restoring
// them when b ends.
func timeRuns(b *testing.B, suite []*analysis.Analyzer) *runTimes {
	t := &runTimes{ns: make(map[string]time.Duration)}
	seen := make(map[*analysis.Analyzer]bool)
	var wrap func(a *analysis.Analyzer)
	wrap = func(a *analysis.Analyzer) {
		if seen[a] {
			return
		}
		seen[a] = true
		for _, req := range a.Requires {
			wrap(req)
		}
		run := a.Run
		b.Cleanup(func() { a.Run = run })
		a.Run = func(pass *analysis.Pass) (res any, err error) {
			start := time.Now()
			// The analyzer's name labels its samples: -tagfocus=envvet.analyzer=ctxgo.
			labels := pprof.Labels("envvet.bench", pass.Pkg.Path(), "envvet.analyzer", a.Name)
			pprof.Do(context.Background(), labels, func(context.Context) { res, err = run(pass) })
			d := time.Since(start)
			t.mu.Lock()
			t.ns[a.Name] += d
			t.mu.Unlock()
			return res, err
		}
	}
	for _, a := range suite {
		wrap(a)
	}
	return t
}

// awaitGo lets a tool measure the timed runs alone: when
// ENVVET_BENCH_SYNC names a directory, it creates the file "ready" there
// and waits (up to an hour) for a file "go", which it then removes; the
// tool starts measuring in between, e.g. callgrind started with
// --instr-atstart=no and `callgrind_control -i on`. The timed runs then
// run without the collector (after one collection): whether a cycle over
// the loaded program's heap falls among them or not would move an
// instruction count by more than a run costs.
func awaitGo(b *testing.B) {
	dir := os.Getenv("ENVVET_BENCH_SYNC")
	if dir == "" {
		return
	}
	runtime.GC()
	gc := debug.SetGCPercent(-1)
	b.Cleanup(func() { debug.SetGCPercent(gc) })
	if err := os.WriteFile(filepath.Join(dir, "ready"), nil, 0o644); err != nil {
		b.Fatal(err)
	}
	for deadline := time.Now().Add(time.Hour); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if err := os.Remove(filepath.Join(dir, "go")); err == nil {
			return
		}
	}
	b.Fatal("ENVVET_BENCH_SYNC: no go file within an hour")
}
