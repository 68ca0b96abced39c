package ctxgo

import (
	"fmt"
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/envvet/envvet/analyzers/ctxgo/internal/ctxsum"
)

// dialGo reports (rule cutshort) a goroutine that a function named
// Dial... or Connect..., with one context parameter, starts with a context
// derived from that parameter and does not wait for (gopcua/opcua v0.1.6:
// Dial runs ctx, c.cancelMonitor = context.WithCancel(ctx) and then
// go c.monitorChannel(ctx), whose loop ends when the caller's dial timeout
// fires, long after the connection was made, #313). As for dialField, the
// convention is net.Dialer.DialContext's: the dial's context bounds its
// setup. A goroutine that only watches the context, or that the dial waits
// for, is left alone, as are the go statements dialField reported (done).
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
			if work == nil || f.WaitsAfter(g, nil) {
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
