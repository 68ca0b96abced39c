package manifest_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/envvet/envvet/internal/manifest"
)

// fingerprintTree is a module with a manifest of every kind: envvet.yaml
// naming each kind of deployment source, a .env.example, and release
// files at the root. The "../outside" source lies next to the module.
func fingerprintTree(t *testing.T) map[string]string {
	t.Helper()
	files := map[string]string{
		"mod/go.mod":       "module m\n",
		"mod/main.go":      "package main\n",
		"mod/.env.example": "A=1\n",
		"mod/envvet.yaml": `keys:
  A: {}
sources:
  - compose: deploy/compose.yml
  - kubernetes: deploy/k8s.yaml
  - kustomize: deploy/kust/overlays/prod
    container: api
  - dotenv: deploy/prod.env
  - dockerfile: build/Dockerfile
  - goreleaser: build/goreleaser.yaml
  - makefile: build/release.mk
  - ../outside/extra.env
`,
		"mod/deploy/compose.yml": "services:\n  app:\n    env_file: app.env\n    environment:\n      C: x\n",
		"mod/deploy/app.env":     "E=1\n",
		"mod/deploy/k8s.yaml": `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: app
      env:
        - name: K
          value: x
`,
		"mod/deploy/prod.env":          "P=1\n",
		"mod/build/Dockerfile":         "FROM golang\nENV CGO_ENABLED=0\nRUN go build ./...\n",
		"mod/build/goreleaser.yaml":    "builds:\n  - env: [CGO_ENABLED=0]\n",
		"mod/build/release.mk":         "build:\n\tCGO_ENABLED=0 go build ./...\n",
		"mod/Dockerfile":               "FROM golang\nRUN CGO_ENABLED=0 go build ./...\n",
		"mod/.goreleaser.yaml":         "builds:\n  - env: [CGO_ENABLED=0]\n",
		"mod/Makefile":                 "build:\n\tCGO_ENABLED=0 go build ./...\n",
		"outside/extra.env":            "O=1\n",
		"mod/deploy/unrelated.yaml":    "x: 1\n",
		"mod/deploy/kust/unrelated.md": "notes\n",
	}
	kust := filepath.Join("testdata", "deploy", "kustomize")
	for _, f := range []string{"base/deployment.yaml", "base/kustomization.yaml", "overlays/prod/kustomization.yaml", "overlays/prod/patch.yaml", "overlays/prod/prod.env"} {
		data, err := os.ReadFile(filepath.Join(kust, filepath.FromSlash(f)))
		if err != nil {
			t.Fatal(err)
		}
		files["mod/deploy/kust/"+f] = string(data)
	}
	return files
}

// fingerprintOf returns the fingerprint seen from the directory from
// (slash-separated, relative to the module dir), with extra named
// relative to dir.
func fingerprintOf(t *testing.T, dir, from string, extra ...string) string {
	t.Helper()
	var abs []string
	for _, e := range extra {
		abs = append(abs, filepath.Join(dir, filepath.FromSlash(e)))
	}
	s, err := manifest.Fingerprint(filepath.Join(dir, filepath.FromSlash(from)), abs)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestFingerprintPortable checks that the fingerprint does not depend on
// where the module is checked out: two CI machines with different
// checkout directories must share cache entries.
func TestFingerprintPortable(t *testing.T) {
	t.Setenv("GOWORK", "off")
	files := fingerprintTree(t)
	a := filepath.Join(writeTree(t, files), "mod")
	b := filepath.Join(writeTree(t, files), "mod") // another directory, same content
	for _, extra := range [][]string{nil, {"deploy/compose.yml"}, {"../outside/extra.env"}} {
		// From the module root on one machine, a subdirectory on the other.
		fa := fingerprintOf(t, a, ".", extra...)
		fb := fingerprintOf(t, b, "build", extra...)
		if fa != fb {
			t.Errorf("extra %q: the same module at %s and %s has different fingerprints", extra, a, b)
		}
	}

	// The path is still hashed: the same content under another name
	// differs.
	base := fingerprintOf(t, a, ".")
	if err := os.Rename(filepath.Join(a, ".env.example"), filepath.Join(a, ".env.sample")); err != nil {
		t.Fatal(err)
	}
	if fingerprintOf(t, a, ".") == base {
		t.Errorf("renaming .env.example to .env.sample did not change the fingerprint")
	}
}

// TestFingerprintEveryKind edits, one at a time, a file of every manifest
// kind and checks that each edit changes the fingerprint, while files no
// manifest names do not.
func TestFingerprintEveryKind(t *testing.T) {
	t.Setenv("GOWORK", "off")
	root := writeTree(t, fingerprintTree(t))
	dir := filepath.Join(root, "mod")
	base := fingerprintOf(t, dir, ".")
	edit := func(name string) {
		t.Helper()
		p := filepath.Join(root, filepath.FromSlash(name))
		f, err := os.OpenFile(p, os.O_APPEND|os.O_WRONLY, 0)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if _, err := f.WriteString("# edited\n"); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{"mod/main.go", "mod/deploy/unrelated.yaml", "mod/deploy/kust/unrelated.md"} {
		edit(name)
		if fingerprintOf(t, dir, ".") != base {
			t.Errorf("editing %s, which no manifest names, changed the fingerprint", name)
		}
	}
	for _, tc := range []struct{ kind, file string }{
		{"envvet.yaml", "mod/envvet.yaml"},
		{"dotenv", "mod/.env.example"},
		{"dotenv source", "mod/deploy/prod.env"},
		{"dotenv outside the module", "outside/extra.env"},
		{"compose", "mod/deploy/compose.yml"},
		{"compose env_file", "mod/deploy/app.env"},
		{"kubernetes", "mod/deploy/k8s.yaml"},
		{"kustomize overlay kustomization", "mod/deploy/kust/overlays/prod/kustomization.yaml"},
		{"kustomize overlay patch", "mod/deploy/kust/overlays/prod/patch.yaml"},
		{"kustomize generator env file", "mod/deploy/kust/overlays/prod/prod.env"},
		{"kustomize base resource", "mod/deploy/kust/base/deployment.yaml"},
		{"kustomize base kustomization", "mod/deploy/kust/base/kustomization.yaml"},
		{"dockerfile source", "mod/build/Dockerfile"},
		{"goreleaser source", "mod/build/goreleaser.yaml"},
		{"makefile source", "mod/build/release.mk"},
		{"root Dockerfile", "mod/Dockerfile"},
		{"root .goreleaser.yaml", "mod/.goreleaser.yaml"},
		{"root Makefile", "mod/Makefile"},
	} {
		edit(tc.file)
		got := fingerprintOf(t, dir, ".")
		if got == base {
			t.Errorf("%s: editing %s did not change the fingerprint", tc.kind, tc.file)
		}
		base = got
	}
}
