// Command lsp measures envvet's editor latency (issue 21): it drives the
// real "envvet lsp" binary over stdio with LSP JSON-RPC (initialize,
// didOpen of one file, then one-line didChange edits of it) and times each
// edit from didChange to the publishDiagnostics of that file's new
// version, against the floor measured in the same run: parsing and
// type-checking the edited package alone, its dependencies already in
// memory (decoded once from export data, as an editor keeps them).
//
//	go run ./bench/lsp -envvet BIN -dir MODULE -file REL/PATH.go [-edits 20]
//
// bench/lsp/run runs it on the default corpus. Timing is wall clock and
// the server's CPU time per edit (the nanoseconds its threads ran, from
// /proc/PID/task/*/schedstat); the floor's CPU is this process's
// (getrusage) per type-check.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"time"
)

func main() {
	envvet := flag.String("envvet", "envvet", "the envvet binary")
	dir := flag.String("dir", ".", "the module's root directory")
	file := flag.String("file", "", "the Go file to edit, relative to -dir")
	edits := flag.Int("edits", 20, "number of didChange edits")
	debounce := flag.Duration("debounce", time.Millisecond, "the server's debounce delay (-debounce of envvet lsp): an edit that comes after a quiet spell this long is analyzed at once, as a single edit after 300ms without typing is with the server's default")
	cpuprofile := flag.String("cpuprofile", "", "write the server's CPU profile to this file")
	logfile := flag.String("logfile", "", "the server's -logfile")
	pause := flag.Duration("pause", 0, "the client's pause before each edit, after the previous edit's analysis ended (a user between two bursts of typing)")
	floorAt := flag.String("floor", "interleaved", "when the floor's samples are taken: interleaved (one after each edit's analysis ended, while the server is idle) or before (all of them before the server starts, as before 2026-12-07)")
	flag.Parse()
	if *file == "" || flag.NArg() > 0 || *floorAt != "interleaved" && *floorAt != "before" {
		flag.Usage()
		os.Exit(2)
	}
	root, err := filepath.Abs(*dir)
	if err != nil {
		fatal(err)
	}
	path := filepath.Join(root, filepath.FromSlash(*file))
	fl, err := newFloor(root, path)
	if err != nil {
		fatal(fmt.Errorf("floor: %v", err))
	}
	between := fl.sample // after each edit's analysis: the floor in the same state of the machine
	fl.at = "one after each edit's analysis, the server idle"
	if *floorAt == "before" {
		fl.at = "before the server started"
		for i := 1; i <= *edits; i++ {
			if err := fl.sample(i); err != nil {
				fatal(fmt.Errorf("floor: %v", err))
			}
		}
		between = func(int) error { return nil }
	}
	args := []string{"lsp", "-debounce=" + debounce.String()}
	if *cpuprofile != "" {
		args = append(args, "-cpuprofile="+*cpuprofile)
	}
	run, err := measureServer(*envvet, args, root, path, *edits, *logfile, *pause, between)
	if err != nil {
		fatal(fmt.Errorf("server: %v", err))
	}
	report(*file, fl, run, *debounce)
}

func fatal(err error) {
	fmt.Fprintf(os.Stderr, "bench/lsp: %v\n", err)
	os.Exit(1)
}

// A sample is one timed operation: wall clock and CPU time.
type sample struct{ wall, cpu time.Duration }

// quantile returns the q-quantile (nearest rank) of the samples' field f.
func quantile(s []sample, q float64, f func(sample) time.Duration) time.Duration {
	if len(s) == 0 {
		return 0
	}
	v := make([]time.Duration, len(s))
	for i, x := range s {
		v[i] = f(x)
	}
	slices.Sort(v)
	i := int(q*float64(len(v))+0.999999) - 1
	return v[max(0, min(i, len(v)-1))]
}

func wallOf(s sample) time.Duration { return s.wall }
func cpuOf(s sample) time.Duration  { return s.cpu }

func ms(d time.Duration) string { return fmt.Sprintf("%.1f", float64(d)/float64(time.Millisecond)) }

func ratio(a, b time.Duration) string {
	if b <= 0 {
		return "-"
	}
	return fmt.Sprintf("%.2f", float64(a)/float64(b))
}

// report prints the figures of one file's run.
func report(file string, fl *floor, run *serverRun, debounce time.Duration) {
	fmt.Printf("file %s: package %s, %d files, %d imports; server loaded %d packages to analyze\n",
		file, fl.pkgPath, fl.files, fl.imports, run.loaded)
	fmt.Printf("first diagnostics after didOpen: wall %s ms, server cpu %s ms, server peak rss %d MiB\n",
		ms(run.first.wall), ms(run.first.cpu), run.peakRSS>>20)
	fmt.Printf("floor, cold: go/packages load of the package alone (go list -export, deps from export data): wall %s ms\n", ms(fl.cold))
	fmt.Printf("%-40s %8s %8s %8s %8s\n", "ms", "wall_p50", "wall_p95", "cpu_p50", "cpu_p95")
	row := func(name string, s []sample) {
		fmt.Printf("%-40s %8s %8s %8s %8s\n", name,
			ms(quantile(s, 0.5, wallOf)), ms(quantile(s, 0.95, wallOf)),
			ms(quantile(s, 0.5, cpuOf)), ms(quantile(s, 0.95, cpuOf)))
	}
	row(fmt.Sprintf("didChange->publish (%d edits)", len(run.edits)), run.edits)
	row("didChange->analysis done", run.done)
	if run.logCPU {
		row("  publish, cpu as read by the client", run.client)
		fmt.Println("(cpu of an edit: the server's own, logged when it received the didChange, published the file first, and ended the analysis; wall: the client's)")
	}
	if len(run.server) > 0 {
		split := func(f func(serverSplit) time.Duration) []sample {
			out := make([]sample, len(run.server))
			for i, s := range run.server {
				out[i] = sample{wall: f(s), cpu: -1}
			}
			return out
		}
		wallRow := func(name string, s []sample) {
			fmt.Printf("%-40s %8s %8s\n", name, ms(quantile(s, 0.5, wallOf)), ms(quantile(s, 0.95, wallOf)))
		}
		wallRow(fmt.Sprintf("server's log: didChange->publish (%d)", len(run.server)), split(func(s serverSplit) time.Duration { return s.wall }))
		wallRow("  of which type-check again", split(func(s serverSplit) time.Duration { return s.check }))
		if split(func(s serverSplit) time.Duration { return s.goTypes })[0].wall >= 0 {
			wallRow("    of which go/types' check", split(func(s serverSplit) time.Duration { return s.goTypes }))
		}
		wallRow("  of which the engine's run", split(func(s serverSplit) time.Duration { return s.engine }))
	}
	row("floor: parse+type-check the package", fl.samples)
	row("  of which go/types' check", fl.checks)
	if fl.at != "" {
		fmt.Printf("(the floor's samples taken %s)\n", fl.at)
	}
	fmt.Printf("latency/floor p50: wall %s  cpu %s   (debounce %v: each edit follows a quiet spell and is analyzed at once, as one after %v without typing is by default)\n",
		ratio(quantile(run.edits, 0.5, wallOf), quantile(fl.samples, 0.5, wallOf)),
		ratio(quantile(run.edits, 0.5, cpuOf), quantile(fl.samples, 0.5, cpuOf)),
		debounce, 300*time.Millisecond)
	fmt.Printf("analysis done/floor p50: wall %s  cpu %s; %d of %d edits published the file before their analysis ended (its package before its test variants)\n",
		ratio(quantile(run.done, 0.5, wallOf), quantile(fl.samples, 0.5, wallOf)),
		ratio(quantile(run.done, 0.5, cpuOf), quantile(fl.samples, 0.5, cpuOf)), run.early, len(run.edits))
}
