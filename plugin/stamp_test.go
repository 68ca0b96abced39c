package plugin_test

import (
	"os"
	"path/filepath"
	"testing"
)

// stampName builds the named check's plugin in dir, as golangci-lint
// does in its working directory, and returns its manifest stamp's name.
func stampName(t *testing.T, dir, check string, settings any) string {
	t.Helper()
	t.Chdir(dir)
	as, err := build(t, check, settings)
	if err != nil {
		t.Fatal(err)
	}
	if len(as) != 2 {
		t.Fatalf("%s: built %v, want the check and a manifest stamp", check, as)
	}
	if as[1].Run == nil || as[1].Doc == "" {
		t.Errorf("stamp %s: no Run or Doc", as[1].Name)
	}
	return as[1].Name
}

// writeModule writes a small module with a manifest under dir.
func writeModule(t *testing.T, dir string) {
	t.Helper()
	for name, content := range map[string]string{
		"go.mod":              "module example.com/app\n\ngo 1.26\n",
		"main.go":             "package main\n\nimport \"os\"\n\nfunc main() { _ = os.Getenv(\"APP_PORT\") }\n",
		".env.example":        "APP_PORT=8080\n",
		"envvet.yaml":         "sources:\n  - compose: deploy/compose.yml\n",
		"deploy/compose.yml":  "services:\n  app:\n    environment:\n      APP_LOG: info\n",
		"cmd/tool/main.go":    "package main\n\nfunc main() {}\n",
		"docs/unrelated.yaml": "x: 1\n",
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func appendTo(t *testing.T, path, text string) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteString(text); err != nil {
		t.Fatal(err)
	}
}

// TestManifestStamp checks what golangci-lint's cache key gets from the
// stamp's name: every manifest edit changes it, undoing the edit restores
// it, Go files and unrelated files do not count (golangci-lint hashes
// those itself or they do not matter), and the checkout directory does
// not count.
func TestManifestStamp(t *testing.T) {
	t.Setenv("GOWORK", "off")
	dir := filepath.Join(t.TempDir(), "app")
	writeModule(t, dir)
	base := stampName(t, dir, "envkeys", nil)
	if other := stampName(t, dir, "ctxgo", nil); other != base {
		t.Errorf("checks disagree on the stamp: envkeys %s, ctxgo %s", base, other)
	}
	if sub := stampName(t, filepath.Join(dir, "cmd", "tool"), "envkeys", nil); sub != base {
		t.Errorf("from a subdirectory the stamp is %s, want the module's %s", sub, base)
	}
	copyDir := filepath.Join(t.TempDir(), "elsewhere", "app")
	writeModule(t, copyDir)
	if got := stampName(t, copyDir, "envkeys", nil); got != base {
		t.Errorf("the same module in another directory has stamp %s, want %s", got, base)
	}

	for _, f := range []string{"main.go", "docs/unrelated.yaml"} {
		appendTo(t, filepath.Join(dir, f), "\n")
		if got := stampName(t, dir, "envkeys", nil); got != base {
			t.Errorf("editing %s changed the stamp", f)
		}
	}
	for _, f := range []string{".env.example", "envvet.yaml", "deploy/compose.yml"} {
		p := filepath.Join(dir, filepath.FromSlash(f))
		orig, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		appendTo(t, p, "# edited\n")
		if got := stampName(t, dir, "envkeys", nil); got == base {
			t.Errorf("editing %s did not change the stamp", f)
		}
		if err := os.WriteFile(p, orig, 0o644); err != nil {
			t.Fatal(err)
		}
		if got := stampName(t, dir, "envkeys", nil); got != base {
			t.Errorf("undoing the edit of %s did not restore the stamp", f)
		}
	}

	// A manifest named in the settings counts, even outside the module.
	outside := filepath.Join(t.TempDir(), "prod.env")
	if err := os.WriteFile(outside, []byte("APP_PORT=80\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	settings := map[string]any{"manifest": []any{outside}}
	named := stampName(t, dir, "envkeys", settings)
	if named == base {
		t.Errorf("a manifest named in the settings did not change the stamp")
	}
	appendTo(t, outside, "APP_LOG=debug\n")
	if got := stampName(t, dir, "envkeys", settings); got == named {
		t.Errorf("editing the manifest named in the settings did not change the stamp")
	}
}
