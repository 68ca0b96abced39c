package dbpool

import (
	"go/ast"
	"go/token"
	"go/types"
)

// ownedHere reports whether only this package can reach the pool kept in
// every slot of keys to limit it, so that this package decides, whether
// or not a main package ever sees it (a library's component that keeps
// its pool in a receiver: dapr's sqliteDBAccess.db). A slot qualifies
// when it is a field of a struct type of this package that is unexported,
// or whose type is, that no read hands to code this analysis cannot
// follow, and that no accessor other packages can call returns.
func (st *state) ownedHere(keys []string) bool {
	if len(keys) == 0 {
		return false
	}
	for _, k := range keys {
		s := st.slotByKey(k)
		if s == nil || s.Field == "" || s.PkgPath != st.pass.Pkg.Path() || token.IsExported(s.Field) && token.IsExported(s.Obj) || st.lostSlots[k] {
			return false
		}
		for fn, sum := range st.sums {
			for _, r := range sum.results {
				if r.Slot == k && st.reachable(fn) {
					return false // an accessor hands it out
				}
			}
		}
	}
	return true
}

// reachable reports whether another package can call fn: an exported
// function, an exported method of an exported type, or an exported
// method named by an interface type of this package (a component's
// method reached through the interface it implements). A method of an
// unexported type that no interface here names (dapr's
// sqliteDBAccess.GetConnection, "primarily used for tests") is not.
func (st *state) reachable(fn *types.Func) bool {
	if !fn.Exported() {
		return false
	}
	recv := fn.Signature().Recv()
	if recv == nil {
		return true
	}
	t := recv.Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); !ok || n.Obj().Exported() {
		return true
	}
	return st.interfaceNames(fn.Name())
}

// interfaceNames reports whether an interface type declared at the top
// level of this package has a method called name.
func (st *state) interfaceNames(name string) bool {
	scope := st.pass.Pkg.Scope()
	for _, n := range scope.Names() {
		tn, ok := scope.Lookup(n).(*types.TypeName)
		if !ok {
			continue
		}
		if it, ok := tn.Type().Underlying().(*types.Interface); ok {
			for i := 0; i < it.NumMethods(); i++ {
				if it.Method(i).Name() == name {
					return true
				}
			}
		}
	}
	return false
}

// narrowInterface reports whether a pool stored in a field of type t can
// no longer be limited through it: t is a non-empty interface of the
// module being analyzed (dapr's internal/component/sql.DatabaseSQLConn)
// with no SetMaxOpenConns method and no method that returns a pool. The
// interfaces of libraries (gorm's ConnPool) are left alone: their code
// may hand the pool back.
func (st *state) narrowInterface(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || !st.inModule(n.Obj().Pkg().Path()) {
		return false
	}
	it, ok := n.Underlying().(*types.Interface)
	if !ok || it.NumMethods() == 0 {
		return false
	}
	for i := 0; i < it.NumMethods(); i++ {
		m := it.Method(i)
		if m.Name() == "SetMaxOpenConns" {
			return false
		}
		res := m.Signature().Results()
		for j := 0; j < res.Len(); j++ {
			if isPoolType(res.At(j).Type()) {
				return false
			}
		}
	}
	return true
}

// narrowParam returns the package of the narrow interface (see
// narrowInterface) that parameter idx of the function called by call
// has, or nil: a function, a method or a function value (dapr's
// migrations, func(ctx, db querier, ...)) that takes the pool as such an
// interface queries it and cannot limit it.
func (st *state) narrowParam(call *ast.CallExpr, idx int) *types.Package {
	tv, ok := st.info.Types[call.Fun]
	if !ok || tv.Type == nil {
		return nil
	}
	sig, ok := tv.Type.Underlying().(*types.Signature)
	if !ok || sig.Variadic() && idx >= sig.Params().Len()-1 || idx >= sig.Params().Len() {
		return nil
	}
	t := sig.Params().At(idx).Type()
	if !st.narrowInterface(t) {
		return nil
	}
	return types.Unalias(t).(*types.Named).Obj().Pkg()
}
