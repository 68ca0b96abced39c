package plugin_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
)

// TestEnvparseSeesEnvkeysManifest checks that envparse reads the manifest
// that envkeys' manifest setting names, as in every other driver, though
// golangci-lint gives each plugin only its own settings and builds them
// in no set order: envparse is built first here. The listed
// deploy/envvet.yaml declares FEATURE_RATIO on-bad-value: default, so only
// REDIS_TIMEOUT_MS is reported (the testdata's want). Without envkeys'
// setting, discovery finds no manifest and FEATURE_RATIO is reported too:
// the twin. (Found by r1's review.)
func TestEnvparseSeesEnvkeysManifest(t *testing.T) {
	dir, err := filepath.Abs("../analyzers/envparse/testdata/listeddep")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { build(t, "envkeys", nil) }) // the setting is the process's: put it back
	as, err := build(t, "envparse", nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := build(t, "envkeys", map[string]any{"manifest": []any{"deploy/envvet.yaml"}}); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, dir, as[0], "example.com/app")

	build(t, "envkeys", nil)
	// A bare testing.T takes the twin's unexpected-diagnostic errors; the
	// count below is the assertion.
	results := analysistest.Run(&testing.T{}, dir, as[0], "example.com/app")
	n := 0
	for _, r := range results {
		if r.Pass.Pkg.Path() == "example.com/app" {
			n += len(r.Diagnostics)
		}
	}
	if n != 2 {
		t.Errorf("without envkeys' manifest setting: %d envparse findings in the app, want 2 (FEATURE_RATIO too)", n)
	}
}
