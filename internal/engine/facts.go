package engine

import (
	"cmp"
	"fmt"
	"go/types"
	"reflect"
	"slices"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
)

// pkgFacts holds the facts one package's analyzers exported. Only the
// package's analyzers write them, while it is analyzed; importers read
// them after (the node's done channel orders the two). While it is
// analyzed, its analyzers may run at once (see schedule), so they
// read and write its facts under mu; importers need no lock.
type pkgFacts struct {
	mu       sync.Mutex
	objs     map[objectKey]analysis.Fact
	pkg      map[reflect.Type]analysis.Fact
	complete bool // every analyzer with facts succeeded: reusable
}

type objectKey struct {
	obj types.Object
	typ reflect.Type
}

func newPkgFacts() *pkgFacts {
	return &pkgFacts{objs: make(map[objectKey]analysis.Fact), pkg: make(map[reflect.Type]analysis.Fact)}
}

// Facts returns the object facts and the package facts the engine holds
// for pkg, in no particular order, and whether every analyzer with facts
// succeeded on it; ok is false when it holds none (pkg was not analyzed,
// or its facts were forgotten). A caller compares two versions of a
// package with it; it must not modify the facts.
func (e *Engine) Facts(pkg *types.Package) (objs []analysis.ObjectFact, pkgFacts []analysis.Fact, complete, ok bool) {
	pf := e.pkgFacts(pkg)
	if pf == nil {
		return nil, nil, false, false
	}
	pf.mu.Lock()
	defer pf.mu.Unlock()
	for k, f := range pf.objs {
		objs = append(objs, analysis.ObjectFact{Object: k.obj, Fact: f})
	}
	for _, f := range pf.pkg {
		pkgFacts = append(pkgFacts, f)
	}
	return objs, pkgFacts, pf.complete, true
}

// pkgFacts returns the facts of pkg, nil if the engine has none.
func (e *Engine) pkgFacts(pkg *types.Package) *pkgFacts {
	if pkg == nil {
		return nil
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.facts[pkg]
}

// factType returns the type facts of fact's kind are stored under. A fact
// that is not a pointer is the analyzer's bug: the checker exits the
// process; factType panics, which fails the action (see run), not the
// driver.
func factType(fact analysis.Fact) reflect.Type {
	t := reflect.TypeOf(fact)
	if t == nil || t.Kind() != reflect.Pointer {
		panic(fmt.Sprintf("invalid fact type: got %T, want a pointer", fact))
	}
	return t
}

// importObjectFact looks up obj's fact for n's package with the
// checker's visibility: a package sees the facts of its own objects; of
// a directly imported package, those of objects that package may export;
// of packages further down, those of methods, fields, types and
// constants only (what can reach it through an API).
func (e *Engine) importObjectFact(n *node, obj types.Object, ptr analysis.Fact) bool {
	if obj == nil {
		panic("nil object")
	}
	pf := e.pkgFacts(obj.Pkg())
	if pf == nil {
		return false
	}
	key := objectKey{obj, factType(ptr)}
	var f analysis.Fact
	var ok bool
	if obj.Pkg() == n.pkg.Types {
		pf.mu.Lock()
		f, ok = pf.objs[key]
		pf.mu.Unlock()
	} else {
		f, ok = pf.objs[key]
	}
	if !ok || !visible(n.pkg.Types, obj) {
		return false
	}
	reflect.ValueOf(ptr).Elem().Set(reflect.ValueOf(f).Elem())
	return true
}

// visible reports whether the facts of obj reach package from.
func visible(from *types.Package, obj types.Object) bool {
	owner := obj.Pkg()
	if owner == from {
		return true
	}
	direct := slices.Contains(from.Imports(), owner)
	switch obj := obj.(type) {
	case *types.Func:
		return direct && obj.Exported() || obj.Signature().Recv() != nil
	case *types.Var:
		return obj.IsField() || direct
	case *types.TypeName, *types.Const:
		return true
	}
	return false
}

// importPackageFact looks up pkg's fact of ptr's type for n's package: a
// package fact is visible to every package, as in the checker.
func (e *Engine) importPackageFact(n *node, pkg *types.Package, ptr analysis.Fact) bool {
	if pkg == nil {
		panic("nil package")
	}
	pf := e.pkgFacts(pkg)
	if pf == nil {
		return false
	}
	t := factType(ptr)
	var f analysis.Fact
	var ok bool
	if pkg == n.pkg.Types {
		pf.mu.Lock()
		f, ok = pf.pkg[t]
		pf.mu.Unlock()
	} else {
		f, ok = pf.pkg[t]
	}
	if !ok {
		return false
	}
	reflect.ValueOf(ptr).Elem().Set(reflect.ValueOf(f).Elem())
	return true
}

// closure returns n's package and every package it imports, directly or
// not, sorted by ID. It is computed once per node (under n.memo: the
// node's analyzers may run at once) and dropped when the node is done.
func closure(n *node) []*packages.Package {
	n.memo.Lock()
	defer n.memo.Unlock()
	return closureLocked(n)
}

func closureLocked(n *node) []*packages.Package {
	if n.closure == nil {
		n.closure = computeClosure(n)
	}
	return n.closure
}

func computeClosure(n *node) []*packages.Package {
	// The run's nodes mirror the packages' imports (Run adds every import
	// when an analyzer has facts, the only case in which a closure is
	// asked for anything), so a walk of them marks the closure, and the
	// run's nodes sorted once by ID give it in order.
	in := make([]bool, len(n.byID))
	in[n.rank] = true
	count := 1
	stack := []*node{n}
	for len(stack) > 0 {
		m := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, imp := range m.imports {
			if !in[imp.rank] {
				in[imp.rank] = true
				count++
				stack = append(stack, imp)
			}
		}
	}
	out := make([]*packages.Package, 0, count)
	for i, m := range n.byID {
		if in[i] {
			out = append(out, m.pkg)
		}
	}
	return out
}

// allObjectFacts returns the object facts of a's types visible to n's
// package, sorted by package, then position.
func (e *Engine) allObjectFacts(n *node, a *analysis.Analyzer) []analysis.ObjectFact {
	want := e.factTypes[a]
	if len(want) == 0 {
		return nil // a has no facts: none is visible to it
	}
	var out []analysis.ObjectFact
	for _, p := range closure(n) {
		pf := e.pkgFacts(p.Types)
		if pf == nil {
			continue
		}
		start := len(out)
		own := p == n.pkg
		if own {
			pf.mu.Lock()
		}
		for k, f := range pf.objs {
			if want[k.typ] && visible(n.pkg.Types, k.obj) {
				out = append(out, analysis.ObjectFact{Object: k.obj, Fact: f})
			}
		}
		if own {
			pf.mu.Unlock()
		}
		slices.SortFunc(out[start:], func(x, y analysis.ObjectFact) int {
			return cmp.Or(
				cmp.Compare(x.Object.Pos(), y.Object.Pos()),
				cmp.Compare(x.Object.Name(), y.Object.Name()),
				cmp.Compare(reflect.TypeOf(x.Fact).String(), reflect.TypeOf(y.Fact).String()))
		})
	}
	return out
}

// allPackageFacts returns the package facts of a's types of n's package
// and the packages it imports, sorted by package.
func (e *Engine) allPackageFacts(n *node, a *analysis.Analyzer) []analysis.PackageFact {
	want := e.factTypes[a]
	if len(want) == 0 {
		return nil
	}
	var out []analysis.PackageFact
	for _, src := range packageFactSources(e, n) {
		start := len(out)
		own := src.pkg == n.pkg.Types
		if own {
			src.pf.mu.Lock()
		}
		for t, f := range src.pf.pkg {
			if want[t] {
				out = append(out, analysis.PackageFact{Package: src.pkg, Fact: f})
			}
		}
		if own {
			src.pf.mu.Unlock()
		}
		slices.SortFunc(out[start:], func(x, y analysis.PackageFact) int {
			return cmp.Compare(reflect.TypeOf(x.Fact).String(), reflect.TypeOf(y.Fact).String())
		})
	}
	return out
}

// A factSource is one package's fact store.
type factSource struct {
	pkg *types.Package
	pf  *pkgFacts
}

// packageFactSources returns the fact stores of n's closure that may hold
// package facts, in the closure's order: n's own (its analyzers may
// still export some) and those of its imports that hold any (done, so
// final). It is computed once per node: the node's analyzers call
// AllPackageFacts several times, and each call would otherwise look up
// every package of the closure under the engine's lock.
func packageFactSources(e *Engine, n *node) []*factSource {
	n.memo.Lock()
	defer n.memo.Unlock()
	if n.pkgFactSrc == nil {
		n.pkgFactSrc = []*factSource{} // non-nil: computed
		closure := closureLocked(n)
		e.mu.Lock() // once, not per package
		for _, p := range closure {
			if p.Types == nil {
				continue
			}
			pf := e.facts[p.Types]
			if pf != nil && (p == n.pkg || len(pf.pkg) > 0) {
				n.pkgFactSrc = append(n.pkgFactSrc, &factSource{p.Types, pf})
			}
		}
		e.mu.Unlock()
	}
	return n.pkgFactSrc
}
