package manifest_test

import (
	"fmt"
	"testing"

	"github.com/envvet/envvet/internal/manifest"
)

// A malformed "# envvet:ignore" in a manifest is an error at its line; a
// well-formed one, and comments that only look alike, are not.
func TestManifestDirectives(t *testing.T) {
	for _, tc := range []struct {
		name, data, want string
	}{
		{".env.example", "# envvet:ignore envkeys\nA=1\n", ".env.example:1:1: malformed envvet directive: a reason is required"},
		{".env.example", "A=1\n  # envvet:ignore\nB=2\n", ".env.example:2:3: malformed envvet directive: name the checks and give a reason"},
		{"docker-compose.yml", "services:\n  api:\n    environment:\n      # envvet:file-ignore envkeys\n      A: 1\n",
			"docker-compose.yml:4:7: malformed envvet directive: a reason is required"},
		{"envvet.yaml", "keys:\n  # envvet:ignore envkeys // no reason after the marker\n  A: {}\n",
			"envvet.yaml:2:3: malformed envvet directive: a reason is required"},
		{".env.example", "# envvet:ignore envkeys,envkey read by the v1 sidecar\nA=1\n",
			`.env.example:1:1: unknown check "envkey" in envvet directive (known: envkeys, nocgo, dbpool, ctxgo, envparse, envsecret, envtype)`},
		{"docker-compose.yml", "services:\n  api:\n    environment:\n      # envvet:file-ignore secrets test credentials only\n      A: 1\n",
			`docker-compose.yml:4:7: unknown check "secrets" in envvet directive (known: envkeys, nocgo, dbpool, ctxgo, envparse, envsecret, envtype)`},
		// helm template's output: a directive naming several checks, one
		// unknown, in the second document.
		{"rendered.yaml", fmt.Sprintf("---\n# Source: app/templates/deployment.yaml\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          env:\n            # envvet:ignore envkeys,%s read by the chart's sidecar\n            - name: A\n              value: x\n", "envsecrets"),
			`rendered.yaml:13:13: unknown check "envsecrets" in envvet directive (known: envkeys, nocgo, dbpool, ctxgo, envparse, envsecret, envtype)`},
		// The negative twins.
		{"rendered.yaml", fmt.Sprintf("---\n# Source: app/templates/deployment.yaml\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          env:\n            # envvet:ignore envkeys,%s read by the chart's sidecar\n            - name: A\n              value: x\n", "envsecret"), ""},
		{"docker-compose.yml", "services:\n  api:\n    environment:\n      # envvet:ignore envkeys,envsecret,envtype test credentials only\n      A: 1\n", ""},
		{".env.example", "# envvet:ignore envkeys,envsecret read by the v1 sidecar\nA=1\n", ""},
		{".env.example", "# envvet:ignore envkeys read by the v1 sidecar\nA=1\n", ""},
		{".env.example", "# envvet:ignored envkeys\nA=1 # envvet:ignore\n", ""},
		{"envvet.yaml", "keys:\n  # see envvet:ignore in the README\n  A: {}\n", ""},
	} {
		_, err := manifest.Parse(tc.name, []byte(tc.data))
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != tc.want {
			t.Errorf("Parse(%s, %q) = %q, want %q", tc.name, tc.data, got, tc.want)
		}
	}
}
