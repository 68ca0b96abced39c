package manifest_test

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/envvet/envvet/internal/manifest"
)

func TestWorkspaceModules(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) {
		t.Helper()
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("app/go.mod", "module example.com/app\n")
	write("lib/go.mod", "module example.com/lib\n")
	t.Setenv("GOWORK", "")
	if got := manifest.WorkspaceModules(filepath.Join(dir, "app")); got != nil {
		t.Errorf("no go.work: WorkspaceModules = %q, want nil", got)
	}
	write("go.work", "go 1.26\n\nuse (\n\t./app\n\tlib\n)\n")
	want := []string{filepath.Join(dir, "app"), filepath.Join(dir, "lib")}
	if got := manifest.WorkspaceModules(filepath.Join(dir, "app", "cmd")); !slices.Equal(got, want) {
		t.Errorf("WorkspaceModules = %q, want %q", got, want)
	}
	t.Setenv("GOWORK", "off")
	if got := manifest.WorkspaceModules(filepath.Join(dir, "app")); got != nil {
		t.Errorf("GOWORK=off: WorkspaceModules = %q, want nil", got)
	}
	t.Setenv("GOWORK", "")
	write("go.work", "go 1.26\nuse (\n")
	if got := manifest.WorkspaceModules(dir); got != nil {
		t.Errorf("malformed go.work: WorkspaceModules = %q, want nil", got)
	}
}
