package ctxsum

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/envvet/envvet/internal/relpos"
)

// KeeperGo returns the "file:line:col" of the one go statement that keeps
// the context parameter i of fn, a keeper: a go statement of fn that uses
// it, or, if fn has none, the one that its single call to another keeper
// with it leads to (s.handleEvent(ctx) → s.dispatch(ctx) → go
// s.notify(ctx)), in this package or, through the keepsCtx fact's Go, in
// another. "" if there is none, or more than one.
func (r *Result) KeeperGo(fset *token.FileSet, fn *types.Func, i int) string {
	for depth := 0; depth < 8 && fn != nil; depth++ {
		decl := r.Decl(fn)
		if decl == nil || decl.Body == nil {
			return r.importedGo(fn, i)
		}
		param := paramAt(fn, i)
		if param == nil {
			return ""
		}
		var gos []*ast.GoStmt
		var next []*ast.CallExpr
		ast.Inspect(decl.Body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.GoStmt:
				if Mentions(r.info, n, param) {
					gos = append(gos, n)
				}
				return false
			case *ast.CallExpr:
				if len(r.Keeps(Callee(r.info, n))) > 0 && Mentions(r.info, n, param) {
					next = append(next, n)
				}
			}
			return true
		})
		switch {
		case len(gos) == 1 && len(next) == 0:
			return relpos.Format(fset, gos[0].Pos())
		case len(gos) > 0 || len(next) != 1:
			return ""
		}
		// Have: one call to a keeper with the parameter; follow it.
		call := next[0]
		fn = Callee(r.info, call)
		i = -1
		for _, k := range r.Keeps(fn) {
			if k < len(call.Args) && Mentions(r.info, call.Args[k], param) {
				i = k
			}
		}
	}
	return ""
}

// importedGo returns the Go position of the keepsCtx fact of fn, a
// function of another package, for its parameter i.
func (r *Result) importedGo(fn *types.Func, i int) string {
	gos := r.kGo[fn.Origin()]
	for k, p := range r.keeps[fn.Origin()] {
		if p == i && k < len(gos) {
			return gos[k]
		}
	}
	return ""
}

// paramAt returns fn's parameter at index i, or nil.
func paramAt(fn *types.Func, i int) *types.Var {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || i < 0 || i >= sig.Params().Len() {
		return nil
	}
	return sig.Params().At(i)
}

// Mentions reports whether n refers to v (nested function literals included).
func Mentions(info *types.Info, n ast.Node, v *types.Var) bool {
	found := false
	ast.Inspect(n, func(m ast.Node) bool {
		if id, ok := m.(*ast.Ident); ok && info.Uses[id] == v {
			found = true
		}
		return !found
	})
	return found
}
