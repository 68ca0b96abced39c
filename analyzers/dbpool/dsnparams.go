package dbpool

import (
	"go/ast"
	"go/types"
	"slices"
)

// paramTaint maps each parameter of decl (receiver excluded) and each local
// variable of decl to the indices of the parameters its value depends on:
// a local assigned from an expression that mentions a parameter, or whose
// field is (opt.OutputPath = path), depends on that parameter. Three passes
// over the assignments in source order follow chains of locals.
func (st *state) paramTaint(decl *ast.FuncDecl) map[*types.Var][]int {
	taint := map[*types.Var][]int{}
	if fn, ok := st.info.Defs[decl.Name].(*types.Func); ok {
		params := fn.Signature().Params()
		for i := range params.Len() {
			taint[params.At(i)] = []int{i}
		}
	}
	if decl.Body == nil || len(taint) == 0 {
		return taint
	}
	for range 3 {
		ast.Inspect(decl.Body, func(n ast.Node) bool {
			as, ok := n.(*ast.AssignStmt)
			if !ok {
				return true
			}
			for j, lhs := range as.Lhs {
				root := st.rootLocal(lhs, decl)
				if root == nil {
					continue
				}
				rhs := as.Rhs
				if len(as.Lhs) == len(as.Rhs) {
					rhs = as.Rhs[j : j+1]
				}
				taint[root] = unionInts(taint[root], st.argParams(rhs, taint))
			}
			return true
		})
	}
	return taint
}

// rootLocal returns the variable declared in decl at the root of x (x,
// x.f, x.f.g), or nil.
func (st *state) rootLocal(x ast.Expr, decl *ast.FuncDecl) *types.Var {
	for {
		switch e := x.(type) {
		case *ast.SelectorExpr:
			x = e.X
			continue
		case *ast.Ident:
			v, ok := st.info.ObjectOf(e).(*types.Var)
			if !ok || v.IsField() || v.Pos() < decl.Pos() || v.Pos() >= decl.End() {
				return nil
			}
			return v
		}
		return nil
	}
}

// argParams returns the sorted parameter indices that the expressions
// mention, through taint.
func (st *state) argParams(args []ast.Expr, taint map[*types.Var][]int) []int {
	var out []int
	st.usesVar(args, func(v *types.Var) bool {
		out = unionInts(out, taint[v])
		return false
	})
	return out
}

// usesVar reports whether one of the expressions uses a variable for which
// pred holds, calling pred on each use in order until one does.
func (st *state) usesVar(args []ast.Expr, pred func(*types.Var) bool) bool {
	found := false
	for _, arg := range args {
		ast.Inspect(arg, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && !found {
				if v, ok := st.info.Uses[id].(*types.Var); ok && pred(v) {
					found = true
				}
			}
			return !found
		})
	}
	return found
}

// argsAt returns the arguments of call at the given parameter indices.
func argsAt(call *ast.CallExpr, idx []int) []ast.Expr {
	var out []ast.Expr
	for _, i := range idx {
		if i >= 0 && i < len(call.Args) {
			out = append(out, call.Args[i])
		}
	}
	return out
}

func unionInts(a, b []int) []int {
	for _, x := range b {
		if !slices.Contains(a, x) {
			a = append(a, x)
		}
	}
	slices.Sort(a)
	return a
}

func intersectInts(a, b []int) []int {
	var out []int
	for _, x := range a {
		if slices.Contains(b, x) {
			out = append(out, x)
		}
	}
	return out
}

// loopOwnVariant reports whether args mention a variable that loop itself
// declares or assigns: its range key or value, or a variable of its init
// statement. A variable merely declared in the body (a goroutine literal's
// parameter bound to an outer loop's variable) does not count: telegraf's
// sqlserver input opened the same server's pool for every query that way.
func (st *state) loopOwnVariant(args []ast.Expr, loop ast.Node) bool {
	own := map[types.Object]bool{}
	addIdent := func(e ast.Expr) {
		if id, ok := e.(*ast.Ident); ok {
			if obj := st.info.ObjectOf(id); obj != nil {
				own[obj] = true
			}
		}
	}
	switch l := loop.(type) {
	case *ast.RangeStmt:
		addIdent(l.Key)
		addIdent(l.Value)
	case *ast.ForStmt:
		if as, ok := l.Init.(*ast.AssignStmt); ok {
			for _, lhs := range as.Lhs {
				addIdent(lhs)
			}
		}
	}
	return st.usesVar(args, func(v *types.Var) bool { return own[v] })
}
