package driver

import (
	"fmt"
	"path/filepath"
	"slices"
	"testing"

	"golang.org/x/tools/go/packages"
)

// TestStreamerMatchesLoad: the streamer's packages, type-checked one by
// one, imports first, are what packages.Load gives in LoadAllSyntax mode:
// the same errors, IllTyped, files, and the same number of entries in each
// types.Info map, on the partial workspace's modules (a type error, an
// import that resolves nowhere, a cgo-only dependency with cgo off) with
// their tests.
func TestStreamerMatchesLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("loads modules with the go command")
	}
	t.Chdir(filepath.Join("testdata", "partial"))
	t.Setenv("CGO_ENABLED", "0")
	patterns := []string{"example.com/typeerror/...", "example.com/badimport/...", "example.com/cgoonly/..."}
	full, err := packages.Load(&packages.Config{Mode: packages.LoadAllSyntax | packages.NeedModule, Tests: true}, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	meta, s, err := loadMetadata(&packages.Config{Tests: true}, patterns)
	if err != nil {
		t.Fatal(err)
	}
	packages.Visit(meta, nil, s.typeCheck) // postorder: imports first
	want := summaries(full)
	got := summaries(meta)
	if len(want) < 20 {
		t.Fatalf("%d packages loaded: the test proves little", len(want))
	}
	for id, w := range want {
		if g, ok := got[id]; !ok {
			t.Errorf("%s: not in the streamed load", id)
		} else if g != w {
			t.Errorf("%s:\nstreamed %+v\nloaded   %+v", id, g, w)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d packages streamed, %d loaded", len(got), len(want))
	}
	broken := 0
	for _, w := range want {
		if w.errors != "[]" {
			broken++
		}
	}
	if broken < 3 {
		t.Errorf("%d packages with errors: the fixture shows nothing", broken)
	}
}

// A summary is what TestStreamerMatchesLoad compares of a package.
type summary struct {
	errors, files, info string
	typeErrors          int
	illTyped, complete  bool
}

func summaries(roots []*packages.Package) map[string]summary {
	out := make(map[string]summary)
	packages.Visit(roots, nil, func(p *packages.Package) {
		var errs []string
		for _, e := range p.Errors {
			errs = append(errs, fmt.Sprintf("%s %s %d", e.Pos, e.Msg, e.Kind))
		}
		var files []string
		for _, f := range p.Syntax {
			files = append(files, filepath.Base(p.Fset.File(f.FileStart).Name()))
		}
		slices.Sort(files)
		info := "nil"
		if i := p.TypesInfo; i != nil {
			info = fmt.Sprint(len(i.Types), len(i.Defs), len(i.Uses), len(i.Implicits), len(i.Instances), len(i.Scopes), len(i.Selections), len(i.FileVersions))
		}
		out[p.ID] = summary{
			errors: fmt.Sprint(errs), files: fmt.Sprint(files), info: info,
			typeErrors: len(p.TypeErrors), illTyped: p.IllTyped, complete: p.Types != nil && p.Types.Complete(),
		}
	})
	return out
}
