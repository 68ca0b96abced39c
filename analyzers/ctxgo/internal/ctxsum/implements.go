package ctxsum

import (
	"cmp"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Implementations of interface methods, for blind polls. A goroutine that
// calls an interface method with its context runs whatever implementation
// the value holds; those the analyzed package and the packages of its
// module that it imports declare are the ones it may run (a class
// hierarchy analysis over their types).

// BlindPoll returns how fn polls blind to a context parameter, if it does:
// a function of this package, or one this package calls with a pollsBlind
// fact.
func (r *Result) BlindPoll(fn *types.Func) (BlindPoll, bool) {
	if fn == nil {
		return BlindPoll{}, false
	}
	bp, ok := r.blind[fn.Origin()]
	return bp, ok
}

// BlindImpls returns the implementations of the interface method m that
// poll blind to a context parameter, among the types this package and the
// packages of its module that it imports declare, sorted by name.
func (r *Result) BlindImpls(m *types.Func) []BlindPoll {
	if m == nil {
		return nil
	}
	var out []BlindPoll
	for _, f := range r.impls[m.Origin()] {
		if bp, ok := r.blind[f]; ok {
			out = append(out, bp)
		}
	}
	return out
}

// PollsOf returns the blind polls a call of fn may run: fn's own, or, for
// an interface method, those of its implementations (BlindImpls).
func (r *Result) PollsOf(fn *types.Func) []BlindPoll {
	if isInterfaceMethod(fn) {
		return r.BlindImpls(fn)
	}
	if bp, ok := r.BlindPoll(fn); ok {
		return []BlindPoll{bp}
	}
	return nil
}

// resolveImpls finds the implementations of each interface method with a
// context parameter the package calls (r.ifaces), sorted by name, and
// records the pollsBlind facts of those of other packages.
func (r *Result) resolveImpls(pass *analysis.Pass) {
	if len(r.ifaces) == 0 {
		return
	}
	byMethod := r.candidateTypes(pass)
	for _, m := range r.ifaces {
		iface, ok := m.Signature().Recv().Type().Underlying().(*types.Interface)
		if !ok {
			continue
		}
		var found []*types.Func
		for _, t := range byMethod[m.Name()] {
			f := implementation(t, iface, m)
			if f == nil {
				continue
			}
			found = append(found, f)
			var pf pollsBlind
			if f.Pkg() != pass.Pkg && pass.ImportObjectFact(f, &pf) {
				r.blind[f] = BlindPoll{Func: f, Param: pf.Param, Loop: pf.Loop, Poller: pf.Poller, PollerPkg: pf.PollerPkg}
			}
		}
		slices.SortFunc(found, func(a, b *types.Func) int { return cmp.Compare(a.FullName(), b.FullName()) })
		if len(found) > 0 {
			r.impls[m] = found
		}
	}
}

// candidateTypes returns, by method name, the named non-interface types
// without type parameters that declare a method of that name (promoted
// methods do not count), declared at package level by this package and by
// the packages of its module it imports (every import without module
// information).
func (r *Result) candidateTypes(pass *analysis.Pass) map[string][]*types.Named {
	byMethod := make(map[string][]*types.Named)
	add := func(pkg *types.Package) {
		scope := pkg.Scope()
		for _, name := range scope.Names() {
			tn, ok := scope.Lookup(name).(*types.TypeName)
			if !ok || tn.IsAlias() {
				continue
			}
			n, ok := tn.Type().(*types.Named)
			if !ok || n.NumMethods() == 0 || n.TypeParams().Len() > 0 || types.IsInterface(n) {
				continue
			}
			for m := range n.Methods() {
				byMethod[m.Name()] = append(byMethod[m.Name()], n)
			}
		}
	}
	add(pass.Pkg)
	for _, imp := range pass.Pkg.Imports() {
		if inModule(pass, imp.Path()) {
			add(imp)
		}
	}
	return byMethod
}

// implementation returns the method of t or *t that implements m of
// iface, if one of them implements iface.
func implementation(t *types.Named, iface *types.Interface, m *types.Func) *types.Func {
	obj, _, _ := types.LookupFieldOrMethod(t, true, m.Pkg(), m.Name())
	f, ok := obj.(*types.Func)
	if !ok {
		return nil
	}
	if !types.Implements(t, iface) && !types.Implements(types.NewPointer(t), iface) {
		return nil
	}
	return f.Origin()
}

// inModule reports whether the package path belongs to the module of the
// package analyzed; without module information, every path does.
func inModule(pass *analysis.Pass, path string) bool {
	if pass.Module == nil || pass.Module.Path == "" {
		return true
	}
	m := pass.Module.Path
	return path == m || strings.HasPrefix(path, m+"/")
}
