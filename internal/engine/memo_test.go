package engine_test

import (
	"context"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/envvet/envvet/internal/engine"
)

type pathFact struct{ Path string }

func (*pathFact) AFact() {}

// TestPackageFactsMemo: AllPackageFacts lists the package facts of the
// package and its imports sorted by package, in every run of one engine:
// runs over the same package IDs (an editor's, in which a package type-
// checked again keeps its ID) and over other IDs, of the same number or
// not; and a package fact the package exports after a first call is
// listed by the next (the engine computes the list's sources once per
// package and analyzer run).
func TestPackageFactsMemo(t *testing.T) {
	lister := &analysis.Analyzer{
		Name: "lister", Doc: "lists the package facts it sees before and after exporting its own", FactTypes: []analysis.Fact{new(pathFact)},
		Run: func(pass *analysis.Pass) (any, error) {
			seen := func() string {
				var paths []string
				for _, pf := range pass.AllPackageFacts() {
					paths = append(paths, pf.Fact.(*pathFact).Path)
				}
				return strings.Join(paths, ",")
			}
			before := seen()
			pass.ExportPackageFact(&pathFact{Path: pass.Pkg.Path()})
			pass.Reportf(pass.Files[0].Package, "before %s after %s", before, seen())
			return nil, nil
		},
	}
	e, err := engine.New([]*analysis.Analyzer{lister})
	if err != nil {
		t.Fatal(err)
	}
	module := func(files map[string]string) []*packages.Package {
		dir := t.TempDir()
		files["go.mod"] = "module m\n\ngo 1.22\n"
		writeModule(t, dir, files)
		return load(t, dir, "./top")
	}
	imp := func(paths ...string) string {
		var b strings.Builder
		b.WriteString("package top\n\nimport (\n")
		for _, p := range paths {
			b.WriteString("\t_ \"m/" + p + "\"\n")
		}
		b.WriteString(")\n")
		return b.String()
	}
	abc := map[string]string{"a/a.go": "package a\n", "b/b.go": "package b\n", "c/c.go": "package c\n"}
	with := func(extra map[string]string) map[string]string {
		m := map[string]string{}
		for k, v := range abc {
			m[k] = v
		}
		for k, v := range extra {
			m[k] = v
		}
		return m
	}
	abcTop := func(imports ...string) []*packages.Package {
		return module(with(map[string]string{"top/top.go": imp(imports...)}))
	}
	const all3 = "before m/a,m/b,m/c after m/a,m/b,m/c,m/top"
	runs := []struct {
		name string
		pkgs []*packages.Package
		want []string // the end of each root's report
	}{
		{"first", abcTop("c", "a", "b"), []string{all3}},
		// The same IDs, other packages (as after an edit).
		{"same IDs", abcTop("b", "c", "a"), []string{all3}},
		// As many packages, one ID other: m/0 sorts first.
		{"one ID other", module(with(map[string]string{"top/top.go": imp("a", "b", "0"), "0/z.go": "package z\n"})), []string{"before m/0,m/a,m/b after m/0,m/a,m/b,m/top"}},
		// One package more.
		{"one more", module(with(map[string]string{"top/top.go": imp("a", "b", "c", "d"), "d/d.go": "package d\n"})), []string{"before m/a,m/b,m/c,m/d after m/a,m/b,m/c,m/d,m/top"}},
		// Two versions of each package (7 nodes, 4 IDs), then 4 of
		// those IDs (as an editor's run with a kept importer, then
		// without).
		{"two versions", append(abcTop("a", "b", "c"), abcTop("a", "b")...), []string{all3, "before m/a,m/b after m/a,m/b,m/top"}},
		{"one version", abcTop("a", "b", "c"), []string{all3}},
	}
	for _, run := range runs {
		r, err := e.Run(context.Background(), run.pkgs, engine.Options{Reuse: true})
		if err != nil {
			t.Fatal(err)
		}
		got := fromEngine(r)
		ok := len(got) == len(run.want)
		for i := 0; ok && i < len(got); i++ {
			ok = strings.HasPrefix(got[i], "m/top lister ") && strings.HasSuffix(got[i], ":1:1 "+run.want[i])
		}
		if !ok {
			t.Errorf("%s run:\n%s\nwant reports ending in:\n%s", run.name, strings.Join(got, "\n"), strings.Join(run.want, "\n"))
		}
	}
}
