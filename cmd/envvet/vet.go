package main

import (
	"encoding/json"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/envvet/envvet/analyzers"
)

// vetSuite returns the suite for the multichecker. Under go vet, a
// package outside the named ones (a dependency) is analyzed only for its
// facts: its .cfg says VetxOnly, and the unitchecker drops its
// diagnostics. It still runs every check that requires a fact-exporting
// analyzer, diagnostics and all. For such a package, vetSuite turns the
// checks that export no facts into no-ops that keep only their
// fact-exporting prerequisites, so the process exports the same facts and
// spends nothing on findings nobody reads. Their flags stay, so go vet's
// command line parses the same.
func vetSuite(args []string) []*analysis.Analyzer {
	if isUnit(args) {
		// A go vet process writes no profile: the unitchecker ignores
		// -memprofile. envvet links runtime/pprof (for its other modes),
		// so the runtime would sample allocations, each sample a stack
		// walk; a unitchecker that does not link it samples none.
		runtime.MemProfileRate = 0
		startHeap(vetHeap)
	}
	suite := analyzers.Suite(analyzers.Config{})
	if !vetxOnly(args) {
		return suite
	}
	for _, a := range suite {
		if len(a.FactTypes) == 0 {
			a.Requires = factRequires(a.Requires)
			a.Run = func(*analysis.Pass) (any, error) { return nil, nil }
		}
	}
	return suite
}

// factRequires returns the analyzers of reqs that export facts or
// require, transitively, one that does.
func factRequires(reqs []*analysis.Analyzer) []*analysis.Analyzer {
	var out []*analysis.Analyzer
	for _, r := range reqs {
		if usesFacts(r, make(map[*analysis.Analyzer]bool)) {
			out = append(out, r)
		}
	}
	return out
}

// usesFacts reports whether a or one of its prerequisites declares a fact
// type, the test by which the unitchecker keeps an analyzer in a
// facts-only run.
func usesFacts(a *analysis.Analyzer, seen map[*analysis.Analyzer]bool) bool {
	if seen[a] {
		return false
	}
	seen[a] = true
	if len(a.FactTypes) > 0 {
		return true
	}
	for _, r := range a.Requires {
		if usesFacts(r, seen) {
			return true
		}
	}
	return false
}

// vetxOnly reports whether the command line is go vet's for a package it
// analyzes only for facts: its last argument is a .cfg file that says so.
// Any doubt (no such file, not JSON) answers false: the whole suite runs,
// and the unitchecker reports the problem.
func vetxOnly(args []string) bool {
	if !isUnit(args) {
		return false
	}
	data, err := os.ReadFile(args[len(args)-1])
	if err != nil {
		return false
	}
	var cfg struct{ VetxOnly bool }
	return json.Unmarshal(data, &cfg) == nil && cfg.VetxOnly
}

// isUnit reports whether the command line is go vet's for one package:
// its last argument is a .cfg file.
func isUnit(args []string) bool {
	return len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg")
}

// vetHeap is the heap a go vet process grows to before its first garbage
// collection: most packages are analyzed within it, with no collection.
// 128 MB and not 64: on go vet's configs of goose v3.29.0 and
// golang.org/x/tools v0.52.0 the packages allocating between the two
// collected once for nothing (bench/README.md, "go vet mode: the first
// collection"). A go vet run on N cores holds at most N such heaps at
// once. A standalone run does not start so: it analyzes a whole program
// at once, and on goose v3.29.0 its peak RSS was 2305-2347 MB with this
// first cycle against 2137-2209 MB without, CPU alike (bench/README.md,
// "the standalone peak memory").
const vetHeap = 128 << 20

// standaloneGC is the collector's pacing of a standalone run, GOGC=200: the
// heap may grow to three times what is live, not twice, before a
// collection. The driver's streamed load keeps little alive (the program's
// types and the packages under analysis: golang.org/x/tools 430-455 MB of
// peak RSS, the floor 793-802), so each collection finds mostly garbage
// and the default pacing collects that small heap often. With 200, on
// golang.org/x/tools v0.52.0 CPU 5.54 and 4.81 s against 6.45 and 5.85 at
// 100 (the floor, the x/tools checker with a no-op fact: 6.25, 5.55) and
// peak RSS 530-576 MB; on goose v3.29.0 CPU 13.0 and 13.9 s against 15.2
// and 17.5 (floor 15.6, 16.3), RSS 1101-1224 MB (floor 2027-2062):
// bench/README.md, "A streamed load". A GOGC or GOMEMLIMIT in the
// environment is the user's choice, and left alone.
const standaloneGC = 200

// paceStandalone sets standaloneGC unless the environment sets the
// collector's pacing.
func paceStandalone() {
	if userPaced() {
		return
	}
	debug.SetGCPercent(standaloneGC)
}

// startHeap lets the heap grow to size before the first garbage collection,
// then restores the default pacing (GOGC=100), as cmd/compile does for its
// own short-lived processes: go vet starts one process per package, and
// with the default 4 MB start most of them collect several times a heap
// that is about to be thrown away. Like cmd/compile it raises GOGC for
// the first cycle rather than setting a memory limit: under a limit the
// runtime gives pages back to the system as the heap nears it, and the
// process faults them in again (replayed on goose: 10% more page faults
// a process, mean RSS 25 MB against 31). A GOGC or GOMEMLIMIT in the
// environment is the user's choice, and left alone.
func startHeap(size uint64) {
	if userPaced() {
		return
	}
	goal := []metrics.Sample{{Name: "/gc/heap/goal:bytes"}}
	metrics.Read(goal)
	if goal[0].Value.Kind() != metrics.KindUint64 || goal[0].Value.Uint64() == 0 || goal[0].Value.Uint64() >= size {
		return
	}
	debug.SetGCPercent(int(100 * size / goal[0].Value.Uint64()))
	type sentinel [32]byte // not tiny-allocated: its finalizer runs after the first collection
	runtime.SetFinalizer(new(sentinel), func(*sentinel) { debug.SetGCPercent(100) })
}

// userPaced reports whether the environment sets the collector's pacing
// (GOGC or GOMEMLIMIT): the user's choice, which envvet leaves alone.
func userPaced() bool {
	return os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != ""
}
