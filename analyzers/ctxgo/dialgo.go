package ctxgo

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/envvet/envvet/analyzers/ctxgo/internal/ctxsum"
	"github.com/envvet/envvet/internal/passutil"
)

// dialGo reports (rule cutshort) a goroutine that a function named
// Dial... or Connect..., with one context parameter, starts with a context
// derived from that parameter and does not wait for (gopcua/opcua v0.1.6:
// Dial runs ctx, c.cancelMonitor = context.WithCancel(ctx) and then
// go c.monitorChannel(ctx), whose loop ends when the caller's dial timeout
// fires, long after the connection was made, #313). As for dialField, the
// convention is net.Dialer.DialContext's: the dial's context bounds its
// setup. A goroutine that only watches the context, or that the dial waits
// for (a wait for the setup only, waitsForSetup, is not one), is left
// alone, as are the go statements dialField reported (done).
func dialGo(pass *analysis.Pass, sum *ctxsum.Result, dials []dial, done map[*ast.GoStmt]bool) {
	for _, d := range dials {
		f := d.flow
		// A context whose cancel the dial defers ends with it: cutShort's.
		roots := ctxsum.Roots{Entry: func(v *types.Var) bool { return v == d.param }, Stop: f.DeferredCancel}
		for _, n := range f.Direct() {
			g, ok := n.(*ast.GoStmt)
			if !ok || done[g] {
				continue
			}
			work := dialGoUse(sum, f, g, roots)
			if work == nil || f.WaitsAfter(g, nil) && !waitsForSetup(pass.TypesInfo, f, g, roots) {
				continue
			}
			reportDialGo(pass, g, d.name, d.param.Name(), work)
		}
	}
}

// dialGoUse returns where the goroutine started by g works with a context
// matched by roots, or, for a goroutine that does no work with it, the
// argument carrying it to a callee that runs until it is cancelled (a pump
// whose loop leaves at ctx.Done(), as opcua's monitorChannel): for a
// connection's goroutine, stopping at the dial's cancel is the bug. Nil
// otherwise (a literal that only watches the context is left alone).
func dialGoUse(sum *ctxsum.Result, f *ctxsum.Flow, g *ast.GoStmt, roots ctxsum.Roots) ast.Node {
	if u := f.GoWork(g, roots); u != nil {
		return u.Work
	}
	if g.Call == nil {
		return nil
	}
	if _, lit := ast.Unparen(g.Call.Fun).(*ast.FuncLit); lit {
		return nil
	}
	for i, arg := range g.Call.Args {
		if f.Carries(arg, g.Pos(), roots) && sum.ArgRunsUntil(g.Call, i) {
			return arg
		}
	}
	return nil
}

// waitsForSetup reports whether the dial, after starting g, waits only in
// selects that return at the dial's own context's Done (the dial's
// timeout) or receive a signal that g's literal gives in a loop without
// bound and then goes on looping (a close or send not followed by a
// return or break): such a wait is for the connection's setup, not for
// the goroutine's end, which only the caller's cancel brings
// (at-wat/mqtt-go v0.10.2's ReconnectClient.Connect waits for the first
// connection or ctx.Done(), and its retry loop then keeps running on ctx,
// #121). A literal that assigns a context it was given or captured is left
// alone: it may replace the dial's (the fix of #121 sets ctx =
// context.Background() once connected).
func waitsForSetup(info *types.Info, f *ctxsum.Flow, g *ast.GoStmt, roots ctxsum.Roots) bool {
	lit, ok := ast.Unparen(g.Call.Fun).(*ast.FuncLit)
	u := f.GoWork(g, roots)
	if !ok || u == nil || renewsContext(info, lit) {
		return false
	}
	// The variables through which the literal holds the dial's context.
	vars := slices.Clone(u.Captured)
	for p, i := range passutil.Params(info, lit.Type) {
		if slices.Contains(u.Args, i) {
			vars = append(vars, p)
		}
	}
	uses := func(n ast.Node) bool {
		return passutil.Contains(n, true, func(m ast.Node) bool {
			id, ok := m.(*ast.Ident)
			v, isVar := info.Uses[id].(*types.Var)
			return ok && isVar && slices.Contains(vars, v)
		})
	}
	setup := true
	timeout := func(n ast.Node) bool {
		sel, ok := n.(*ast.SelectStmt)
		if !ok || !slices.ContainsFunc(sel.Body.List, func(st ast.Stmt) bool {
			c, ok := st.(*ast.CommClause)
			return ok && dialDone(f, c, sel.Pos(), roots) && passutil.Contains(c, false, isReturn)
		}) {
			return false
		}
		for _, st := range sel.Body.List {
			c, ok := st.(*ast.CommClause)
			if ok && !dialDone(f, c, sel.Pos(), roots) && !signalsInLoop(info, lit, recvVar(info, c), uses) {
				setup = false
			}
		}
		return true
	}
	return !f.WaitsAfterBut(g, timeout) && setup
}

func isReturn(n ast.Node) bool {
	_, ok := n.(*ast.ReturnStmt)
	return ok
}

// recvVar returns the channel variable that the clause c receives from,
// nil if it is not a receive from a variable.
func recvVar(info *types.Info, c *ast.CommClause) *types.Var {
	u, ok := ast.Unparen(ctxsum.StmtValue(c.Comm)).(*ast.UnaryExpr)
	if !ok || u.Op != token.ARROW {
		return nil
	}
	id, ok := ast.Unparen(u.X).(*ast.Ident)
	if !ok {
		return nil
	}
	v, _ := info.Uses[id].(*types.Var)
	return v
}

// signalsInLoop reports whether lit closes or sends on ch inside a for
// loop without condition that uses the context (uses), with no return or
// break right after the statements that lead to it, so that the goroutine
// goes on with the context after giving the signal.
func signalsInLoop(info *types.Info, lit *ast.FuncLit, ch *types.Var, uses func(ast.Node) bool) bool {
	if ch == nil {
		return false
	}
	found := false
	ast.PreorderStack(lit.Body, nil, func(n ast.Node, stack []ast.Node) bool {
		if found || !isSignal(info, n, ch) {
			return !found
		}
		loop := slices.IndexFunc(stack, func(a ast.Node) bool {
			fs, ok := a.(*ast.ForStmt)
			return ok && fs.Cond == nil
		})
		if loop < 0 || !uses(stack[loop]) {
			return false
		}
		chain := append(slices.Clone(stack[loop+1:]), n)
		for i := 1; i < len(chain); i++ {
			st, ok := chain[i].(ast.Stmt)
			if !ok {
				continue
			}
			switch nextStmt(chain[:i], st).(type) {
			case *ast.ReturnStmt, *ast.BranchStmt:
				return false
			}
		}
		found = true
		return false
	})
	return found
}

// isSignal reports whether n is close(ch) or a send on ch.
func isSignal(info *types.Info, n ast.Node, ch *types.Var) bool {
	switch n := n.(type) {
	case *ast.SendStmt:
		id, ok := ast.Unparen(n.Chan).(*ast.Ident)
		return ok && info.Uses[id] == ch
	case *ast.CallExpr:
		if len(n.Args) != 1 || !isBuiltin(info, n, "close") {
			return false
		}
		id, ok := ast.Unparen(n.Args[0]).(*ast.Ident)
		return ok && info.Uses[id] == ch
	}
	return false
}

// dialDone reports whether the clause c receives from x.Done(), x a
// context matched by roots.
func dialDone(f *ctxsum.Flow, c *ast.CommClause, pos token.Pos, roots ctxsum.Roots) bool {
	u, ok := ast.Unparen(ctxsum.StmtValue(c.Comm)).(*ast.UnaryExpr)
	if !ok || u.Op != token.ARROW {
		return false
	}
	call, ok := ast.Unparen(u.X).(*ast.CallExpr)
	if !ok || len(call.Args) != 0 {
		return false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	return ok && sel.Sel.Name == "Done" && f.Carries(sel.X, pos, roots)
}

// renewsContext reports whether lit assigns (=) a context variable
// declared outside its body: one of its parameters or a captured
// variable, in its body or a nested literal.
func renewsContext(info *types.Info, lit *ast.FuncLit) bool {
	return passutil.Contains(lit.Body, true, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || as.Tok != token.ASSIGN {
			return false
		}
		return slices.ContainsFunc(as.Lhs, func(lhs ast.Expr) bool {
			id, ok := ast.Unparen(lhs).(*ast.Ident)
			if !ok {
				return false
			}
			v, ok := info.Uses[id].(*types.Var)
			return ok && v.Pos() < lit.Body.Pos() && ctxsum.IsContext(v.Type())
		})
	})
}

func reportDialGo(pass *analysis.Pass, g *ast.GoStmt, fn, param string, use ast.Node) {
	dial := fn
	if i := strings.LastIndex(dial, "."); i >= 0 {
		dial = dial[i+1:]
	}
	work := "" // where the goroutine works with it, if not on the go line
	if pass.Fset.Position(use.Pos()).Line != pass.Fset.Position(g.Pos()).Line {
		work = " (" + where(pass, g.Pos(), use.Pos()) + ")"
	}
	pass.Report(analysis.Diagnostic{
		Pos:      g.Pos(),
		End:      g.Call.Lparen,
		Category: catCutShort,
		Message: fmt.Sprintf("the goroutine started here keeps using a context derived from the %s of %s%s, which callers may cancel once %s returns "+
			"(a dial's context bounds its setup, as for net.Dialer.DialContext); did you mean to derive it from context.WithoutCancel(%s)?",
			param, fn, work, dial, param),
	})
}
