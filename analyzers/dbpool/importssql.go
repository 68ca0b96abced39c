package dbpool

import (
	"go/types"
	"runtime"
	"sync"
	"weak"
)

// sqlImports remembers, for each package it was asked about, whether the
// package is database/sql or imports it, directly or indirectly. An
// editor's run after an edit analyzes one package whose imports are the
// same *types.Package as in the run before: their answers are looked up,
// not walked again (the walk covered the whole import graph, 408
// packages for tailscale's cmd/derper, on every run). A package's
// imports are fixed once it is type-checked, so an answer never goes
// stale; the keys are weak and an entry is dropped when its package is
// collected, so the memo keeps no package alive. It is safe for
// concurrent use.
type sqlImports struct {
	m sync.Map // weak.Pointer[types.Package] -> bool
}

// importsSQL reports whether pkg is database/sql or imports it, directly
// or indirectly.
func (s *sqlImports) importsSQL(pkg *types.Package) bool {
	w := sqlWalk{memo: s}
	return w.walk(pkg)
}

// A sqlWalk is one question's walk of the import graph. visiting holds
// the packages whose answer is being computed: an import cycle (possible
// only in code that does not type-check) reads false there, as a package
// seen before did in the walk without a memo, and the answers computed
// after one are not remembered, since they may depend on it.
type sqlWalk struct {
	memo     *sqlImports
	visiting map[*types.Package]bool
	cyclic   bool
}

func (w *sqlWalk) walk(pkg *types.Package) bool {
	if pkg.Path() == "database/sql" {
		return true
	}
	key := weak.Make(pkg)
	if v, ok := w.memo.m.Load(key); ok {
		return v.(bool)
	}
	if w.visiting[pkg] {
		w.cyclic = true
		return false
	}
	if w.visiting == nil {
		w.visiting = make(map[*types.Package]bool)
	}
	w.visiting[pkg] = true
	found := false
	for _, imp := range pkg.Imports() {
		if w.walk(imp) {
			found = true
			break
		}
	}
	delete(w.visiting, pkg)
	if !w.cyclic {
		if _, loaded := w.memo.m.LoadOrStore(key, found); !loaded {
			// The cleanup must not reach pkg: it holds the memo only.
			m := &w.memo.m
			runtime.AddCleanup(pkg, func(k weak.Pointer[types.Package]) { m.Delete(k) }, key)
		}
	}
	return found
}
