package manifest_test

import (
	"path/filepath"
	"slices"
	"testing"

	"github.com/envvet/envvet/internal/manifest"
)

func TestWorkspaceModules(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"app/go.mod": "module example.com/app\n",
		"lib/go.mod": "module example.com/lib\n",
	})
	t.Setenv("GOWORK", "")
	if got := manifest.WorkspaceModules(filepath.Join(dir, "app")); got != nil {
		t.Errorf("no go.work: WorkspaceModules = %q, want nil", got)
	}
	writeFiles(t, dir, map[string]string{"go.work": "go 1.26\n\nuse (\n\t./app\n\tlib\n)\n"})
	want := []string{filepath.Join(dir, "app"), filepath.Join(dir, "lib")}
	if got := manifest.WorkspaceModules(filepath.Join(dir, "app", "cmd")); !slices.Equal(got, want) {
		t.Errorf("WorkspaceModules = %q, want %q", got, want)
	}
	t.Setenv("GOWORK", "off")
	if got := manifest.WorkspaceModules(filepath.Join(dir, "app")); got != nil {
		t.Errorf("GOWORK=off: WorkspaceModules = %q, want nil", got)
	}
	t.Setenv("GOWORK", "")
	writeFiles(t, dir, map[string]string{"go.work": "go 1.26\nuse (\n"})
	if got := manifest.WorkspaceModules(dir); got != nil {
		t.Errorf("malformed go.work: WorkspaceModules = %q, want nil", got)
	}
}
