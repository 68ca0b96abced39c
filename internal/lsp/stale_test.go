package lsp

import (
	"go/types"
	"maps"
	"path/filepath"
	"slices"
	"testing"
)

// TestStaleSet: after each update the loaded state's stale set (the
// packages whose current version has an import older than its current
// version), which apply keeps up to date on the packages it may change
// only, is what a scan of every package finds; prune keeps the export
// data of exactly the versions held; and the package kept with a stale
// import is the one the edits call for.
func TestStaleSet(t *testing.T) {
	st, dir := libModule(t)
	mainGo, libGo := filepath.Join(dir, "main.go"), filepath.Join(dir, "lib", "lib.go")
	edits := []struct {
		file, text string
		stale      []string
	}{
		{mainGo, libFiles["main.go"] + "// one\n", nil},
		{libGo, "package lib\n\nfunc F() int { return 2 }\n", []string{"example.com/t"}}, // the API is unchanged: main is kept
		{libGo, "package lib\n\nfunc F() int { return 3 }\n", []string{"example.com/t"}}, // kept again, two versions behind
		{mainGo, libFiles["main.go"] + "// two\n", nil},                                  // main is checked again, against the current lib
		{libGo, "package lib\n\nfunc F() int { return 4 }\n", []string{"example.com/t"}}, // kept
		{libGo, "package lib\n\nfunc F() int64 { return 4 }\n", nil},                     // changed: main is checked again
	}
	overlay := map[string][]byte{}
	for i, e := range edits {
		overlay[e.file] = []byte(e.text)
		if _, err := st.update([]string{e.file}, overlay); err != nil {
			t.Fatalf("edit %d: %v", i, err)
		}
		scan := make(map[string]bool)
		held := make(map[*types.Package]bool)
		for id, q := range st.cur {
			held[q.Types] = true
			for _, imp := range q.Imports {
				held[imp.Types] = true
				if c, ok := st.cur[imp.ID]; ok && c != imp {
					scan[id] = true
				}
			}
		}
		if !maps.Equal(st.stale, scan) {
			t.Errorf("edit %d: stale set %v, a scan finds %v", i, st.stale, scan)
		}
		if got := slices.Sorted(maps.Keys(st.stale)); !slices.Equal(got, e.stale) {
			t.Errorf("edit %d: stale %v, want %v", i, got, e.stale)
		}
		for typ := range st.api {
			if !held[typ] {
				t.Errorf("edit %d: export data of %s kept, which nothing holds", i, typ.Path())
			}
		}
		// The versions compared (the last edit's lib and the one main
		// holds) keep their export data while main holds the older.
		if len(e.stale) > 0 {
			if _, ok := st.api[st.cur["example.com/t"].Imports["example.com/t/lib"].Types]; !ok {
				t.Errorf("edit %d: the export data of the lib main holds was dropped", i)
			}
		}
	}
}

// TestStaleBroughtUpToDate: a package type-checked again first brings its
// stale imports up to date, even one that no forced package's change
// reaches (mid, kept after lib's edit, under main's).
func TestStaleBroughtUpToDate(t *testing.T) {
	st, dir := loadModule(t, map[string]string{
		"go.mod":     "module example.com/t\n\ngo 1.26\n",
		"lib/lib.go": "package lib\n\nfunc F() int { return 1 }\n",
		"mid/mid.go": "package mid\n\nimport \"example.com/t/lib\"\n\nfunc G() int { return lib.F() }\n",
		"main.go":    "package main\n\nimport \"example.com/t/mid\"\n\nfunc main() { _ = mid.G() }\n",
	})
	libGo, mainGo := filepath.Join(dir, "lib", "lib.go"), filepath.Join(dir, "main.go")
	overlay := map[string][]byte{libGo: []byte("package lib\n\nfunc F() int { return 2 }\n")}
	if _, err := st.update([]string{libGo}, overlay); err != nil {
		t.Fatal(err)
	}
	if got := slices.Sorted(maps.Keys(st.stale)); !slices.Equal(got, []string{"example.com/t/mid"}) {
		t.Fatalf("after lib's edit, stale %v, want mid", got)
	}
	overlay[mainGo] = []byte("package main\n\nimport \"example.com/t/mid\"\n\nfunc main() { _ = mid.G() + 1 }\n")
	if _, err := st.update([]string{mainGo}, overlay); err != nil {
		t.Fatal(err)
	}
	main, mid, lib := st.cur["example.com/t"], st.cur["example.com/t/mid"], st.cur["example.com/t/lib"]
	if main.Imports["example.com/t/mid"] != mid || mid.Imports["example.com/t/lib"] != lib {
		t.Errorf("main checked against a mid that is not current, or mid against an old lib")
	}
	if len(st.stale) > 0 {
		t.Errorf("stale %v after main's type-check, want none", slices.Sorted(maps.Keys(st.stale)))
	}
}
