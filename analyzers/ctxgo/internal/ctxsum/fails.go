package ctxsum

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
)

// failsAtDone reports whether the selector stack[i], of a context's use,
// is x.Done in a case <-x.Done() of a select, in no loop of its function,
// that returns a non-nil error while another case receives the value the
// function waits for from a channel it declares itself (v, ok :=
// <-results, results := make(...) in its body: it started the work): the
// call's result fails once the context is done, so a caller passing the
// context does work that the cancellation cuts short (go-ipmi v0.8.3's
// UDPClient.Exchange, udpclient.go:222, under every keepalive of the
// session). A Done that stops a loop, a select that waits for no value (a
// sleep, a signal) or for a channel it was given (someone else's work),
// is watching, as before. ftype is the type of the function stack[0]
// belongs to, nil if not known.
func (r *Result) failsAtDone(ftype *ast.FuncType, stack []ast.Node, i int) bool {
	sel, ok := stack[i].(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Done" || i < 6 {
		return false
	}
	call, ok := stack[i-1].(*ast.CallExpr)
	if !ok || ast.Unparen(call.Fun) != sel || len(call.Args) != 0 {
		return false
	}
	recv, ok := stack[i-2].(*ast.UnaryExpr)
	if !ok || recv.Op != token.ARROW {
		return false
	}
	es, ok := stack[i-3].(*ast.ExprStmt)
	clause, isClause := stack[i-4].(*ast.CommClause)
	if !ok || !isClause || clause.Comm != es {
		return false
	}
	sst, ok := stack[i-6].(*ast.SelectStmt)
	if !ok {
		return false
	}
	// Have: select { case <-x.Done(): ... }; then the function around it.
	for j := i - 7; j >= 0; j-- {
		switch n := stack[j].(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			return false // a loop's stop
		case *ast.FuncLit:
			ftype = n.Type
			j = -1
		}
	}
	return lastResultIsError(r.info, ftype) && r.returnsErrorIn(clause) && r.receivesValue(ftype, sst, clause)
}

// returnsErrorIn reports whether the clause's statements include a return
// whose last result is not nil.
func (r *Result) returnsErrorIn(clause *ast.CommClause) bool {
	return slices.ContainsFunc(clause.Body, func(st ast.Stmt) bool {
		ret, ok := st.(*ast.ReturnStmt)
		if !ok || len(ret.Results) == 0 {
			return false
		}
		tv, ok := r.info.Types[ret.Results[len(ret.Results)-1]]
		return ok && !tv.IsNil()
	})
}

// receivesValue reports whether a case of s other than done assigns a
// value received from a channel, not a timer's, that is a local variable
// of the body of the function of type ftype (result, ok := <-results; not
// <-time.After(d), <-t.C, <-res of a parameter).
func (r *Result) receivesValue(ftype *ast.FuncType, s *ast.SelectStmt, done *ast.CommClause) bool {
	return slices.ContainsFunc(s.Body.List, func(st ast.Stmt) bool {
		c, ok := st.(*ast.CommClause)
		if !ok || c == done {
			return false
		}
		as, ok := c.Comm.(*ast.AssignStmt)
		if !ok || len(as.Rhs) != 1 {
			return false
		}
		u, ok := ast.Unparen(as.Rhs[0]).(*ast.UnaryExpr)
		if !ok || u.Op != token.ARROW {
			return false
		}
		id, ok := ast.Unparen(u.X).(*ast.Ident)
		if !ok {
			return false
		}
		v, ok := r.info.Uses[id].(*types.Var)
		if !ok || v.IsField() || v.Pos() <= ftype.End() || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() {
			return false
		}
		t := r.info.TypeOf(u)
		return t != nil && !isNamed(t, "time", "Time")
	})
}
