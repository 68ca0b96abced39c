package ctxsum

import (
	"go/ast"
	"go/types"
)

// SucceedsUnwaited reports whether the function of f, after n (a go
// statement or a call in no loop), may return success without waiting
// for what n started, even where another path waits: its last result is
// an error, a return statement reachable from n (in a statement list
// after n's, not in another branch of a branch n is in) gives it the
// literal nil, and nothing between n and the end of that return may
// block (a receive, a select, a blocking call, as WaitsAfter counts
// them; a go statement's body does not run here), nor a loop without
// condition or a select that encloses the return, nor any deferred call. kratos's WebHook.execute at v0.11.0 has the shape: when the
// response is ignored, a second goroutine receives the first one's
// result and execute returns nil; otherwise it returns <-errChan. An
// error return is left alone: there the context's end is the intended
// stop.
func (f *Flow) SucceedsUnwaited(n ast.Node) bool {
	if !f.returnsError() {
		return false
	}
	nStack, rets := f.returnsAfter(n)
	if nStack == nil {
		return false
	}
	for _, d := range f.deferStmts() {
		if f.blocksIn(d, nil) {
			return false
		}
	}
	for _, r := range rets {
		if f.reachesFrom(nStack, r.stack) && !f.blocksBetween(n, r.ret) && !f.waitsAround(n, r.stack) {
			return true
		}
	}
	return false
}

// waitsAround reports whether a statement after n that encloses a return
// (whose ancestors are stack) may block: a for loop without condition, a
// select, a range over a channel. A return inside
// for { n, err := watcher.Next(); ... return nil } is reached after waiting,
// as WaitsAfter counts such a loop (tailscale v1.92.0's
// client/web.(*Server).tailscaleUp).
func (f *Flow) waitsAround(n ast.Node, stack []ast.Node) bool {
	for _, a := range stack {
		if a.Pos() >= n.End() && f.blocksAt(a, nil) {
			return true
		}
	}
	return false
}

// returnsError reports whether the function's last result is an error.
func (f *Flow) returnsError() bool { return lastResultIsError(f.info, f.ftype) }

// lastResultIsError reports whether the last result of ftype (nil if not
// known) is an error.
func lastResultIsError(info *types.Info, ftype *ast.FuncType) bool {
	if ftype == nil || ftype.Results == nil || len(ftype.Results.List) == 0 {
		return false
	}
	last := ftype.Results.List[len(ftype.Results.List)-1]
	t := info.TypeOf(last.Type)
	return t != nil && types.Identical(t, types.Universe.Lookup("error").Type())
}

type stackedReturn struct {
	ret   *ast.ReturnStmt
	stack []ast.Node
}

// returnsAfter returns the ancestors of n in the function (nil if n is
// not found, or sits in a loop) and the return statements after n
// (outside function literals) whose last result is the literal nil, with
// their ancestors.
func (f *Flow) returnsAfter(n ast.Node) ([]ast.Node, []stackedReturn) {
	var nStack []ast.Node
	var rets []stackedReturn
	ast.PreorderStack(f.body, nil, func(m ast.Node, stack []ast.Node) bool {
		switch m := m.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if m.Pos() >= n.End() && len(m.Results) > 0 && isNilIdent(f.info, m.Results[len(m.Results)-1]) {
				rets = append(rets, stackedReturn{m, append([]ast.Node(nil), stack...)})
			}
		}
		if m == n {
			nStack = append([]ast.Node(nil), stack...)
			return false
		}
		return true
	})
	for _, a := range nStack {
		switch a.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			return nil, nil
		}
	}
	return nStack, rets
}

func isNilIdent(info *types.Info, e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	_, isNil := info.Uses[id].(*types.Nil)
	return isNil
}

// reachesFrom reports whether the statement whose ancestors are to comes
// after the one whose ancestors are from in the same run of statements:
// their deepest common ancestor is a block or a case body, not an if,
// switch or select whose branches they are in.
func (f *Flow) reachesFrom(from, to []ast.Node) bool {
	i := 0
	for i < len(from) && i < len(to) && from[i] == to[i] {
		i++
	}
	if i == 0 {
		return false
	}
	switch from[i-1].(type) {
	case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
		return true
	}
	return false
}

// deferStmts returns the deferred calls of the function, outside literals
// that do not run in it.
func (f *Flow) deferStmts() []*ast.DeferStmt {
	var out []*ast.DeferStmt
	ast.Inspect(f.body, func(m ast.Node) bool {
		switch m := m.(type) {
		case *ast.FuncLit:
			return false
		case *ast.DeferStmt:
			out = append(out, m)
			return false
		}
		return true
	})
	return out
}

// blocksBetween reports whether a node wholly between the end of n and
// the end of ret may block. Function literals count only where called at
// once; go statements do not.
func (f *Flow) blocksBetween(n ast.Node, ret *ast.ReturnStmt) bool {
	blocks := false
	ast.PreorderStack(f.body, nil, func(m ast.Node, stack []ast.Node) bool {
		if blocks || m == n || m.End() <= n.Pos() || m.Pos() > ret.End() {
			return false
		}
		switch m := m.(type) {
		case *ast.GoStmt, *ast.DeferStmt:
			return false
		case *ast.FuncLit:
			call, ok := stack[len(stack)-1].(*ast.CallExpr)
			return ok && ast.Unparen(call.Fun) == m
		}
		if m.Pos() >= n.End() && m.End() <= ret.End() && f.blocksAt(m, nil) {
			blocks = true
		}
		return !blocks
	})
	return blocks
}
