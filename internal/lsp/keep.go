package lsp

import (
	"bytes"
	"go/ast"
	"go/types"
	"maps"
	"reflect"
	"slices"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/types/objectpath"

	"github.com/envvet/envvet/internal/engine"
	"github.com/envvet/envvet/internal/lazyinspect"
	"github.com/envvet/envvet/internal/typecheck"
)

// Importers are type-checked and analyzed again only when what they see
// of an edited package changed (issue 21), as gopls does with export
// data:
//
//   - its API: the export data of the new version (exported objects,
//     what they reach, their positions) against that of the version the
//     importer was checked with. An importer whose every newer import has
//     the same API is kept, still typed against the older version: a
//     "stale" import.
//   - its facts: after the analysis, the facts of the new version against
//     those of the stale one, object by object (objectpath). An importer
//     one of whose stale imports has other facts is type-checked and
//     analyzed again, and the comparison goes on up the graph.
//
// A kept root's diagnostics are those of its last analysis (the engine
// skips it, Options.Cached): its syntax, types and imported facts are
// those it was analyzed with. A package type-checked again for any reason
// first brings every stale import below it up to date, so that one
// type-check never mixes two versions of a package.

// An updater brings the loaded packages up to date after an edit.
type updater struct {
	st     *loadState
	syntax map[string]*ast.File // new syntax of the changed files
	broken map[string]error     // changed files with syntax errors
	force  map[string]bool      // IDs to type-check again
	done   map[string]*packages.Package
	// replaced maps each package type-checked again to its new version
	replaced map[*packages.Package]*packages.Package
	// inspectors holds the inspectors built, while go/types checked
	// them, of the new versions of the packages with changed files
	inspectors map[*packages.Package]*lazyinspect.Inspector
	// affected holds the IDs whose version the update may change
	// (loadState.affected); current keeps every other package as it is
	affected map[string]bool
	checked  time.Duration // spent in go/types
	// infos holds the types.Info of the next version of each plain
	// package of a changed file, made while the file is parsed
	// (prepareInfos); the others' are made when they are checked.
	infos map[*packages.Package]chan *types.Info
}

func (st *loadState) newUpdater() *updater {
	return &updater{st: st, syntax: make(map[string]*ast.File), broken: make(map[string]error),
		force: make(map[string]bool), done: make(map[string]*packages.Package),
		replaced:   make(map[*packages.Package]*packages.Package),
		inspectors: make(map[*packages.Package]*lazyinspect.Inspector),
		infos:      make(map[*packages.Package]chan *types.Info)}
}

// prepareInfos starts making, on a core the parse of the changed files
// leaves idle, the types.Info of the next version of each plain package
// compiling one of them (typecheck.NewInfo sizes its maps from the
// version's: tailscale's cmd/derper, 0.07-0.17 ms an edit, which no
// longer waits for the parse). A test variant waits for its package's
// publication (deferTests): its Info is made when it is checked.
func (u *updater) prepareInfos(changed []string) {
	for _, f := range changed {
		for _, p := range u.st.files[f] {
			if _, ok := u.infos[p]; ok || p.ForTest != "" || p.TypesInfo == nil {
				continue
			}
			ch := make(chan *types.Info, 1)
			u.infos[p] = ch
			go func() { ch <- typecheck.NewInfo(p.TypesInfo) }()
		}
	}
}

// newInfo returns the types.Info of old's next version: the one
// prepareInfos made, or a new one.
func (u *updater) newInfo(old *packages.Package) *types.Info {
	if ch, ok := u.infos[old]; ok {
		delete(u.infos, old)
		return <-ch
	}
	return typecheck.NewInfo(old.TypesInfo)
}

// apply type-checks again the forced packages and the importers that
// must be, and replaces the roots by the current versions.
func (u *updater) apply() {
	var order []string
	u.affected = u.st.affected(u.force)
	for _, id := range u.st.topo() {
		if u.affected[id] {
			order = append(order, id)
		}
	}
	for again := true; again; {
		again = false
		for _, id := range order {
			if _, ok := u.done[id]; ok {
				continue
			}
			if u.force[id] || !u.keepable(u.st.cur[id]) {
				u.current(id)
				again = true
			}
		}
	}
	roots := make([]*packages.Package, len(u.st.roots))
	for i, r := range u.st.roots {
		roots[i] = r
		if c, ok := u.st.cur[r.ID]; ok {
			roots[i] = c
		}
	}
	u.st.roots = roots
	u.st.inspectors = u.inspectors
	u.st.reindex(u.replaced)
	for id := range u.affected {
		u.st.markStale(id)
	}
	u.st.prune()
}

// affected returns the IDs of cur whose version an update forcing force
// may change: the forced packages, those with a stale import, and their
// importers up the graph. Nothing else has in its closure a package to
// type-check again or a stale import to bring up to date: current keeps
// it, and keepable holds for it (every import is its current version).
func (st *loadState) affected(force map[string]bool) map[string]bool {
	st.topo()
	aff := make(map[string]bool)
	var up func(id string)
	up = func(id string) {
		if aff[id] {
			return
		}
		aff[id] = true
		for _, imp := range st.importers[id] {
			up(imp)
		}
	}
	for id := range force {
		up(id)
	}
	for id := range st.stale {
		up(id)
	}
	return aff
}

// markStale records whether the current version of id has a stale
// import. An update calls it on every package it may have changed; any
// other package's imports and version are as they were.
func (st *loadState) markStale(id string) {
	delete(st.stale, id)
	for _, imp := range st.cur[id].Imports {
		if c, ok := st.cur[imp.ID]; ok && c != imp {
			st.stale[id] = true
			return
		}
	}
}

// keepable reports whether every import of q that has a newer version
// has the same API in it.
func (u *updater) keepable(q *packages.Package) bool {
	for _, imp := range q.Imports {
		if c, ok := u.st.cur[imp.ID]; ok && c != imp && !u.st.sameAPI(imp, c) {
			return false
		}
	}
	return true
}

// current returns the version of package id whose whole import closure
// is current, type-checking it (and its stale imports) again if needed.
func (u *updater) current(id string) *packages.Package {
	if c, ok := u.done[id]; ok {
		return c
	}
	q := u.st.cur[id]
	if !u.affected[id] {
		return q
	}
	need := u.force[id]
	for _, imp := range q.Imports {
		if _, main := u.st.cur[imp.ID]; main && u.current(imp.ID) != imp {
			need = true
		}
	}
	if need {
		old := q
		var took time.Duration
		q, took = u.recheck(q)
		u.checked += took
		u.st.cur[id] = q
		u.replaced[old] = q
	}
	u.done[id] = q
	return q
}

// prebuild starts building the inspector of q, about to be type-checked,
// if q compiles a changed file: on a core the type-check leaves idle,
// the analysis of an edited package then finds its inspector built
// (lazyinspect's Get waits for the build if it has not ended).
func (u *updater) prebuild(q *packages.Package) {
	for _, f := range q.Syntax {
		if _, changed := u.syntax[q.Fset.File(f.FileStart).Name()]; changed {
			in := lazyinspect.New(q.Syntax)
			u.inspectors[q] = in
			go in.Get()
			return
		}
	}
}

// prepared returns the inspector built for p's analysis (prebuild), for
// engine.Options.Prepared.
func (st *loadState) prepared(p *packages.Package, a *analysis.Analyzer) (any, bool) {
	if in, ok := st.inspectors[p]; ok && a == lazyinspect.Analyzer {
		return in, true
	}
	return nil, false
}

func (u *updater) importOf(imp *packages.Package) *packages.Package {
	if _, main := u.st.cur[imp.ID]; main {
		return u.current(imp.ID)
	}
	return imp
}

// topo returns the IDs of the main module's packages, imports first,
// and records their importers. An update never changes the import graph
// (changed imports need a full load), so both are computed once per load.
func (st *loadState) topo() []string {
	if st.order != nil {
		return st.order
	}
	var order []string
	seen := make(map[string]bool)
	st.importers = make(map[string][]string)
	var visit func(p *packages.Package)
	visit = func(p *packages.Package) {
		if seen[p.ID] {
			return
		}
		seen[p.ID] = true
		for _, path := range slices.Sorted(maps.Keys(p.Imports)) {
			if c, ok := st.cur[p.Imports[path].ID]; ok {
				visit(c)
				st.importers[c.ID] = append(st.importers[c.ID], p.ID)
			}
		}
		order = append(order, p.ID)
	}
	for _, id := range slices.Sorted(maps.Keys(st.cur)) {
		visit(st.cur[id])
	}
	st.order = order
	return order
}

// sameAPI reports whether two versions of a package export the same
// API, positions included; a version with errors never does.
func (st *loadState) sameAPI(a, b *packages.Package) bool {
	ea, eb := st.exportData(a), st.exportData(b)
	return ea != nil && eb != nil && bytes.Equal(ea, eb)
}

func (st *loadState) exportData(p *packages.Package) []byte {
	if p.Types == nil || len(p.Errors) > 0 || len(p.TypeErrors) > 0 {
		return nil
	}
	if a, ok := st.api[p.Types]; ok {
		return a.data
	}
	var buf bytes.Buffer
	if err := gcexportdata.Write(&buf, p.Fset, p.Types); err != nil {
		return nil
	}
	st.api[p.Types] = apiData{id: p.ID, data: buf.Bytes()}
	return buf.Bytes()
}

// apiData is the export data of a version of the package id.
type apiData struct {
	id   string
	data []byte
}

// staleFacts returns the IDs of the kept packages one of whose stale
// imports has other facts than its current version.
func (st *loadState) staleFacts() map[string]bool {
	same := make(map[[2]*types.Package]bool)
	force := make(map[string]bool)
	for id := range st.stale {
		for _, imp := range st.cur[id].Imports {
			c, ok := st.cur[imp.ID]
			if !ok || c == imp {
				continue
			}
			key := [2]*types.Package{imp.Types, c.Types}
			eq, known := same[key]
			if !known {
				eq = sameFacts(st.engine, imp.Types, c.Types)
				same[key] = eq
			}
			if !eq {
				force[id] = true
			}
		}
	}
	return force
}

// sameFacts reports whether the engine holds the same facts, all
// complete, for two versions of a package: object facts matched by
// object path (by name for unexported package members, which have none),
// compared by value.
func sameFacts(e *engine.Engine, a, b *types.Package) bool {
	oa, pa, ca, oka := e.Facts(a)
	ob, pb, cb, okb := e.Facts(b)
	if !oka || !okb || !ca || !cb || len(oa) != len(ob) || len(pa) != len(pb) {
		return false
	}
	old := make(map[factKey]analysis.Fact, len(oa))
	var enc objectpath.Encoder
	for _, f := range oa {
		k, ok := keyOf(&enc, f)
		if !ok {
			return false
		}
		old[k] = f.Fact
	}
	var enc2 objectpath.Encoder
	for _, f := range ob {
		k, ok := keyOf(&enc2, f)
		if !ok {
			return false
		}
		if g, ok := old[k]; !ok || !reflect.DeepEqual(f.Fact, g) {
			return false
		}
	}
	oldPkg := make(map[reflect.Type]analysis.Fact, len(pa))
	for _, f := range pa {
		oldPkg[reflect.TypeOf(f)] = f
	}
	for _, f := range pb {
		if g, ok := oldPkg[reflect.TypeOf(f)]; !ok || !reflect.DeepEqual(f, g) {
			return false
		}
	}
	return true
}

// A factKey names an object fact across versions of a package.
type factKey struct {
	path objectpath.Path
	name string // of an unexported package member
	typ  reflect.Type
}

// keyOf returns the key of f's object: its name for a package member,
// Type.Method for a method of a package's named type (objectpath finds
// those only by searching the package's types), its object path
// otherwise; false for an object with none (a local).
func keyOf(enc *objectpath.Encoder, f analysis.ObjectFact) (factKey, bool) {
	k := factKey{typ: reflect.TypeOf(f.Fact)}
	obj := f.Object
	if obj.Pkg() != nil && obj.Pkg().Scope().Lookup(obj.Name()) == obj {
		k.name = obj.Name()
		return k, true
	}
	if fn, ok := obj.(*types.Func); ok && fn.Signature().Recv() != nil {
		t := fn.Signature().Recv().Type()
		if ptr, ok := t.(*types.Pointer); ok {
			t = ptr.Elem()
		}
		if named, ok := t.(*types.Named); ok && named.Obj().Pkg() == obj.Pkg() && obj.Pkg().Scope().Lookup(named.Obj().Name()) == named.Obj() {
			k.name = named.Obj().Name() + "." + fn.Name()
			return k, true
		}
	}
	p, err := enc.For(obj)
	k.path = p
	return k, err == nil
}

// cached reports whether the root actions of p's last analysis are kept.
func (st *loadState) cached(p *packages.Package) bool {
	return len(st.acts[p]) == len(st.suite)
}

// record keeps the root actions of a run.
func (st *loadState) record(run *engine.Result) {
	for _, act := range run.Roots {
		m := st.acts[act.Package]
		if m == nil {
			m = make(map[*analysis.Analyzer]*engine.Action)
			st.acts[act.Package] = m
		}
		m[act.Analyzer] = act
	}
}

// rootActions returns the last actions of every root, as
// engine.Result.Roots orders them (analyzers outer).
func (st *loadState) rootActions() []*engine.Action {
	var out []*engine.Action
	for _, a := range st.suite {
		for _, r := range st.roots {
			if act := st.acts[r][a]; act != nil {
				out = append(out, act)
			}
		}
	}
	return out
}

// prune drops what only replaced versions needed: the root actions of
// former roots, the export data of packages nothing holds.
func (st *loadState) prune() {
	live := make(map[*packages.Package]bool, len(st.roots))
	for _, r := range st.roots {
		live[r] = true
	}
	for p := range st.acts {
		if !live[p] {
			delete(st.acts, p)
		}
	}
	// A version is held as the current one or as a stale import.
	held := make(map[*types.Package]bool)
	for id := range st.stale {
		for _, imp := range st.cur[id].Imports {
			held[imp.Types] = true
		}
	}
	for t, a := range st.api {
		if c := st.cur[a.id]; (c == nil || c.Types != t) && !held[t] {
			delete(st.api, t)
		}
	}
}
