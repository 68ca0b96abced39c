package manifest_test

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/envvet/envvet/internal/manifest"
)

// TestEnvironments loads an envvet.yaml with a Compose environment and
// three Kustomize overlays, and checks what each environment sets, where,
// and that their keys are declarations of the whole manifest.
func TestEnvironments(t *testing.T) {
	dir := filepath.Join("testdata", "deploy", "environments")
	yml := filepath.Join(dir, "envvet.yaml")
	m, err := manifest.Load(yml)
	if err != nil {
		t.Fatal(err)
	}
	rel := func(file string) string {
		r, _ := filepath.Rel(dir, file)
		return filepath.ToSlash(r)
	}
	var got []string
	for _, e := range m.Environments {
		line := e.Name + "@" + strconv.Itoa(e.Line) + " at " + rel(e.At.File) + ":" + strconv.Itoa(e.At.Line) + ":"
		for _, k := range e.Keys {
			line += " " + k.Name + "=" + k.Default
		}
		for _, u := range e.Unresolved {
			line += " ?" + u.What
		}
		got = append(got, line)
	}
	want := []string{
		"dev@5 at envvet.yaml:6: PORT=8080 DB_URL=postgres://localhost/dev DEBUG=1",
		"staging@8 at overlays/staging/kustomization.yaml:1: PORT=8080 DB_URL=postgres://db.staging/app LOG_LEVEL=info",
		"prod@12 at overlays/prod/kustomization.yaml:1: PORT=8080 LOG_LEVEL=warn",
		// The patch replaces envFrom (a list without a merge key).
		`ext@15 at overlays/ext/kustomization.yaml:1: PORT=8080 ?envFrom secretRef "vault-injected" is not defined in the sources`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("environments:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if e := m.Environment("prod"); e == nil || e.Sets("DB_URL") || !e.Sets("LOG_LEVEL") {
		t.Errorf("prod: %+v", e)
	}
	if m.Environment("qa") != nil {
		t.Errorf("Environment(qa) is not nil")
	}
	if got := strings.Join(m.EnvironmentNames(), ","); got != "dev,staging,prod,ext" {
		t.Errorf("EnvironmentNames = %s", got)
	}
	// Environment keys are declarations; the envvet.yaml's come first.
	if k, ok := m.Lookup("PORT"); !ok || k.File != yml {
		t.Errorf("Lookup(PORT) = %+v", k)
	}
	if k, ok := m.Lookup("DEBUG"); !ok || rel(k.File) != "docker-compose.yml" || k.Line != 7 {
		t.Errorf("Lookup(DEBUG) = %+v", k)
	}
	if _, ok := m.Lookup("POSTGRES_PASSWORD"); ok {
		t.Errorf("POSTGRES_PASSWORD is the db service's, not api's")
	}
	if len(m.Unresolved) != 1 {
		t.Errorf("Unresolved = %v, want ext's envFrom", m.Unresolved)
	}
	for _, f := range []string{"docker-compose.yml", "overlays/prod/kustomization.yaml", "base/deployment.yaml"} {
		found := false
		for _, g := range m.Files {
			found = found || rel(g) == f
		}
		if !found {
			t.Errorf("Files lacks %s: %v", f, m.Files)
		}
	}
}

// TestEnvironmentErrors checks that every mistake in environments: is an
// error at its file:line:col.
func TestEnvironmentErrors(t *testing.T) {
	root := writeTree(t, map[string]string{
		"dev.env":                         "A=1\n",
		"overlays/bad/kustomization.yaml": "resources:\n  - missing.yaml\n",
	})
	cases := []struct{ yaml, want string }{
		{"environments: [dev]\n", "envvet.yaml:1:15: environments must be a mapping from environment names to lists of sources, not a list"},
		{"environments:\n  dev: dev.env\n", `envvet.yaml:2:8: environment dev must be a list of sources, not "dev.env"`},
		{"environments:\n  dev:\n    files: [dev.env]\n", `envvet.yaml:3:5: unknown field "files" in environment dev (want sources)`},
		{"environments:\n  dev:\n", "envvet.yaml:2:3: environment dev has no sources"},
		{"environments:\n  dev: []\n", "envvet.yaml:2:3: environment dev has no sources"},
		{"environments:\n  prod us: [dev.env]\n", `envvet.yaml:2:3: invalid environment name "prod us" (want letters, digits, _, - and .)`},
		{"environments:\n  dev: [dev.env]\n  dev: [dev.env]\n", "envvet.yaml:3:3: environments: duplicate key dev (first declared on line 2)"},
		{"environments:\n  dev:\n    - dotenv: missing.env\n", "envvet.yaml:3:15: cannot read source missing.env: no such file"},
		{"environments:\n  dev:\n    - {dotenv: dev.env, colour: red}\n", `envvet.yaml:3:25: unknown field "colour" in source (want ` + "compose, kubernetes, kustomize, dotenv, dockerfile, goreleaser, makefile, service or container)"},
		{"environments:\n  prod:\n    - kustomize: overlays/bad\n", "envvet.yaml:3:18: cannot render kustomize overlays/bad: "},
		{"environments:\n  prod:\n    - kustomize: overlays/none\n", "envvet.yaml:3:18: cannot read source overlays/none: no such directory"},
		{"environment:\n  dev: [dev.env]\n", `envvet.yaml:1:1: unknown field "environment" (want keys, build, sources, environments or dbpool)`},
	}
	t.Chdir(root)
	for _, c := range cases {
		writeTree(t, nil)
		if err := writeFile("envvet.yaml", c.yaml); err != nil {
			t.Fatal(err)
		}
		_, err := manifest.Load("envvet.yaml")
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%q:\n got %v\nwant %s", c.yaml, err, c.want)
		}
	}
}

func writeFile(name, content string) error {
	return os.WriteFile(name, []byte(content), 0o666)
}

// TestEnvironmentDependencies checks that an edit of an environment's
// file is seen by the go vet fingerprint and by the Cache.
func TestEnvironmentDependencies(t *testing.T) {
	root := writeTree(t, map[string]string{
		"go.mod":          "module example.com/m\n",
		"envvet.yaml":     "environments:\n  prod: [deploy/prod.env]\n",
		"deploy/prod.env": "A=1\n",
	})
	before, err := manifest.Fingerprint(root, nil)
	if err != nil {
		t.Fatal(err)
	}
	var c manifest.Cache
	m, err := c.ForDir(root, nil)
	if err != nil || !m.Environment("prod").Sets("A") {
		t.Fatalf("ForDir: %v, %v", m, err)
	}
	if err := os.WriteFile(filepath.Join(root, "deploy", "prod.env"), []byte("A=1\nBB=2\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	after, err := manifest.Fingerprint(root, nil)
	if err != nil {
		t.Fatal(err)
	}
	if before == after {
		t.Errorf("Fingerprint did not change with an environment's file")
	}
	if m, err := c.ForDir(root, nil); err != nil || !m.Environment("prod").Sets("BB") {
		t.Errorf("Cache did not re-read the environment's file: %v", err)
	}
}

// TestDisplayName checks that DisplayName names each base name once and
// counts those past the fourth.
func TestDisplayName(t *testing.T) {
	m := &manifest.Manifest{Files: []string{"envvet.yaml", "a/kustomization.yaml", "b/kustomization.yaml", "d.yaml"}}
	if got, want := m.DisplayName(), "envvet.yaml, kustomization.yaml, d.yaml"; got != want {
		t.Errorf("DisplayName = %q, want %q", got, want)
	}
	m.Files = append(m.Files, "e.yaml", "f.yaml", "g.yaml")
	if got, want := m.DisplayName(), "envvet.yaml, kustomization.yaml, d.yaml, e.yaml and 2 more files"; got != want {
		t.Errorf("DisplayName = %q, want %q", got, want)
	}
}
