package nocgo

import (
	"go/token"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// TestConstrainedFilesByName checks that constrainedFiles reads no
// ignored file that the build leaves out by its name (another GOOS), even
// one constrained by cgo, and still reads and returns those of this GOOS
// and those without a GOOS in their name, constrained either way.
func TestConstrainedFilesByName(t *testing.T) {
	other := "windows"
	if runtime.GOOS == "windows" {
		other = "linux"
	}
	dir := t.TempDir()
	files := map[string]string{
		"sqlite_" + runtime.GOOS + ".go": "//go:build cgo\n\npackage p\n\nimport _ \"example.com/sqlite\"\n",
		"sqlite_" + other + ".go":        "//go:build cgo\n\npackage p\n\nimport _ \"example.com/sqlite\"\n",
		"stub.go":                        "//go:build !cgo\n\npackage p\n\nfunc Open() error { panic(\"needs cgo\") }\n",
	}
	var ignored []string
	for name, src := range files {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		ignored = append(ignored, path)
	}
	slices.Sort(ignored)
	var read []string
	pass := &analysis.Pass{
		Fset:         token.NewFileSet(),
		IgnoredFiles: ignored,
		ReadFile: func(name string) ([]byte, error) {
			if !slices.Contains(read, filepath.Base(name)) {
				read = append(read, filepath.Base(name))
			}
			return os.ReadFile(name)
		},
	}
	var got []string
	for _, f := range constrainedFiles(pass) {
		got = append(got, filepath.Base(f.name))
	}
	slices.Sort(read)
	want := []string{"sqlite_" + runtime.GOOS + ".go", "stub.go"}
	slices.Sort(want)
	if !slices.Equal(read, want) {
		t.Errorf("files read: %v, want %v (not sqlite_%s.go, left out by its name)", read, want, other)
	}
	if !slices.Equal(got, want) {
		t.Errorf("constrained files: %v, want %v", got, want)
	}
}
