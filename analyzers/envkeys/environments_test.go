package envkeys_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/envvet/envvet/analyzers/envkeys"
	"github.com/envvet/envvet/internal/report"
)

// TestEnvironments checks the keys each environment of envvet.yaml's
// environments: fails to set, reported at the environment's overlay or
// entry, which analysistest's // want comments cannot reach. Negative
// twins: PAY_DB_PORT (a default in code), PAY_DB_HOST (a default in
// envvet.yaml), DEBUG (read without a default, but set in dev only),
// TRACE (os.LookupEnv), and the ext environment, whose envFrom of an
// undefined Secret may set anything.
func TestEnvironments(t *testing.T) {
	got := defaults.Diagnostics(t, "environments")
	want := []string{
		`environments/overlays/prod/kustomization.yaml:1:1: env key "FEATURE_FLAGS" is read without a default by environments.Flags but environment prod does not set it (dev, staging do)`,
		`environments/overlays/prod/kustomization.yaml:1:1: env key "PAY_DB_NAME" is required by environments.DB.Name but environment prod does not set it`,
		`environments/overlays/staging/kustomization.yaml:1:1: env key "AUDIT_URL" is declared required in envvet.yaml and read by environments.Audit, but environment staging does not set it`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// TestEnvironmentsIgnored checks that the ignore: field suppresses
// REPORT_URL's findings, which KeepSuppressed keeps (for SARIF).
func TestEnvironmentsIgnored(t *testing.T) {
	got := defaults.Analyze(t, envkeys.New(envkeys.Config{Report: report.Options{KeepSuppressed: true}}), "environments")
	for _, env := range []string{"staging", "prod"} {
		want := `env key "REPORT_URL" is declared required in envvet.yaml and read by environments.Report, but environment ` + env + ` does not set it`
		if !slices.ContainsFunc(got, func(s string) bool { return strings.HasSuffix(s, want) }) {
			t.Errorf("kept suppressed findings %q lack %q", got, want)
		}
	}
}
