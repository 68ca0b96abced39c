// Package driver is envvet's standalone driver: it loads the packages'
// metadata, runs the checks with internal/engine (checker semantics),
// which parses and type-checks each package when it reaches it and
// releases a dependency's results, syntax and type information as soon as
// the package is done (stream.go),
// and prints every finding sorted by file, line and column, whichever
// package reported it. (The multichecker prints package by package, in
// load order.) go vet's invocations, -fix and -diff stay with the
// multichecker; cmd/envvet dispatches.
package driver

import (
	"bufio"
	"cmp"
	"context"
	"flag"
	"fmt"
	"go/token"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/envvet/envvet/internal/engine"
)

// Exit codes, as the multichecker has them.
const (
	ExitClean    = 0
	ExitError    = 1
	ExitFindings = 3
)

// A Finding is one diagnostic with its resolved position.
type Finding struct {
	Analyzer *analysis.Analyzer
	Package  *packages.Package
	Posn     token.Position
	End      token.Position
	Diag     analysis.Diagnostic
	// Suppression is the reason of the directive that suppressed a finding
	// the driver made itself (not an analyzer), kept for SARIF.
	Suppression string
	// Owner is, for a finding the driver made itself, the ID of the
	// package -json lists it under.
	Owner string
}

// Options are the driver's settings, from its flags.
type Options struct {
	KeepSuppressed bool   // list suppressed findings (marked), for SARIF
	Format         string // text, json or sarif
	JSON           bool   // -json: the same as -format=json
	Context        int
	Tests          bool
	Tags           string
	CPUProfile     string
	MemProfile     string
}

// Flags registers the driver's flags and every analyzer's on fs, the way
// the multichecker does: -NAME enables or disables a check, -NAME.FLAG
// sets one of its flags. It returns the options and a function that,
// after parsing, returns the analyzers to run.
func Flags(fs *flag.FlagSet, analyzers []*analysis.Analyzer) (*Options, func() []*analysis.Analyzer) {
	o := &Options{Context: -1, Tests: true}
	fs.BoolVar(&o.JSON, "json", false, "emit JSON output (the same as -format=json)")
	fs.StringVar(&o.Format, "format", "text", "output format: text, json or sarif (SARIF 2.1.0, for code scanning)")
	fs.IntVar(&o.Context, "c", -1, "display offending line with this many lines of context")
	fs.BoolVar(&o.Tests, "test", true, "indicates whether test files should be analyzed, too")
	fs.StringVar(&o.Tags, "tags", "", "comma-separated build tags")
	fs.StringVar(&o.CPUProfile, "cpuprofile", "", "write CPU profile to this file")
	fs.StringVar(&o.MemProfile, "memprofile", "", "write memory profile to this file")
	enabled := make(map[*analysis.Analyzer]*triState)
	for _, a := range analyzers {
		ts := new(triState)
		fs.Var(ts, a.Name, fmt.Sprintf("enable %q analysis", a.Name))
		enabled[a] = ts
		a.Flags.VisitAll(func(f *flag.Flag) {
			fs.Var(f.Value, a.Name+"."+f.Name, f.Usage)
		})
	}
	return o, func() []*analysis.Analyzer { return selectAnalyzers(analyzers, enabled) }
}

// selectAnalyzers applies the -NAME flags: if any is true, only those
// run; otherwise, if any is false, all but those run.
func selectAnalyzers(analyzers []*analysis.Analyzer, enabled map[*analysis.Analyzer]*triState) []*analysis.Analyzer {
	var hasTrue bool
	for _, ts := range enabled {
		hasTrue = hasTrue || *ts == setTrue
	}
	var keep []*analysis.Analyzer
	for _, a := range analyzers {
		if hasTrue && *enabled[a] == setTrue || !hasTrue && *enabled[a] != setFalse {
			keep = append(keep, a)
		}
	}
	return keep
}

// Run loads the packages matching patterns, analyzes them and prints the
// findings; it returns the exit code.
func Run(analyzers []*analysis.Analyzer, patterns []string, o *Options, stdout, stderr io.Writer) int {
	if o.JSON {
		o.Format = "json"
	}
	switch o.Format {
	case "", "text", "json", "sarif":
	default:
		fmt.Fprintf(stderr, "envvet: unknown -format %q (want text, json or sarif)\n", o.Format)
		return ExitError
	}
	if o.CPUProfile != "" {
		f, err := os.Create(o.CPUProfile)
		if err != nil {
			fmt.Fprintf(stderr, "envvet: %v\n", err)
			return ExitError
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintf(stderr, "envvet: %v\n", err)
			return ExitError
		}
		defer pprof.StopCPUProfile()
	}
	findings, res, part, code := Analyze(analyzers, patterns, o, stderr)
	if o.MemProfile != "" {
		if err := writeMemProfile(o.MemProfile); err != nil {
			fmt.Fprintf(stderr, "envvet: %v\n", err)
			return ExitError
		}
	}
	if res == nil {
		return code
	}
	switch o.Format {
	case "text", "":
	case "sarif":
		if err := writeSARIF(stdout, analyzers, findings, part); err != nil {
			fmt.Fprintf(stderr, "envvet: %v\n", err)
			return ExitError
		}
		return code
	case "json":
		if err := printJSON(stdout, res, findings); err != nil {
			fmt.Fprintf(stderr, "envvet: %v\n", err)
			return ExitError
		}
		return code
	}
	w := bufio.NewWriter(stderr)
	for _, f := range findings {
		fmt.Fprintf(w, "%s: %s\n", f.Posn, f.Diag.Message)
		if o.Context >= 0 {
			printContext(w, f, o.Context)
		}
	}
	if err := w.Flush(); err != nil {
		return ExitError
	}
	if code == ExitClean && len(findings) > 0 {
		code = ExitFindings
	}
	return code
}

// Analyze loads and analyzes the packages and returns the root findings,
// deduplicated and sorted, what the load could not see, and the exit code
// so far (ExitError when a package failed to load or type-check, or an
// analyzer failed, whose errors it prints). The packages that load and
// type-check are analyzed whatever the state of the others.
func Analyze(analyzers []*analysis.Analyzer, patterns []string, o *Options, stderr io.Writer) ([]Finding, *engine.Result, *Partial, int) {
	pkgs, s, err := loadMetadata(loadConfig(o), patterns)
	if err != nil {
		fmt.Fprintf(stderr, "envvet: %v\n", err)
		return nil, nil, nil, ExitError
	}
	if len(pkgs) == 0 {
		fmt.Fprintf(stderr, "envvet: no packages match %s\n", strings.Join(patterns, " "))
		return nil, nil, nil, ExitError
	}
	return analyzeLoaded(analyzers, pkgs, s.typeCheck, o, stderr)
}

// loadConfig is how Analyze loads packages: loadMetadata sets the mode.
func loadConfig(o *Options) *packages.Config {
	cfg := &packages.Config{Tests: o.Tests}
	if o.Tags != "" {
		cfg.BuildFlags = []string{"-tags=" + o.Tags}
	}
	return cfg
}

// analyzeLoaded is Analyze after the load: pkgs are the roots that
// loadMetadata loaded, which typeCheck type-checks as the engine reaches
// them; or, with typeCheck nil, packages loaded and type-checked already
// (TestPartial hands it the packages that the x/tools checker analyzed
// first: one load for both).
func analyzeLoaded(analyzers []*analysis.Analyzer, pkgs []*packages.Package, typeCheck func(*packages.Package), o *Options, stderr io.Writer) ([]Finding, *engine.Result, *Partial, int) {
	e, err := engine.New(analyzers)
	if err != nil {
		fmt.Fprintf(stderr, "envvet: %v\n", err)
		return nil, nil, nil, ExitError
	}
	res, err := e.Run(context.Background(), pkgs, engine.Options{Release: true, TypeCheck: typeCheck})
	if err != nil {
		fmt.Fprintf(stderr, "envvet: %v\n", err)
		return nil, nil, nil, ExitError
	}
	// A package that does not load or type-check is reported and
	// skipped; the others are analyzed (see partial).
	part := LoadPartial(pkgs)
	part.PrintErrors(stderr)
	code := ExitClean
	if len(part.errors) > 0 {
		code = ExitError
	}
	part.skip(res)
	if part.withheld = part.withhold(res); part.withheld != "" {
		fmt.Fprintln(stderr, part.withheld)
	}
	findings, failed := rootFindings(res, stderr)
	if failed {
		code = ExitError
	}
	findings = append(findings, sharedUnread(res, part, o.KeepSuppressed)...)
	slices.SortFunc(findings, func(a, b Finding) int {
		return cmp.Or(
			cmp.Compare(a.Posn.Filename, b.Posn.Filename),
			cmp.Compare(a.Posn.Line, b.Posn.Line),
			cmp.Compare(a.Posn.Column, b.Posn.Column),
			cmp.Compare(a.Analyzer.Name, b.Analyzer.Name),
			cmp.Compare(a.Diag.Message, b.Diag.Message),
		)
	})
	return findings, res, part, code
}

// rootFindings returns the diagnostics of the root actions of res, each
// once, and prints each analyzer error once; failed reports whether an
// analyzer failed on a package that was not skipped.
func rootFindings(res *engine.Result, stderr io.Writer) (findings []Finding, failed bool) {
	type key struct {
		posn, end string
		analyzer  *analysis.Analyzer
		message   string
	}
	seen := make(map[key]bool)
	seenErr := make(map[string]bool)
	for _, act := range res.Roots {
		if act.Err != nil && act.Err.Error() == errSkipped {
			continue // its errors are printed above
		}
		if act.Err != nil {
			// A broken manifest fails every package it governs: say so once.
			msg := fmt.Sprintf("%s: %v", act.Analyzer.Name, act.Err)
			if !seenErr[msg] {
				seenErr[msg] = true
				fmt.Fprintln(stderr, msg)
			}
			failed = true
			continue
		}
		for _, d := range act.Diagnostics {
			f := Finding{Analyzer: act.Analyzer, Package: act.Package, Diag: d, Posn: act.Package.Fset.Position(d.Pos)}
			if d.End.IsValid() {
				f.End = act.Package.Fset.Position(d.End)
			}
			// Test variants repeat a package's files: report each finding once.
			k := key{f.Posn.String(), f.End.String(), act.Analyzer, d.Message}
			if !seen[k] {
				seen[k] = true
				findings = append(findings, f)
			}
		}
	}
	return findings, failed
}

// printContext prints the finding's line and n lines around it.
func printContext(w io.Writer, f Finding, n int) {
	content, err := os.ReadFile(f.Posn.Filename)
	if err != nil {
		return
	}
	lines := strings.Split(string(content), "\n")
	for i := max(f.Posn.Line-n, 1); i <= min(f.Posn.Line+n, len(lines)); i++ {
		fmt.Fprintf(w, "%d\t%s\n", i, lines[i-1])
	}
}

func writeMemProfile(name string) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	defer f.Close()
	runtime.GC() // the profile shows the heap as of the last collection
	return pprof.Lookup("heap").WriteTo(f, 0)
}

// A triState is an unset, true or false boolean flag.
type triState int

const (
	unset triState = iota
	setTrue
	setFalse
)

func (ts *triState) IsBoolFlag() bool { return true }

func (ts *triState) String() string {
	switch *ts {
	case setTrue:
		return "true"
	case setFalse:
		return "false"
	}
	return "unset"
}

func (ts *triState) Set(s string) error {
	switch s {
	case "true", "1", "t", "T", "TRUE", "True":
		*ts = setTrue
	case "false", "0", "f", "F", "FALSE", "False":
		*ts = setFalse
	default:
		return fmt.Errorf("invalid boolean %q", s)
	}
	return nil
}
