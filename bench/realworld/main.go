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

// options are realworld's command line.
type options struct {
	envvet, tables, work string
	checks, only         string
	jobs                 int
	timeout              time.Duration
	verbose              bool
	commit               string
}

func realworld(args []string, stdout, stderr io.Writer) int {
	o, ok := parseFlags(args, stderr)
	if !ok {
		return 2
	}
	bin, err := filepath.Abs(o.envvet)
	if err != nil {
		fmt.Fprintln(stderr, "realworld:", err)
		return 2
	}
	tablesDir, err := filepath.Abs(o.tables)
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
	selected, ok := selectTables(all, o.checks, stderr, func() string { return display(tablesDir) })
	if !ok {
		return 2
	}
	jobs := planJobs(selected, o.only)
	if len(jobs) == 0 {
		fmt.Fprintf(stderr, "realworld: no module to measure (tables in %s, CHECKS=%q, ONLY=%q)\n", display(tablesDir), o.checks, o.only)
	}

	rn := &runner{envvet: bin, work: o.work, tables: tablesDir, timeout: o.timeout, verbose: io.Discard}
	if o.verbose {
		rn.verbose = stderr
	}
	rn.verbose = &lockedWriter{w: rn.verbose, mu: new(sync.Mutex)}
	runJobs(rn, jobs, o.jobs)

	if o.commit != "" {
		fmt.Fprintf(stdout, "bench/realworld at %s (%s, %s/%s)\n", o.commit, runtime.Version(), runtime.GOOS, runtime.GOARCH)
	}
	return report(stdout, selected, jobs)
}

// parseFlags reads the command line; it reports false, having said why,
// when it is wrong.
func parseFlags(args []string, stderr io.Writer) (*options, bool) {
	fs := flag.NewFlagSet("realworld", flag.ContinueOnError)
	fs.SetOutput(stderr)
	benchDir := env("BENCH_DIR", "/tmp/envvet-bench")
	o := new(options)
	fs.StringVar(&o.envvet, "envvet", "", "the envvet binary to measure (required)")
	fs.StringVar(&o.tables, "tables", env("TABLES", "bench/realworld"), "the directory of the verdict tables ($TABLES)")
	fs.StringVar(&o.work, "work", filepath.Join(benchDir, "realworld"), "where the module copies go ($BENCH_DIR/realworld)")
	fs.StringVar(&o.checks, "checks", os.Getenv("CHECKS"), "comma-separated checks to measure, default all ($CHECKS)")
	fs.StringVar(&o.only, "only", os.Getenv("ONLY"), "comma-separated module@version or module to measure, default all ($ONLY)")
	fs.IntVar(&o.jobs, "j", min(2, runtime.NumCPU()), "modules measured at a time")
	fs.DurationVar(&o.timeout, "timeout", 30*time.Minute, "time limit of one envvet run")
	fs.BoolVar(&o.verbose, "v", false, "print each envvet run")
	fs.StringVar(&o.commit, "commit", "", "the commit measured, for the header")
	if err := fs.Parse(args); err != nil {
		return nil, false
	}
	if o.envvet == "" || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: realworld -envvet PATH [-tables DIR] [-checks a,b] [-only mod@ver] [-j N] [-v]")
		return nil, false
	}
	o.jobs = max(o.jobs, 1)
	return o, true
}

// selectTables returns the tables of checks (comma-separated; all when
// empty); it reports false, having said why, for an unknown check.
func selectTables(all []*Table, checks string, stderr io.Writer, dir func() string) ([]*Table, bool) {
	if checks == "" {
		return all, true
	}
	var selected []*Table
	for _, c := range strings.Split(checks, ",") {
		c = strings.TrimSpace(c)
		if !slices.Contains(knownChecks, c) {
			fmt.Fprintf(stderr, "realworld: unknown check %q (want %s)\n", c, strings.Join(knownChecks, ", "))
			return nil, false
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
			fmt.Fprintf(stderr, "realworld: no table %s.tsv in %s\n", c, dir())
		}
	}
	return selected, true
}

// A job is one module version of one table, and its run.
type job struct {
	table *Table
	s     *Settings
	run   *Run
}

// planJobs returns a job per module version of the tables that only
// (comma-separated module@version or module; all when empty) selects,
// in the order of knownChecks, then of module@version.
func planJobs(tables []*Table, only string) []*job {
	want := func(module, version string) bool {
		if only == "" {
			return true
		}
		for _, o := range strings.Split(only, ",") {
			o = strings.TrimSpace(o)
			if o == module+"@"+version || o == module {
				return true
			}
		}
		return false
	}
	var jobs []*job
	for _, t := range tables {
		seen := make(map[string]bool)
		for _, r := range t.Rows {
			if seen[r.ModVer()] || !want(r.Module, r.Version) {
				continue
			}
			seen[r.ModVer()] = true
			s := *t.settingsFor(r.Module, r.Version)
			s.Version = r.Version
			jobs = append(jobs, &job{table: t, s: &s})
		}
	}
	sort.SliceStable(jobs, func(i, j int) bool {
		a, b := jobs[i], jobs[j]
		if a.table != b.table {
			return slices.Index(knownChecks, a.table.Check) < slices.Index(knownChecks, b.table.Check)
		}
		return a.s.Module+"@"+a.s.Version < b.s.Module+"@"+b.s.Version
	})
	return jobs
}

// runJobs runs the jobs, n at a time.
func runJobs(rn *runner, jobs []*job, n int) {
	ctx := context.Background()
	next := make(chan *job)
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {
			for j := range next {
				j.run = rn.run(ctx, j.table.Check, j.s)
			}
		})
	}
	for _, j := range jobs {
		next <- j
	}
	close(next)
	wg.Wait()
}

// report scores and prints each table and the summary; it returns 2 when
// a module was not measured, else 0.
func report(stdout io.Writer, tables []*Table, jobs []*job) int {
	code := 0
	var scores []*Score
	for _, t := range tables {
		runs := make(map[string]*Run)
		for _, j := range jobs {
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
