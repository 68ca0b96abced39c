// Command realworld measures envvet's checks on real code: for each
// verdict table bench/realworld/<check>.tsv it downloads every
// module@version the rows name, runs `envvet -json -<check>` on a copy, and
// prints per check and per rule the true and false reports, the misses,
// precision and recall, then every miss, false report, outside and
// unjudged finding with its row. bench/realworld/run builds envvet and runs
// it; bench/README.md ("bench/realworld") describes the tables.
//
// It exits 0 when it measured, whatever the figures; 2 when a table is
// malformed or a module could not be downloaded or run.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
)

func main() {
	os.Exit(realworld(os.Args[1:], os.Stdout, os.Stderr))
}

func env(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

func realworld(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("realworld", flag.ContinueOnError)
	fs.SetOutput(stderr)
	benchDir := env("BENCH_DIR", "/tmp/envvet-bench")
	envvet := fs.String("envvet", "", "the envvet binary to measure (required)")
	tables := fs.String("tables", env("TABLES", "bench/realworld"), "the directory of the verdict tables ($TABLES)")
	work := fs.String("work", filepath.Join(benchDir, "realworld"), "where the module copies go ($BENCH_DIR/realworld)")
	checks := fs.String("checks", os.Getenv("CHECKS"), "comma-separated checks to measure, default all ($CHECKS)")
	only := fs.String("only", os.Getenv("ONLY"), "comma-separated module@version or module to measure, default all ($ONLY)")
	jobs := fs.Int("j", min(2, runtime.NumCPU()), "modules measured at a time")
	timeout := fs.Duration("timeout", 30*time.Minute, "time limit of one envvet run")
	verbose := fs.Bool("v", false, "print each envvet run")
	commit := fs.String("commit", "", "the commit measured, for the header")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *envvet == "" || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: realworld -envvet PATH [-tables DIR] [-checks a,b] [-only mod@ver] [-j N] [-v]")
		return 2
	}
	if *jobs < 1 {
		*jobs = 1
	}
	bin, err := filepath.Abs(*envvet)
	if err != nil {
		fmt.Fprintln(stderr, "realworld:", err)
		return 2
	}
	tablesDir, err := filepath.Abs(*tables)
	if err != nil {
		fmt.Fprintln(stderr, "realworld:", err)
		return 2
	}
	cwd, _ := os.Getwd()
	display := func(p string) string {
		if rel, err := filepath.Rel(cwd, p); err == nil && !strings.HasPrefix(rel, "..") {
			return rel
		}
		return p
	}

	all, problems, err := LoadTables(tablesDir, display)
	if err != nil {
		fmt.Fprintln(stderr, "realworld:", err)
		return 2
	}
	for _, p := range problems {
		fmt.Fprintln(stderr, p)
	}
	if len(Errors(problems)) > 0 {
		fmt.Fprintf(stderr, "realworld: %d errors in the tables\n", len(Errors(problems)))
		return 2
	}
	var selected []*Table
	if *checks == "" {
		selected = all
	} else {
		for _, c := range strings.Split(*checks, ",") {
			c = strings.TrimSpace(c)
			if !slices.Contains(knownChecks, c) {
				fmt.Fprintf(stderr, "realworld: unknown check %q (want %s)\n", c, strings.Join(knownChecks, ", "))
				return 2
			}
			found := false
			for _, t := range all {
				if t.Check == c {
					found = true
					if !slices.Contains(selected, t) {
						selected = append(selected, t)
					}
				}
			}
			if !found {
				fmt.Fprintf(stderr, "realworld: no table %s.tsv in %s\n", c, display(tablesDir))
			}
		}
	}
	want := func(module, version string) bool {
		if *only == "" {
			return true
		}
		for _, o := range strings.Split(*only, ",") {
			o = strings.TrimSpace(o)
			if o == module+"@"+version || o == module {
				return true
			}
		}
		return false
	}

	type job struct {
		table *Table
		s     *Settings
		run   *Run
	}
	var jobsList []*job
	for _, t := range selected {
		seen := make(map[string]bool)
		for _, r := range t.Rows {
			if seen[r.ModVer()] || !want(r.Module, r.Version) {
				continue
			}
			seen[r.ModVer()] = true
			s := *t.settingsFor(r.Module, r.Version)
			s.Version = r.Version
			jobsList = append(jobsList, &job{table: t, s: &s})
		}
	}
	if len(jobsList) == 0 {
		fmt.Fprintf(stderr, "realworld: no module to measure (tables in %s, CHECKS=%q, ONLY=%q)\n", display(tablesDir), *checks, *only)
	}
	sort.SliceStable(jobsList, func(i, j int) bool {
		a, b := jobsList[i], jobsList[j]
		if a.table != b.table {
			return slices.Index(knownChecks, a.table.Check) < slices.Index(knownChecks, b.table.Check)
		}
		return a.s.Module+"@"+a.s.Version < b.s.Module+"@"+b.s.Version
	})

	rn := &runner{envvet: bin, work: *work, tables: tablesDir, timeout: *timeout, verbose: io.Discard}
	if *verbose {
		rn.verbose = stderr
	}
	var mu sync.Mutex
	rn.verbose = &lockedWriter{w: rn.verbose, mu: &mu}
	ctx := context.Background()
	next := make(chan *job)
	var wg sync.WaitGroup
	for range *jobs {
		wg.Go(func() {
			for j := range next {
				j.run = rn.run(ctx, j.table.Check, j.s)
			}
		})
	}
	for _, j := range jobsList {
		next <- j
	}
	close(next)
	wg.Wait()

	if *commit != "" {
		fmt.Fprintf(stdout, "bench/realworld at %s (%s, %s/%s)\n", *commit, runtime.Version(), runtime.GOOS, runtime.GOARCH)
	}
	code := 0
	var scores []*Score
	for _, t := range selected {
		runs := make(map[string]*Run)
		for _, j := range jobsList {
			if j.table == t {
				runs[j.run.ModVer()] = j.run
				if j.run.Unmeasured != "" {
					code = 2
				}
			}
		}
		s := ScoreTable(t, runs)
		scores = append(scores, s)
		fmt.Fprintln(stdout)
		s.Print(stdout)
	}
	fmt.Fprintln(stdout)
	PrintSummary(stdout, scores)
	return code
}

// PrintSummary writes one line per check.
func PrintSummary(w io.Writer, scores []*Score) {
	fmt.Fprintln(w, "== summary")
	fmt.Fprintf(w, "%-8s %5s %8s %5s %5s %5s %9s %6s %7s %10s %7s\n", "check", "rows", "modules", "tp", "fp", "fn", "unjudged", "quiet", "either", "precision", "recall")
	for _, s := range scores {
		c := &s.Total
		p, pok := c.Precision()
		r, rok := c.Recall()
		fmt.Fprintf(w, "%-8s %5d %8d %5d %5d %5d %9d %6d %7s %10s %7s\n", s.Check, s.Rows, s.Modules, c.TP, c.FP, c.FN, c.Unjudged, c.Quiet,
			fmt.Sprintf("%d/%d", c.EitherReported, c.Either), ratio(p, pok), ratio(r, rok))
	}
}

type lockedWriter struct {
	w  io.Writer
	mu *sync.Mutex
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}
