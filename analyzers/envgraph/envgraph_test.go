package envgraph_test

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/envvet/envvet/analyzers/envgraph"
	"github.com/envvet/envvet/internal/rulestest"
)

// src is one load of the testdata/src packages that the tests below
// check, each through the Shared run of its analyzer: analysistest would
// load them, and the standard library they import, once per test.
var src = rulestest.NewLoad(analysistest.TestData(), nil,
	"direct", "expand", "goosecmd", "helpers", "keylists", "tags", "viperuse", "illtyped", "urfave1", "noenv", "usesenv",
	"syntaxerr", "types", "valuesets", "envutil", "factsonly", "tags/model", "mainprog", "typehelp", "valuehelp",
	"urfaveoldpaths", "emptyoff", "vipertype", "vipertype/conf", "vipertypeopen", "vipertypeopen/conf", "viperforms", "viperforms/conf", "viperformsopen", "viperorder", "viperbindonly")

var (
	// refsRun checks the references of TestRefs, TestUsesEnv and
	// TestSyntaxError.
	refsRun = rulestest.NewSharedLoad(src, refs,
		"direct", "expand", "goosecmd", "helpers", "keylists", "tags", "viperuse", "illtyped", "urfave1", "noenv", "usesenv",
		"syntaxerr", "viperorder")
	// viperTypesRun checks the forms of viper's keys in TestViperTypes.
	viperTypesRun = rulestest.NewSharedLoad(src, viperTypes, "vipertype", "vipertype/conf", "vipertypeopen", "vipertypeopen/conf", "viperforms", "viperforms/conf", "viperformsopen", "viperbindonly")
	// emptyOffRun checks Ref.EmptyOff in TestEmptyOff.
	emptyOffRun = rulestest.NewSharedLoad(src, emptyOffRefs, "emptyoff")
	// typesRun checks the typed references of TestTypes and TestValueSets.
	typesRun = rulestest.NewSharedLoad(src, types, "types", "valuesets")
	// graphRun checks the facts of TestFacts, TestProgram, TestTypes and
	// TestValueSets.
	graphRun = rulestest.NewSharedLoad(src, envgraph.Analyzer, "envutil", "factsonly", "tags/model", "mainprog", "typehelp", "valuehelp")
)

// refs reports each reference of the graph as a diagnostic, so that the
// testdata's // want comments can assert them, and returns the package's
// Program (nil but for a main package) for the tests that check it.
var refs = &analysis.Analyzer{
	Name:             "refs",
	Doc:              "report envgraph's references",
	Requires:         []*analysis.Analyzer{envgraph.Analyzer},
	RunDespiteErrors: true,
	ResultType:       reflect.TypeFor[*envgraph.Program](),
	Run: func(pass *analysis.Pass) (any, error) {
		g := pass.ResultOf[envgraph.Analyzer].(*envgraph.Graph)
		for _, r := range g.Refs() {
			pass.Report(analysis.Diagnostic{Pos: r.Pos, End: r.End, Message: describe(r)})
		}
		return g.Program(), nil
	},
}

// emptyOffRefs reports each reference as refs does, with " emptyoff"
// after it when Ref.EmptyOff is set.
var emptyOffRefs = &analysis.Analyzer{
	Name:     "emptyoffrefs",
	Doc:      "report envgraph's references and their EmptyOff",
	Requires: []*analysis.Analyzer{envgraph.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		g := pass.ResultOf[envgraph.Analyzer].(*envgraph.Graph)
		for _, r := range g.Refs() {
			msg := describe(r)
			if r.EmptyOff {
				msg += " emptyoff"
			}
			pass.Report(analysis.Diagnostic{Pos: r.Pos, End: r.End, Message: msg})
		}
		return nil, nil
	},
}

// describe writes a reference as the tests expect it:
// read "PORT" via envutil.Int → envutil.Get default "8080".
func describe(r envgraph.Ref) string {
	var b strings.Builder
	b.WriteString(r.Kind.String())
	switch {
	case r.Dynamic:
		fmt.Fprintf(&b, " dynamic %s", r.Expr)
		if r.Prefix != "" {
			fmt.Fprintf(&b, " prefix %q", r.Prefix)
		}
	case r.Kind == envgraph.Prefix:
		fmt.Fprintf(&b, " prefix %q", r.Prefix)
	case r.Key != "":
		fmt.Fprintf(&b, " %q", r.Key)
	}
	if len(r.Via) > 0 {
		b.WriteString(" via " + strings.Join(r.Via, " → "))
	}
	if r.HasDefault {
		fmt.Fprintf(&b, " default %q", r.Default)
	}
	if r.Required {
		b.WriteString(" required")
	}
	if r.Field != "" {
		b.WriteString(" field " + r.Field)
	}
	if r.Flag != "" {
		b.WriteString(" flag " + r.Flag)
	}
	if len(r.Group) > 0 {
		b.WriteString(" group " + strings.Join(r.Group, ","))
	}
	if r.Alt != "" {
		fmt.Fprintf(&b, " alt %q", r.Alt)
	}
	if r.Passed {
		b.WriteString(" passed")
	}
	if r.Description != "" {
		fmt.Fprintf(&b, " desc %q", r.Description)
	}
	if r.Loader != envgraph.LoaderOS {
		b.WriteString(" loader " + r.Loader)
	}
	return b.String()
}

func TestRefs(t *testing.T) {
	refsRun.Check(t, "direct", "expand", "goosecmd", "helpers", "keylists", "tags", "viperuse", "illtyped", "urfave1", "viperorder")
}

// TestEmptyOff checks Ref.EmptyOff: reads whose empty value the code
// handles as the setting left off, each beside the nearest that is not.
func TestEmptyOff(t *testing.T) {
	emptyOffRun.Check(t, "emptyoff")
}

func TestFacts(t *testing.T) {
	graphRun.Check(t, "envutil", "factsonly", "tags/model")
}

func TestProgram(t *testing.T) {
	results := graphRun.Check(t, "mainprog", "factsonly")
	var seen bool
	for _, r := range results {
		g, ok := r.Result.(*envgraph.Graph)
		if !ok {
			t.Fatalf("result of %s is %T", r.Action.Package.PkgPath, r.Result)
		}
		if r.Action.Package.Name != "main" {
			if g.Program() != nil {
				t.Errorf("%s: Program computed for a package that is not main", r.Action.Package.PkgPath)
			}
			continue
		}
		seen = true
		p := g.Program()
		if p == nil {
			t.Fatal("no Program for package main")
		}
		wantKeys := []string{"A", "B", "MAIN_DIRECT", "MAIN_KEY", "SHOP_C"}
		for _, k := range wantKeys {
			if !slices.Contains(p.Keys, k) {
				t.Errorf("Program.Keys = %v, missing %s", p.Keys, k)
			}
		}
		if !slices.Contains(p.Prefixes, "P_") {
			t.Errorf("Program.Prefixes = %v, want P_", p.Prefixes)
		}
		if !slices.Contains(p.Environ, "factsonly") {
			t.Errorf("Program.Environ = %v, want factsonly", p.Environ)
		}
		if !slices.IsSorted(p.Keys) || !slices.IsSorted(p.Prefixes) {
			t.Errorf("Program not sorted: %v %v", p.Keys, p.Prefixes)
		}
		if !p.Reads("MAIN_KEY") || !p.Reads("P_ANY") {
			t.Errorf("Reads: MAIN_KEY and P_ANY should be read")
		}
	}
	if !seen {
		t.Fatal("package main not analyzed")
	}
	var nilProgram *envgraph.Program
	if nilProgram.Reads("X") {
		t.Error("a nil Program reads nothing")
	}
}

func TestProgramReads(t *testing.T) {
	p := &envgraph.Program{Keys: []string{"A", "C"}, Prefixes: []string{"DB_"}}
	for key, want := range map[string]bool{"A": true, "B": false, "C": true, "DB_HOST": true, "DBX": false} {
		if got := p.Reads(key); got != want {
			t.Errorf("Reads(%q) = %v, want %v", key, got, want)
		}
	}
	p.Environ = []string{"x"}
	if !p.Reads("B") {
		t.Error("a program scanning the environment reads every key")
	}
}

// TestSyntaxError runs the graph on a file that does not parse
// (testdata/src/syntaxerr): it must not panic, and the reads it can see
// are still references.
func TestSyntaxError(t *testing.T) {
	refsRun.Check(t, "syntaxerr")
}
