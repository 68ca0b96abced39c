package typecheck

import (
	"go/types"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"
)

// TestConfig: the importer gives unsafe, an import type-checked already,
// and an error naming the case for one go list left out or one not yet
// type-checked; the Go version is the module's.
func TestConfig(t *testing.T) {
	done := types.NewPackage("example.com/done", "done")
	done.MarkComplete()
	imports := map[string]*packages.Package{
		"example.com/done":    {Types: done},
		"example.com/pending": {Types: types.NewPackage("example.com/pending", "pending")},
	}
	p := &packages.Package{ID: "example.com/p", Module: &packages.Module{GoVersion: "1.22"}}
	cfg := Config(p, imports, nil)
	if cfg.GoVersion != "go1.22" {
		t.Errorf("GoVersion %q, want go1.22", cfg.GoVersion)
	}
	for path, want := range map[string]string{
		"unsafe":              "",
		"example.com/done":    "",
		"example.com/missing": "missing package",
		"example.com/pending": "before it is type-checked",
	} {
		got, err := cfg.Importer.Import(path)
		switch {
		case want == "" && (err != nil || got == nil || got.Path() != path):
			t.Errorf("Import(%s) = %v, %v", path, got, err)
		case want != "" && (err == nil || !strings.Contains(err.Error(), want)):
			t.Errorf("Import(%s): error %v, want one saying %q", path, err, want)
		}
	}
	if cfg := Config(&packages.Package{}, nil, nil); cfg.GoVersion != "" {
		t.Errorf("no module: GoVersion %q, want none", cfg.GoVersion)
	}
}

// TestNewInfo: every map, none nil.
func TestNewInfo(t *testing.T) {
	for _, old := range []*types.Info{nil, NewInfo(nil)} {
		i := NewInfo(old)
		if i.Types == nil || i.Defs == nil || i.Uses == nil || i.Implicits == nil || i.Instances == nil ||
			i.Scopes == nil || i.Selections == nil || i.FileVersions == nil {
			t.Errorf("NewInfo(%v) left a map nil: %+v", old, i)
		}
	}
}
