package manifest_test

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/envvet/envvet/internal/manifest"
)

// TestKustomize renders an overlay with a patch, generators (literals,
// an env file, a secret) and envFrom, and checks that each key is
// positioned in the file that declares it, the overlay's first.
func TestKustomize(t *testing.T) {
	dir := filepath.Join("testdata", "deploy", "kustomize")
	m, err := manifest.Load(filepath.Join(dir, "envvet.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, k := range m.Keys {
		rel, _ := filepath.Rel(dir, k.File)
		got = append(got, k.Name+"@"+filepath.ToSlash(rel)+":"+strconv.Itoa(k.Line)+":"+strconv.Itoa(k.Col))
		if k.Name == "DB_PASSWORD" && !k.Secret {
			t.Errorf("DB_PASSWORD comes from a secretKeyRef but is not Secret")
		}
	}
	want := []string{
		"DB_URL@overlays/prod/patch.yaml:11:21", // kustomize's merge puts the patch's entries first
		"DB_PASSWORD@overlays/prod/patch.yaml:13:21",
		"PORT@base/deployment.yaml:12:21",
		"CACHE_TTL@base/kustomization.yaml:7:9",
		"FEATURE_X@overlays/prod/prod.env:2:1",
		"LOG_LEVEL@overlays/prod/kustomization.yaml:9:9",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("keys:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if _, ok := m.Lookup("SIDECAR_ONLY"); ok {
		t.Errorf("SIDECAR_ONLY is the sidecar's, not the selected container's")
	}

	// A render error is an error at the source's entry.
	_, err = manifest.Load(filepath.Join(dir, "broken.yaml"))
	if err == nil || !strings.HasPrefix(err.Error(), filepath.Join(dir, "broken.yaml")+":2:16: cannot render kustomize overlays/broken: ") {
		t.Errorf("broken overlay: err = %v", err)
	}
}
