package lsp

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"golang.org/x/tools/go/packages"
)

// TestReindex: after each update, the loaded state's index of files to
// packages (which update keeps up to date from the packages it replaced)
// is what index builds from the current packages: every file maps to
// the newest versions of its packages. (No test variants: a test binary's
// main package imports testing, whose load from source would be most of
// the test's time; finish's update is the same apply.)
func TestReindex(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"go.mod":     "module example.com/t\n\ngo 1.26\n",
		"lib/lib.go": "package lib\n\nfunc F() int { return 1 }\n",
		"main.go":    "package main\n\nimport \"example.com/t/lib\"\n\nfunc main() { _ = lib.F() }\n",
	}
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cfg := &packages.Config{Mode: packages.LoadAllSyntax | packages.NeedModule, Dir: dir}
	roots, err := packages.Load(cfg, "./...")
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(roots) > 0 {
		t.Fatal("packages have errors")
	}
	st, err := newLoadState("./...", roots, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	mainGo, libGo := filepath.Join(dir, "main.go"), filepath.Join(dir, "lib", "lib.go")
	edits := []struct{ file, text string }{
		{mainGo, files["main.go"] + "// one\n"},
		{libGo, "package lib\n\nfunc F() int { return 2 }\n"},   // the API is unchanged: main is kept
		{libGo, "package lib\n\nfunc F() int64 { return 2 }\n"}, // changed: main is checked again
		{mainGo, files["main.go"] + "// two\n"},
	}
	overlay := map[string][]byte{}
	for i, e := range edits {
		overlay[e.file] = []byte(e.text)
		if _, err := st.update([]string{e.file}, overlay); err != nil {
			t.Fatalf("edit %d: %v", i, err)
		}
		got := st.files
		st.index()
		if !maps.EqualFunc(got, st.files, slices.Equal) {
			t.Errorf("edit %d: the index after the update differs from index's", i)
		}
		for f, ps := range st.files {
			for _, p := range ps {
				if st.cur[p.ID] != p {
					t.Errorf("edit %d: %s maps to a version of %s that is not the current one", i, f, p.ID)
				}
			}
		}
		st.files = got
	}
}
