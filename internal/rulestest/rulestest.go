// Package rulestest holds what the analyzers' tests share about rules
// that a boolean flag turns off.
package rulestest

import (
	"flag"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

// EachOff sets each flag of the analyzer that fresh returns to false, on
// an analyzer of its own, and runs it on the testdata package
// "without-<flag>", whose // want comments hold the other rules' findings
// only: the rule's findings must be gone and the others' remain. The
// flags must be exactly rules.
func EachOff(t *testing.T, fresh func() *analysis.Analyzer, rules ...string) {
	t.Helper()
	var tested []string
	fresh().Flags.VisitAll(func(f *flag.Flag) {
		a := fresh()
		if err := a.Flags.Set(f.Name, "false"); err != nil {
			t.Fatal(err)
		}
		analysistest.Run(t, analysistest.TestData(), a, "without-"+f.Name)
		tested = append(tested, f.Name)
	})
	slices.Sort(tested)
	want := slices.Sorted(slices.Values(rules))
	if !slices.Equal(tested, want) {
		t.Errorf("tested flags %v, want the rules %v", tested, want)
	}
}
