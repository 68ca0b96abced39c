package ctxsum

import (
	"go/ast"
	"go/types"
)

// derivesCtx is a fact on a *types.Func: the context that the function
// returns (its first result of type context.Context) is derived from its
// context parameter at Param, on every return: a wrapper of
// context.WithValue such as mcp-go's MCPServer.WithContext(ctx, session).
// A context that ends when F returns still ends when F returns after
// passing through it.
type derivesCtx struct {
	Param int
	Name  string
}

func (*derivesCtx) AFact() {}

func (f *derivesCtx) String() string { return "derivesCtx(" + f.Name + ")" }

// derivedArg returns the index of the argument from which the context
// that call returns is derived, or -1: 0 for context.WithValue and
// With{Cancel,Timeout,Deadline}[Cause]; the parameter named by a
// derivesCtx fact, or found by this package's own analysis, for a
// function with a body; and, for an interface method or a function value
// returning a context (a tracer's Start, a hook of type
// func(context.Context, *http.Request) context.Context), its one context
// parameter.
func (r *Result) derivedArg(call *ast.CallExpr) int {
	if isDerive(r.info, call) {
		return 0
	}
	tv, ok := r.info.Types[call]
	if !ok || tv.Type == nil || !IsContext(firstType(tv.Type)) {
		return -1
	}
	fn := Callee(r.info, call)
	if fn != nil && !isInterfaceMethod(fn) {
		if d, ok := r.derives[fn]; ok {
			return d
		}
		return r.paramDerives(fn)
	}
	// Have: an interface method or a function value returning a context.
	ft := r.info.TypeOf(call.Fun)
	if ft == nil {
		return -1
	}
	sig, ok := ft.Underlying().(*types.Signature)
	if !ok {
		return -1
	}
	found := -1
	for i := range sig.Params().Len() {
		if IsContext(sig.Params().At(i).Type()) {
			if found >= 0 {
				return -1 // two contexts: which one?
			}
			found = i
		}
	}
	if found >= len(call.Args) {
		return -1
	}
	return found
}

// paramDerives returns the index of the context parameter of fn, a
// function of this package, from which every context fn returns is
// derived; -1 if there is none.
func (r *Result) paramDerives(fn *types.Func) int {
	decl := r.decls[fn]
	if decl == nil {
		return -1
	}
	if d, ok := r.derived[fn]; ok {
		return d
	}
	if r.frozen {
		return -1
	}
	r.derived[fn] = -1 // recursion: no derivation through the cycle
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Results().Len() == 0 || !IsContext(sig.Results().At(0).Type()) {
		return -1
	}
	f := r.NewFlow(decl.Type, decl.Body)
	for i := range sig.Params().Len() {
		p := sig.Params().At(i)
		if !IsContext(p.Type()) || p.Name() == "" || p.Name() == "_" {
			continue
		}
		if r.returnsDerived(f, decl.Body, p) {
			r.derived[fn] = i
			return i
		}
	}
	return -1
}

// returnsDerived reports whether every return statement of body (outside
// nested literals; at least one) returns, as its first result, a context
// derived from p.
func (r *Result) returnsDerived(f *Flow, body *ast.BlockStmt, p *types.Var) bool {
	roots := Roots{Entry: func(v *types.Var) bool { return v == p }}
	n, all := 0, true
	ast.Inspect(body, func(node ast.Node) bool {
		switch node := node.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			n++
			all = all && len(node.Results) > 0 && f.Carries(node.Results[0], node.Pos(), roots)
		}
		return all
	})
	return n > 0 && all
}

// firstType returns t, or its first element if t is a tuple.
func firstType(t types.Type) types.Type {
	if tup, ok := t.(*types.Tuple); ok {
		if tup.Len() == 0 {
			return nil
		}
		return tup.At(0).Type()
	}
	return t
}

func isInterfaceMethod(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return false
	}
	return types.IsInterface(sig.Recv().Type())
}
