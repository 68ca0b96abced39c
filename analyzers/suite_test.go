package analyzers_test

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/envvet/envvet/analyzers"
)

// recorder collects analysistest's complaints instead of failing.
type recorder struct{ errs []string }

func (r *recorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

// TestEnvParseReadsEnvKeysManifest checks that envparse honours
// on-bad-value: default in the manifest that envkeys' -manifest flag
// names, not only in discovered ones: with the flag the dropped parse of
// WORKERS is a decision; without it, it is reported.
func TestEnvParseReadsEnvKeysManifest(t *testing.T) {
	run := func(flag string) []string {
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
		rec := &recorder{}
		analysistest.Run(rec, analysistest.TestData(), parse, "listed")
		return rec.errs
	}
	if errs := run("analyzers/testdata/src/listed/deploy/envvet.yaml"); len(errs) != 0 {
		t.Errorf("with -envkeys.manifest naming it: %q, want no finding", errs)
	}
	errs := run("")
	if len(errs) != 1 || !strings.Contains(errs[0], `env key "WORKERS" is parsed by strconv.Atoi but the error is dropped`) {
		t.Errorf("without the flag: %q, want the dropped parse of WORKERS", errs)
	}
}
