package ctxgo

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/envvet/envvet/analyzers/ctxgo/internal/ctxsum"
	"github.com/envvet/envvet/internal/passutil"
)

// blindWait reports the go statement at cur when its goroutine, a function
// literal, waits in a select for signals of fields only (no default, no
// ctx.Done(), no timer) and then works with a context of the enclosing
// function that can be cancelled: once the context is cancelled while it
// waits, the goroutine keeps waiting for an event that may never come
// (rule 2, unobserved, its wait shape; mcp-go v0.47.0 StreamableHTTP.Start).
func blindWait(pass *analysis.Pass, cur inspector.Cursor, lit *ast.FuncLit) {
	g := cur.Node().(*ast.GoStmt)
	info := pass.TypesInfo
	sel, after := firstWait(lit.Body)
	if sel == nil {
		return
	}
	chans := signalChans(info, sel)
	if chans == nil {
		return
	}
	use, v := workAfter(info, lit, sel, after)
	if use == nil {
		return
	}
	var region ast.Node = lit.Body
	for enc := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		region = enc.Node()
	}
	live := &liveness{info: info, g: g, params: passutil.Params(info, lit.Type), regions: []ast.Node{region}}
	if !live.variable(v, 0) {
		return // Background, WithoutCancel: nothing to observe
	}
	// Have: go func() { select { case <-c.ready: work(ctx); case <-c.closed: } }().
	ctx := v.Name()
	pass.Report(analysis.Diagnostic{
		Pos:      g.Pos(),
		End:      g.Call.Lparen,
		Category: catUnobserved,
		Message: "the goroutine started here waits for " + strings.Join(chans, " or ") + " in a select (line " +
			strconv.Itoa(pass.Fset.Position(sel.Pos()).Line) + ") without a case for " + ctx + ".Done(), then works with " + ctx +
			", so when " + ctx + " is cancelled first it keeps waiting; add case <-" + ctx + ".Done()",
		Related: []analysis.RelatedInformation{
			{Pos: sel.Pos(), End: sel.Body.Lbrace, Message: "it blocks in this select, which never observes " + ctx},
			{Pos: use.Pos(), End: use.End(), Message: ctx + " is used for work here, once the wait is over"},
		},
	})
}

// firstWait returns the first select statement among the top-level
// statements of body, with the statements that follow it, when no
// statement before it loops, selects or receives; nil otherwise.
func firstWait(body *ast.BlockStmt) (*ast.SelectStmt, []ast.Stmt) {
	for i, s := range body.List {
		if sel, ok := s.(*ast.SelectStmt); ok {
			return sel, body.List[i+1:]
		}
		if waitsOrLoops(s) {
			return nil, nil
		}
	}
	return nil, nil
}

// waitsOrLoops reports whether s (outside nested literals) contains a
// loop, a select or a channel receive.
func waitsOrLoops(s ast.Stmt) bool {
	found := false
	ast.Inspect(s, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ForStmt, *ast.RangeStmt, *ast.SelectStmt:
			found = true
		case *ast.UnaryExpr:
			found = found || n.Op == token.ARROW
		}
		return !found
	})
	return found
}

// signalChans returns the channels sel waits for, when it has at least
// two clauses, no default, and each clause receives from a field of a
// value (c.ready, s.closed): no call (ctx.Done(), time.After(d)), no
// timer or ticker channel, no local variable or parameter, whose closing
// the enclosing function may control (done := ctx.Done(), a stop channel
// it closes). nil otherwise.
func signalChans(info *types.Info, sel *ast.SelectStmt) []string {
	if len(sel.Body.List) < 2 {
		return nil
	}
	var out []string
	for _, s := range sel.Body.List {
		c, ok := s.(*ast.CommClause)
		if !ok || c.Comm == nil {
			return nil // a default: the select does not wait
		}
		x := recvChan(c.Comm)
		f, ok := x.(*ast.SelectorExpr)
		if !ok || selectedField(info, f) == nil || isTimerChan(info, f) || hasCall(f) {
			return nil
		}
		out = append(out, types.ExprString(f))
	}
	return out
}

// recvChan returns the channel that comm (a select clause's
// communication) receives from, nil if it is a send.
func recvChan(comm ast.Stmt) ast.Expr {
	var e ast.Expr
	switch comm := comm.(type) {
	case *ast.ExprStmt:
		e = comm.X
	case *ast.AssignStmt:
		if len(comm.Rhs) == 1 {
			e = comm.Rhs[0]
		}
	}
	if u, ok := ast.Unparen(e).(*ast.UnaryExpr); ok && u.Op == token.ARROW {
		return ast.Unparen(u.X)
	}
	return nil
}

// isTimerChan reports whether f is the C field of a time.Timer or Ticker,
// which fires on its own.
func isTimerChan(info *types.Info, f *ast.SelectorExpr) bool {
	obj, ok := info.Uses[f.Sel].(*types.Var)
	return ok && obj.Pkg() != nil && obj.Pkg().Path() == "time"
}

func hasCall(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		_, isCall := n.(*ast.CallExpr)
		found = found || isCall
		return !found
	})
	return found
}

// workAfter returns a call, in a clause of sel or in the statements after
// it, that is given a context variable v declared outside lit (captured
// from the enclosing function, not a field or a package variable); nil if
// there is none.
func workAfter(info *types.Info, lit *ast.FuncLit, sel *ast.SelectStmt, after []ast.Stmt) (*ast.CallExpr, *types.Var) {
	var use *ast.CallExpr
	var v *types.Var
	visit := func(n ast.Node) bool {
		if use != nil {
			return false
		}
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		for _, a := range call.Args {
			id, ok := ast.Unparen(a).(*ast.Ident)
			if !ok {
				continue
			}
			if x, ok := info.Uses[id].(*types.Var); ok && captured(x, lit) && ctxsum.IsContext(x.Type()) {
				use, v = call, x
				return false
			}
		}
		return true
	}
	for _, s := range sel.Body.List {
		for _, b := range s.(*ast.CommClause).Body {
			ast.Inspect(b, visit)
		}
	}
	for _, s := range after {
		ast.Inspect(s, visit)
	}
	return use, v
}

// captured reports whether v is a local variable or parameter of a
// function enclosing lit, declared outside it.
func captured(v *types.Var, lit *ast.FuncLit) bool {
	if v.IsField() || v.Parent() == nil || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() {
		return false
	}
	return v.Pos() < lit.Pos() || v.Pos() >= lit.End()
}
