package envsecret_test

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/envvet/envvet/analyzers/envsecret"
	"github.com/envvet/envvet/internal/report"
	"github.com/envvet/envvet/internal/rulestest"
)

// TestFiles checks the diagnostics, which are positioned in manifests
// that analysistest's // want comments cannot reach, for every kind of
// file: each scenario holds reported values and their negative twins.
func TestFiles(t *testing.T) {
	cases := []struct {
		pkg  string
		want []string
	}{
		// Reported: a password, a session secret and a DSN with a password
		// in a ConfigMap, a GitHub token as a container's value:. Not: a
		// URL without a password, changeme, "", a length, a TTL, a boolean,
		// ${VAR}, a Secret's stringData, $(VAR), valueFrom, the dev
		// default postgres, a path, a Secret's
		// name (operator-state).
		{"k8s", []string{
			`k8s/deploy.yaml:6:3: configmap: secret env key "DB_PASSWORD" (its name ends in _PASSWORD) has a literal value in ConfigMap app-config (deploy.yaml); move it to a Secret`,
			`k8s/deploy.yaml:7:3: configmap: secret env key "SESSION_SECRET" (its name ends in _SECRET) has a literal value in ConfigMap app-config (deploy.yaml); move it to a Secret`,
			`k8s/deploy.yaml:8:3: configmap: secret env key "DATABASE_URL" (its value is a URL with a password) has a literal value in ConfigMap app-config (deploy.yaml); move it to a Secret`,
			`k8s/deploy.yaml:35:21: container: secret env key "GITHUB_TOKEN" (its name ends in _TOKEN) has a literal value in the env of container api (deploy.yaml); use valueFrom.secretKeyRef`,
		}},
		// Compose is mostly a local stack: only real-looking credentials
		// are reported (an sk- key, a DSN whose password is generated, a
		// Slack token in list form). Not: mysecretpassword, a short typed
		// password, postgres:postgres, ${VAR}, redis.
		{"compose", []string{
			`compose/docker-compose.yml:7:7: compose: secret env key "OPENAI_API_KEY" (its name ends in _API_KEY) has a value that looks like a real credential in the environment of service api (docker-compose.yml); interpolate it (${OPENAI_API_KEY}) or use Compose secrets`,
			`compose/docker-compose.yml:9:7: compose: secret env key "SENTRY_DSN" (its value is a URL with a password) has a value that looks like a real credential in the environment of service api (docker-compose.yml); interpolate it (${SENTRY_DSN}) or use Compose secrets`,
			`compose/docker-compose.yml:14:9: compose: secret env key "SLACK_TOKEN" (its name ends in _TOKEN) has a value that looks like a real credential in the environment of service worker (docker-compose.yml); interpolate it (${SLACK_TOKEN}) or use Compose secrets`,
		}},
		// A dotenv example: a live Stripe key and a generated encryption
		// key. Not: postgres, a local DSN, change-me-in-production, empty,
		// zeros.
		{"dotenv", []string{
			`dotenv/.env.example:5:1: dotenv: secret env key "STRIPE_API_KEY" (its name ends in _API_KEY) has a value that looks like a real credential in .env.example; commit a placeholder and keep the real value out of git`,
			`dotenv/.env.example:7:1: dotenv: secret env key "ENCRYPTION_KEY" (its name is ENCRYPTION_KEY) has a value that looks like a real credential in .env.example; commit a placeholder and keep the real value out of git`,
		}},
		// A Dockerfile's ENV. Not: an empty password, LOG_LEVEL.
		{"docker", []string{
			`docker/Dockerfile:7:5: dockerfile: secret env key "API_TOKEN" (its name ends in _TOKEN) has a literal value in an ENV of Dockerfile, which bakes it into the image; pass it at run time`,
		}},
		// secret: true in envvet.yaml makes DB_CREDENTIALS a secret, a
		// secretKeyRef in container worker DB_NODE. Not: LICENSE_KEY
		// (ignore: in envvet.yaml), ADMIN_TOKEN (# envvet:ignore above
		// it), HOST (no secret), DB_HOST and DB_ADDR (kept in a Secret by
		// worker, but the loopback address and an IP with a port beside
		// the sidecar: cloud-sql-proxy's pgbouncer example).
		{"marked", []string{
			`marked/deploy.yaml:10:17: container: secret env key "DB_CREDENTIALS" (it is declared as a secret) has a literal value in the env of container api (deploy.yaml); use valueFrom.secretKeyRef`,
			`marked/deploy.yaml:17:17: container: secret env key "ROOT_TOKEN" (its name ends in _TOKEN) has a literal value in the env of container api (deploy.yaml); use valueFrom.secretKeyRef`,
			`marked/deploy.yaml:40:17: container: secret env key "DB_NODE" (it is declared as a secret) has a literal value in the env of container sidecar-client (deploy.yaml); use valueFrom.secretKeyRef`,
		}},
		// kustomize's configMapGenerator literal, positioned in the
		// kustomization. Not: replace-me, a secretGenerator literal.
		{"kustom", []string{
			`kustom/deploy/kustomization.yaml:6:9: configmap: secret env key "API_TOKEN" (its name ends in _TOKEN) has a literal value in ConfigMap app-config (kustomization.yaml); move it to a Secret`,
		}},
		// A library shares its program's manifest: nothing is reported.
		{"lib", nil},
	}
	for _, tc := range cases {
		t.Run(tc.pkg, func(t *testing.T) {
			if got := diagnostics(t, tc.pkg); !slices.Equal(got, tc.want) {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

// defaults is the run of envsecret with the default settings over every
// scenario, in one load: analysistest type-checks what they import from
// source on each Run.
var defaults = rulestest.NewShared(analysistest.TestData(), envsecret.New(envsecret.Config{}), false,
	"k8s", "compose", "dotenv", "docker", "marked", "kustom", "lib")

// diagnostics returns pkg's diagnostics in the default run as
// "path:line:col: category: message", paths relative to testdata/src,
// failing t on any complaint but a diagnostic without a // want comment.
func diagnostics(t *testing.T, pkg string) []string {
	t.Helper()
	for _, e := range defaults.Errors(pkg) {
		if !strings.Contains(e, "unexpected diagnostic") {
			t.Error(e)
		}
	}
	src, _ := filepath.Abs(filepath.Join(analysistest.TestData(), "src"))
	results := defaults.Results(pkg)
	if len(results) == 0 {
		t.Fatalf("package %s is not in the default run", pkg)
	}
	var out []string
	for _, r := range results {
		for _, d := range r.Diagnostics {
			p := r.Pass.Fset.Position(d.Pos)
			rel, _ := filepath.Rel(src, p.Filename)
			out = append(out, fmt.Sprintf("%s:%d:%d: %s: %s", filepath.ToSlash(rel), p.Line, p.Column, d.Category, d.Message))
		}
	}
	return out
}

// TestKeepSuppressed checks that a driver showing suppressed findings
// (SARIF) gets the two suppressed in marked, each with its reason.
func TestKeepSuppressed(t *testing.T) {
	a := envsecret.New(envsecret.Config{Report: report.Options{KeepSuppressed: true}})
	var got []string
	for _, act := range defaults.AnalyzeActions(t, a, "marked") {
		for _, d := range act.Diagnostics {
			if strings.HasPrefix(d.Category, report.SuppressedPrefix) && len(d.Related) > 0 {
				got = append(got, d.Related[0].Message)
			}
		}
	}
	want := []string{"the community edition's public key", "rotated weekly by the CI job that renders this file"}
	if !slices.Equal(got, want) {
		t.Errorf("suppressed reasons: got %q, want %q", got, want)
	}
}
