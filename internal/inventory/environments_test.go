package inventory

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/envvet/envvet/internal/manifest"
)

// TestEnvironments checks the per-environment columns: values, secrets
// masked, unset keys, and what an environment with an unresolved envFrom
// may set.
func TestEnvironments(t *testing.T) {
	pkgs, dir := fixture(t)
	files := map[string]string{
		"envvet.yaml": "environments:\n  dev: [dev.env]\n  prod: [prod.yaml]\n",
		"dev.env":     "PORT=8080\nDB_PASSWORD=devpass\n",
		"prod.yaml": `apiVersion: v1
kind: Pod
metadata: {name: app}
spec:
  containers:
    - name: app
      env:
        - {name: PORT, value: "80"}
        - name: DB_PASSWORD
          valueFrom: {secretKeyRef: {name: db, key: password}}
      envFrom:
        - configMapRef: {name: elsewhere}
`,
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o666); err != nil {
			t.Fatal(err)
		}
	}
	m, err := manifest.Load(filepath.Join(dir, "envvet.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for i := range pkgs {
		if pkgs[i].Manifest != nil {
			pkgs[i].Manifest = m
		}
	}
	inv := Build(pkgs, Options{Dir: dir})
	if got := strings.Join(inv.Environments, ","); got != "dev,prod" {
		t.Fatalf("Environments = %s", got)
	}
	cells := make(map[string]string)
	for _, k := range inv.Keys {
		var cs []string
		for _, v := range k.Env {
			cs = append(cs, envCell(k, v))
			if k.Secret && v.Value != nil {
				t.Errorf("%s: secret value %q in %s", k.Key, *v.Value, v.Env)
			}
		}
		cells[k.Key] = strings.Join(cs, " ")
	}
	want := map[string]string{
		"PORT":        "8080 80",
		"DB_PASSWORD": "(secret) (secret)",
		"UNDECLARED":  "- ?",
	}
	for key, w := range want {
		if cells[key] != w {
			t.Errorf("%s: cells %q, want %q", key, cells[key], w)
		}
	}
	var buf bytes.Buffer
	if err := Write(&buf, inv, "text"); err != nil {
		t.Fatal(err)
	}
	if out := buf.String(); !strings.Contains(out, "DEV") || !strings.Contains(out, "PROD") || strings.Contains(out, "devpass") {
		t.Errorf("text output lacks the environment columns or shows a secret:\n%s", out)
	}
	buf.Reset()
	if err := Write(&buf, inv, "markdown"); err != nil {
		t.Fatal(err)
	}
	if out := buf.String(); !strings.Contains(out, "| dev | prod |") || !strings.Contains(out, "| `8080` | `80` |") || strings.Contains(out, "devpass") {
		t.Errorf("markdown output:\n%s", out)
	}
}
