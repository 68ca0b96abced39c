package lsp

import (
	"bytes"
	"errors"
	"go/ast"
	"go/parser"
	"go/types"
	"maps"
	"os"
	"slices"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/envvet/envvet/internal/engine"
	"github.com/envvet/envvet/internal/lazyinspect"
	"github.com/envvet/envvet/internal/typecheck"
)

// A loadState is what the last analysis of a module loaded: the packages
// type-checked from source, all their dependencies included, and the Go
// file contents they were checked with. The next analysis of the same
// packages reuses it: it parses and type-checks again only the packages
// whose files changed and the loaded packages importing them that must
// be (keep.go), against the loaded dependencies, instead of loading
// (parsing and type-checking) the whole dependency graph again.
type loadState struct {
	key   string                         // the patterns loaded
	roots []*packages.Package            // packages.Load's initial packages, or their replacements
	text  map[string][]byte              // file → content checked (open buffers and the module's files)
	open  map[string]bool                // files that were open buffers
	files map[string][]*packages.Package // file → packages (and test variants) compiling it
	edits int                            // incremental updates since the full load

	// cur holds the newest version of each of the main module's packages,
	// by ID; a kept importer may still import an older one (see keep.go).
	cur   map[string]*packages.Package
	order []string // cur's IDs, imports first (topo)
	// importers maps each ID of cur to the IDs of cur importing it (topo)
	importers map[string][]string
	// stale holds the IDs of cur whose current version has a stale
	// import: an import older than its current version (keep.go)
	stale map[string]bool
	api   map[*types.Package]apiData // export data, computed for comparisons
	acts  map[*packages.Package]map[*analysis.Analyzer]*engine.Action
	// suite is the engine's list of analyzers; acts holds the root
	// actions of the last analysis of each root.
	suite []*analysis.Analyzer

	// engine holds the facts of the loaded packages: an analysis after an
	// update analyzes only the packages type-checked again (and, after a
	// manifest change, the main module's), reusing the others' facts.
	engine      *engine.Engine
	manifestGen uint64 // the server's manifest generation the facts were computed with

	// later holds the test variants of edited packages whose type-check
	// waits until the diagnostics of the plain packages are published
	// (finish), with the syntax of the changed files they need.
	later       map[string]bool
	laterSyntax map[string]*ast.File
	laterBroken map[string]error
	first       *engineRun // the analysis run before them, for the log

	// inspectors holds the inspectors of the packages with changed files
	// type-checked by the last update, built during their type-check.
	inspectors map[*packages.Package]*lazyinspect.Inspector
	// checked is the time go/types took in the last update (for the log)
	checked time.Duration
}

// maxEdits bounds the incremental updates between full loads: each adds
// its files to the shared token.FileSet, which only grows.
const maxEdits = 200

// errFullLoad is returned by update when a change needs a full load (a
// new file, a changed import, cgo).
var errFullLoad = errors.New("change needs a full load")

// newLoadState records the packages of a full load, with an engine for
// suite.
func newLoadState(key string, roots []*packages.Package, overlay map[string][]byte, suite []*analysis.Analyzer) (*loadState, error) {
	e, err := engine.New(suite)
	if err != nil {
		return nil, err
	}
	st := &loadState{key: key, roots: roots, text: make(map[string][]byte), open: make(map[string]bool), engine: e,
		cur: make(map[string]*packages.Package), stale: make(map[string]bool), api: make(map[*types.Package]apiData),
		acts: make(map[*packages.Package]map[*analysis.Analyzer]*engine.Action), suite: suite, later: make(map[string]bool)}
	for f := range overlay {
		st.open[f] = true
	}
	packages.Visit(roots, nil, func(p *packages.Package) {
		if p.Module != nil && p.Module.Main {
			st.cur[p.ID] = p
		}
	})
	st.index()
	for f := range st.files {
		if t, ok := overlay[f]; ok {
			st.text[f] = t
		} else if t, err := os.ReadFile(f); err == nil {
			st.text[f] = t
		}
	}
	return st, nil
}

// mainTypes returns the types of the main module's loaded packages.
func (st *loadState) mainTypes() []*types.Package {
	var out []*types.Package
	packages.Visit(st.roots, nil, func(p *packages.Package) {
		if p.Module != nil && p.Module.Main && p.Types != nil {
			out = append(out, p.Types)
		}
	})
	return out
}

// index maps the files of the main module's packages to their current
// versions.
func (st *loadState) index() {
	st.files = make(map[string][]*packages.Package)
	for _, id := range slices.Sorted(maps.Keys(st.cur)) {
		p := st.cur[id]
		for _, f := range p.CompiledGoFiles {
			st.files[f] = append(st.files[f], p)
		}
	}
}

// reindex points st.files at the new versions of the packages an update
// replaced (old → new), in place of the old: what index would build from
// st.cur, without walking every package of the main module. A new
// version compiles the same files (recheck copies the package).
func (st *loadState) reindex(replaced map[*packages.Package]*packages.Package) {
	for old, p := range replaced {
		for _, f := range old.CompiledGoFiles {
			ps := slices.Clone(st.files[f])
			for i, q := range ps {
				if q == old {
					ps[i] = p
				}
			}
			st.files[f] = ps
		}
	}
}

// changed returns the files of the main module whose content differs from
// what was checked: open buffers, and files that were open buffers.
func (st *loadState) changed(overlay map[string][]byte) ([]string, error) {
	paths := make(map[string]bool)
	for f := range overlay {
		paths[f] = true
	}
	for f := range st.open {
		paths[f] = true
	}
	var out []string
	for f := range paths {
		cur, ok := overlay[f]
		if !ok {
			var err error
			if cur, err = os.ReadFile(f); err != nil {
				return nil, errFullLoad
			}
		}
		old, known := st.text[f]
		if !known {
			if _, inPkg := st.files[f]; !inPkg {
				continue // not a file of the loaded packages (a test file of another package, ...)
			}
			return nil, errFullLoad
		}
		if !bytes.Equal(cur, old) {
			out = append(out, f)
		}
	}
	slices.Sort(out)
	return out, nil
}

// update type-checks again the packages of the changed files, and the
// loaded packages importing them whose view of them changed (keep.go),
// reusing the other packages, and returns the new roots. It returns
// errFullLoad when it cannot.
func (st *loadState) update(changed []string, overlay map[string][]byte) ([]*packages.Package, error) {
	st.checked = 0
	if len(changed) == 0 {
		return st.roots, nil
	}
	if st.edits >= maxEdits {
		return nil, errFullLoad
	}
	u := st.newUpdater()
	st.takeLater(u)
	u.prepareInfos(changed)
	for _, f := range changed {
		if err := u.parse(f, overlay); err != nil {
			return nil, err
		}
	}
	u.deferTests()
	u.apply()
	st.checked = u.checked
	st.edits++
	for _, f := range changed {
		if t, ok := overlay[f]; ok {
			st.text[f] = t
		} else if t, err := os.ReadFile(f); err == nil {
			st.text[f] = t
		}
	}
	st.open = make(map[string]bool)
	for f := range overlay {
		st.open[f] = true
	}
	return st.roots, nil
}

// parse parses the changed file f again and forces its packages to be
// type-checked again; errFullLoad when its imports changed, or cgo.
func (u *updater) parse(f string, overlay map[string][]byte) error {
	pkgs := u.st.files[f]
	if len(pkgs) == 0 {
		return errFullLoad
	}
	src, ok := overlay[f]
	if !ok {
		var err error
		if src, err = os.ReadFile(f); err != nil {
			return errFullLoad
		}
	}
	file, err := parser.ParseFile(pkgs[0].Fset, f, src, parser.AllErrors|parser.ParseComments|parser.SkipObjectResolution)
	if file == nil {
		return errFullLoad
	}
	delete(u.broken, f)
	if err != nil {
		u.broken[f] = err
	}
	for _, p := range pkgs {
		if !sameImports(oldFile(p, f), file) || len(p.GoFiles) != len(p.CompiledGoFiles) {
			return errFullLoad // the import graph changed, or cgo
		}
		u.force[p.ID] = true
	}
	u.syntax[f] = file
	return nil
}

// deferTests moves the test variants of the edited packages out of this
// update into st.later when a plain package is edited too: its
// diagnostics are published before the test variants are type-checked
// (finish). An importer of a deferred variant keeps the older version
// until then, as a kept importer does (keep.go).
func (u *updater) deferTests() {
	plain := false
	for id := range u.force {
		plain = plain || u.st.cur[id].ForTest == ""
	}
	if !plain {
		return
	}
	for id := range u.force {
		if u.st.cur[id].ForTest != "" {
			u.st.later[id] = true
			delete(u.force, id)
		}
	}
	if len(u.st.later) > 0 {
		u.st.laterSyntax, u.st.laterBroken = u.syntax, u.broken
	}
}

// takeLater adds the deferred test variants, and the syntax they need, to
// u; a file that u parses again replaces its deferred syntax.
func (st *loadState) takeLater(u *updater) {
	maps.Copy(u.force, st.later)
	maps.Copy(u.syntax, st.laterSyntax)
	maps.Copy(u.broken, st.laterBroken)
	st.later, st.laterSyntax, st.laterBroken = make(map[string]bool), nil, nil
}

// finish type-checks the test variants the last update deferred, and
// returns the new roots; false if it deferred none.
func (st *loadState) finish() ([]*packages.Package, bool) {
	if len(st.later) == 0 {
		return st.roots, false
	}
	u := st.newUpdater()
	st.takeLater(u)
	u.apply()
	return st.roots, true
}

// recheckStale type-checks again the kept packages whose stale imports'
// facts changed (staleFacts), and returns the new roots.
func (st *loadState) recheckStale(force map[string]bool) []*packages.Package {
	u := st.newUpdater()
	u.force = force
	u.apply()
	return st.roots
}

// recheck returns a copy of p type-checked again, with the new syntax of
// its changed files (u.syntax, u.broken) and its imports replaced by
// their current versions (importOf), and the time go/types took. Its
// types.Info is newInfo's; prebuild sees the copy, its syntax set, before
// go/types checks it.
func (u *updater) recheck(p *packages.Package) (*packages.Package, time.Duration) {
	q := *p
	q.Errors = nil
	q.Imports = make(map[string]*packages.Package, len(p.Imports))
	for path, imp := range p.Imports {
		q.Imports[path] = u.importOf(imp)
	}
	q.Syntax = slices.Clone(p.Syntax)
	for i, f := range q.Syntax {
		name := p.Fset.File(f.FileStart).Name()
		if nf, ok := u.syntax[name]; ok {
			q.Syntax[i] = nf
		}
		if err, ok := u.broken[name]; ok {
			q.Errors = append(q.Errors, packages.Error{Msg: err.Error(), Kind: packages.ParseError})
		}
	}
	q.TypeErrors = nil
	q.TypesInfo = u.newInfo(p)
	q.Types = types.NewPackage(p.PkgPath, p.Name)
	cfg := typecheck.Config(&q, q.Imports, func(err error) {
		if te, ok := err.(types.Error); ok {
			q.TypeErrors = append(q.TypeErrors, te)
		}
	})
	u.prebuild(&q)
	start := time.Now()
	_ = types.NewChecker(cfg, p.Fset, q.Types, q.TypesInfo).Files(q.Syntax)
	took := time.Since(start)
	q.IllTyped = len(q.TypeErrors) > 0 || len(q.Errors) > 0
	for _, imp := range q.Imports {
		q.IllTyped = q.IllTyped || imp.IllTyped
	}
	return &q, took
}

// oldFile returns p's syntax for the file named f.
func oldFile(p *packages.Package, f string) *ast.File {
	for _, file := range p.Syntax {
		if p.Fset.File(file.FileStart).Name() == f {
			return file
		}
	}
	return nil
}

// sameImports reports whether two versions of a file import the same paths.
func sameImports(a, b *ast.File) bool {
	if a == nil || b == nil {
		return false
	}
	paths := func(f *ast.File) []string {
		var out []string
		for _, s := range f.Imports {
			out = append(out, s.Path.Value)
		}
		slices.Sort(out)
		return out
	}
	return slices.Equal(paths(a), paths(b))
}
