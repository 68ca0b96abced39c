package analyzers_test

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/envvet/envvet/analyzers"
	"github.com/envvet/envvet/internal/report"
	"github.com/envvet/envvet/internal/rulestest"
)

// TestEnvParseReadsEnvKeysManifest checks that envparse honours
// on-bad-value: default in the manifest that envkeys' -manifest flag
// names, not only in discovered ones: with the flag the dropped parse of
// WORKERS is a decision; without it, it is reported. The run with the
// flag analyzes the packages that the run without it loaded (one load).
func TestEnvParseReadsEnvKeysManifest(t *testing.T) {
	parser := func(flag string) *analysis.Analyzer {
		var keys, parse *analysis.Analyzer
		for _, a := range analyzers.Suite(analyzers.Config{}) {
			switch a.Name {
			case "envkeys":
				keys = a
			case "envparse":
				parse = a
			}
		}
		if flag != "" {
			if err := keys.Flags.Set("manifest", flag); err != nil {
				t.Fatal(err)
			}
		}
		return parse
	}
	run := rulestest.NewShared(analysistest.TestData(), parser(""), false, "listed")
	errs := run.Errors("listed")
	if len(errs) != 1 || !strings.Contains(errs[0], `env key "WORKERS" is parsed by strconv.Atoi but the error is dropped`) {
		t.Errorf("without the flag: %q, want the dropped parse of WORKERS", errs)
	}
	// No diagnostic: the package has no // want comments, so any would
	// be a complaint, as the one above is.
	if got := run.Analyze(t, parser("analyzers/testdata/src/listed/deploy/envvet.yaml"), "listed"); len(got) != 0 {
		t.Errorf("with -envkeys.manifest naming it: %q, want no finding", got)
	}
}

// TestSuiteNamesAreKnownChecks checks that the names directives and
// envvet.yaml's ignore: fields may use (report.Checks) are exactly the
// suite's checks, in its order: a check added to the suite but not to the
// list would make every manifest directive naming it an error.
func TestSuiteNamesAreKnownChecks(t *testing.T) {
	var names []string
	for _, a := range analyzers.Suite(analyzers.Config{}) {
		if a.Name != "directives" {
			names = append(names, a.Name)
		}
	}
	if got, want := strings.Join(names, ","), strings.Join(report.Checks(), ","); got != want {
		t.Errorf("suite checks %s, report.Checks() %s", got, want)
	}
}
