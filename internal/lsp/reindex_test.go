package lsp

import (
	"go/ast"
	"go/types"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"golang.org/x/tools/go/packages"

	"github.com/envvet/envvet/analyzers/envgraph"
	"github.com/envvet/envvet/internal/lazyinspect"
)

// TestReindex: after each update, the loaded state's index of files to
// packages (which update keeps up to date from the packages it replaced)
// is what index builds from the current packages: every file maps to
// the newest versions of its packages. (No test variants: a test binary's
// main package imports testing, whose load from source would be most of
// the test's time; finish's update is the same apply.)
func TestReindex(t *testing.T) {
	st, dir := libModule(t)
	mainGo, libGo := filepath.Join(dir, "main.go"), filepath.Join(dir, "lib", "lib.go")
	edits := []struct{ file, text string }{
		{mainGo, libFiles["main.go"] + "// one\n"},
		{libGo, "package lib\n\nfunc F() int { return 2 }\n"},   // the API is unchanged: main is kept
		{libGo, "package lib\n\nfunc F() int64 { return 2 }\n"}, // changed: main is checked again
		{mainGo, libFiles["main.go"] + "// two\n"},
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

// libFiles is the module libModule writes: main imports lib.
var libFiles = map[string]string{
	"go.mod":     "module example.com/t\n\ngo 1.26\n",
	"lib/lib.go": "package lib\n\nfunc F() int { return 1 }\n",
	"main.go":    "package main\n\nimport \"example.com/t/lib\"\n\nfunc main() { _ = lib.F() }\n",
}

// libModule writes libFiles to a temporary directory, loads its packages
// and returns their loaded state and the directory.
func libModule(t *testing.T) (*loadState, string) {
	return loadModule(t, libFiles)
}

// loadModule writes files to a temporary directory, loads its packages
// and returns their loaded state and the directory.
func loadModule(t *testing.T, files map[string]string) (*loadState, string) {
	dir := t.TempDir()
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
	return st, dir
}

// TestPrebuild: an update builds the inspector of each package compiling
// a changed file while it type-checks it, and offers it to the engine
// (prepared) for lazyinspect only; an importer checked again because
// the API changed gets none.
func TestPrebuild(t *testing.T) {
	st, dir := libModule(t)
	libGo := filepath.Join(dir, "lib", "lib.go")
	oldMain := st.cur["example.com/t"]
	overlay := map[string][]byte{libGo: []byte("package lib\n\nfunc F() int64 { return 2 }\n")} // main is checked again
	if _, err := st.update([]string{libGo}, overlay); err != nil {
		t.Fatal(err)
	}
	lib, main := st.cur["example.com/t/lib"], st.cur["example.com/t"]
	if main == oldMain {
		t.Fatal("main was not checked again: the test proves nothing about importers")
	}
	got, ok := st.prepared(lib, lazyinspect.Analyzer)
	if !ok {
		t.Fatal("no inspector prepared for the edited package")
	}
	in := got.(*lazyinspect.Inspector).Get()
	var results []string
	for cur := range in.Root().Preorder((*ast.FuncDecl)(nil)) {
		fn := cur.Node().(*ast.FuncDecl)
		results = append(results, types.ExprString(fn.Type.Results.List[0].Type))
	}
	if !slices.Equal(results, []string{"int64"}) {
		t.Errorf("the prepared inspector has functions returning %q, want the edited file's [int64]", results)
	}
	if _, ok := st.prepared(lib, envgraph.Analyzer); ok {
		t.Error("a result prepared for envgraph")
	}
	if _, ok := st.prepared(main, lazyinspect.Analyzer); ok {
		t.Error("an inspector prepared for the importer, which has no changed file")
	}
}
