package plugin_test

import (
	"path/filepath"
	"testing"

	"github.com/envvet/envvet/internal/rulestest"
)

// listedLoad is envparse's listeddep module (os, strconv and a dependency
// module), loaded once from source for both runs of
// TestEnvparseSeesEnvkeysManifest: under the race detector, a load of
// os's dependencies costs more than both analyses.
var listedLoad = rulestest.NewLoad(filepath.Join("..", "analyzers", "envparse", "testdata", "listeddep"), nil, "example.com/app")

// TestEnvparseSeesEnvkeysManifest checks that envparse reads the manifest
// that envkeys' manifest setting names, as in every other driver, though
// golangci-lint gives each plugin only its own settings and builds them
// in no set order: envparse is built first here. The listed
// deploy/envvet.yaml declares FEATURE_RATIO on-bad-value: default, so only
// REDIS_TIMEOUT_MS is reported (the testdata's want). Without envkeys'
// setting, discovery finds no manifest and FEATURE_RATIO is reported too:
// the twin. (Found by r1's review.) Both runs analyze one load
// (rulestest.Check leaves the packages as they are). It runs in parallel
// with the end-to-end tests, so that it does not hold up golangci-lint's
// build: no other parallel test builds the envkeys plugin, whose setting
// it changes, and TestNoRelated's ctxgo reads no manifest.
func TestEnvparseSeesEnvkeysManifest(t *testing.T) {
	t.Parallel()
	dir, err := filepath.Abs(listedLoad.Dir())
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
	pkgs := listedLoad.Roots(t, "example.com/app")
	rulestest.Check(t, dir, as[0], pkgs)

	build(t, "envkeys", nil)
	// A Recorder takes the twin's unexpected-diagnostic complaints; the
	// count below is the assertion.
	n := 0
	for _, r := range rulestest.Check(&rulestest.Recorder{}, dir, as[0], pkgs) {
		if r.Action.Package.PkgPath == "example.com/app" {
			n += len(r.Diagnostics)
		}
	}
	if n != 2 {
		t.Errorf("without envkeys' manifest setting: %d envparse findings in the app, want 2 (FEATURE_RATIO too)", n)
	}
}
