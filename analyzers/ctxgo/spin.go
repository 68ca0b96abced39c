package ctxgo

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/envvet/envvet/analyzers/ctxgo/internal/ctxsum"
	"github.com/envvet/envvet/internal/passutil"
)

// spin reports the go statement at cur when its goroutine (body, with
// parameters ftype) loops forever calling a function with a context that
// can be cancelled, and nothing in the loop observes the cancellation: once
// the context ends, the call returns at once on every iteration and the
// loop spins (rule 2, unobserved, its second shape).
func spin(pass *analysis.Pass, sum *ctxsum.Result, cur inspector.Cursor, ftype *ast.FuncType, body *ast.BlockStmt) {
	g := cur.Node().(*ast.GoStmt)
	info := pass.TypesInfo
	var region ast.Node = body
	for enc := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		region = enc.Node()
	}
	live := &liveness{info: info, g: g, params: passutil.Params(info, ftype), regions: []ast.Node{region, body}}
	loop, call, arg := spinLoop(sum, live, body)
	if loop == nil {
		return
	}
	// Have: go func() { for { err := f(ctx); log(err) } }() with ctx live.
	ctx := types.ExprString(arg)
	callStr := types.ExprString(call)
	if len(callStr) > 40 {
		callStr = types.ExprString(call.Fun) + "(…)"
	}
	pass.Report(analysis.Diagnostic{
		Pos:      g.Pos(),
		End:      g.Call.Lparen,
		Category: catUnobserved,
		Message: "this goroutine's loop never leaves when " + ctx + " is cancelled: " + callStr +
			" then returns at once and the loop spins; check " + ctx + ".Err() in the loop",
		Related: []analysis.RelatedInformation{{
			Pos: call.Pos(), End: call.End(),
			Message: "called on every iteration of the loop, which has no exit and never checks " + ctx + ".Err() or " + ctx + ".Done()",
		}},
	})
}

// spinLoop returns a "for { ... }" loop of body (outside nested literals)
// that has no exit, does no blocking work of its own and observes no
// cancellation (spinsOnCancel), and one of whose statements calls a
// function with a live context (spinCall); nil if there is none.
func spinLoop(sum *ctxsum.Result, live *liveness, body *ast.BlockStmt) (loop *ast.ForStmt, call *ast.CallExpr, arg ast.Expr) {
	info := live.info
	ast.PreorderStack(body, nil, func(n ast.Node, stack []ast.Node) bool {
		if loop != nil {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ForStmt:
			if n.Cond != nil || hasExit(info, n, ctxsum.LabelOf(stack)) || !spinsOnCancel(info, n.Body) {
				return true
			}
			for _, s := range n.Body.List {
				if c, a := spinCall(sum, live, s); c != nil {
					loop, call, arg = n, c, a
					return false
				}
			}
		}
		return true
	})
	return loop, call, arg
}

// spinsOnCancel reports whether the loop body does nothing that would
// hold it once the context is cancelled, or notice the cancellation: no
// select, channel send or receive, range over a channel, time.Sleep or
// blocking call without a context (Read*, Recv*, Accept*, Receive*,
// Wait*), no call of a context's Done or Err method, no reference to
// context.Canceled, DeadlineExceeded or Cause.
func spinsOnCancel(info *types.Info, body *ast.BlockStmt) bool {
	spins := true
	ast.Inspect(body, func(n ast.Node) bool {
		if !spins {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit, *ast.GoStmt:
			return false
		case *ast.SelectStmt, *ast.SendStmt:
			spins = false
		case *ast.UnaryExpr:
			spins = n.Op != token.ARROW
		case *ast.RangeStmt:
			if tv, ok := info.Types[n.X]; ok && tv.Type != nil {
				if _, ok := tv.Type.Underlying().(*types.Chan); ok {
					spins = false
				}
			}
		case *ast.SelectorExpr:
			if obj, ok := info.Uses[n.Sel]; ok && obj.Pkg() != nil && obj.Pkg().Path() == "context" {
				switch obj.Name() {
				case "Canceled", "DeadlineExceeded", "Cause", "Done", "Err":
					spins = false
				}
			}
			if n.Sel.Name == "Done" || n.Sel.Name == "Err" {
				if tv, ok := info.Types[n.X]; ok && ctxsum.IsContext(tv.Type) {
					spins = false
				}
			}
		case *ast.CallExpr:
			if blockingWithoutContext(info, n) {
				spins = false
			}
		}
		return spins
	})
	return spins
}

// blockingWithoutContext reports whether call blocks on something other
// than a context: time.Sleep, or a Read*, Recv*, Accept*, Receive* or
// Wait* call given no context.
func blockingWithoutContext(info *types.Info, call *ast.CallExpr) bool {
	fn := ctxsum.Callee(info, call)
	if fn == nil {
		return false
	}
	if fn.Pkg() != nil && fn.Pkg().Path() == "time" && fn.Name() == "Sleep" {
		return true
	}
	for _, a := range call.Args {
		if tv, ok := info.Types[a]; ok && ctxsum.IsContext(tv.Type) {
			return false
		}
	}
	for _, p := range []string{"Read", "Recv", "Accept", "Receive", "Wait"} {
		if strings.HasPrefix(fn.Name(), p) {
			return true
		}
	}
	return false
}

// spinCall returns the call that statement s of a loop body makes on
// every iteration (as an expression statement, an assignment's value or
// an if statement's init) with a live context argument, when the call
// returns at once once that context is cancelled: its callee runs until
// the context is cancelled (a runsUntilCtx fact, or a Serve/Run/Wait-style
// name), or it returns an error. Functions of package context do not
// count.
func spinCall(sum *ctxsum.Result, live *liveness, s ast.Stmt) (*ast.CallExpr, ast.Expr) {
	if ifs, ok := s.(*ast.IfStmt); ok && ifs.Init != nil {
		s = ifs.Init
	}
	call, ok := ast.Unparen(ctxsum.StmtValue(s)).(*ast.CallExpr)
	if !ok {
		return nil, nil
	}
	info := live.info
	fn := ctxsum.Callee(info, call)
	if fn == nil || fn.Pkg() != nil && fn.Pkg().Path() == "context" {
		return nil, nil
	}
	for i, a := range call.Args {
		tv, ok := info.Types[a]
		if !ok || !ctxsum.IsContext(tv.Type) || !live.expr(a, 0) {
			continue
		}
		if sum.ArgRunsUntil(call, i) || ctxsum.IsBlockingCall(info, call) || returnsError(info, call) {
			return call, a
		}
	}
	return nil, nil
}

// returnsError reports whether call has a result of type error.
func returnsError(info *types.Info, call *ast.CallExpr) bool {
	tv, ok := info.Types[call]
	if !ok || tv.Type == nil {
		return false
	}
	errType := types.Universe.Lookup("error").Type()
	if tup, ok := tv.Type.(*types.Tuple); ok {
		for v := range tup.Variables() {
			if types.Identical(v.Type(), errType) {
				return true
			}
		}
		return false
	}
	return types.Identical(tv.Type, errType)
}

// liveness tells whether a context the goroutine started by g uses can be
// cancelled: it is not context.Background(), TODO() or WithoutCancel(...)
// nor derived from one with WithValue (or with WithCancel whose cancel is
// only deferred). A parameter of the goroutine's function (params) is
// followed to the go statement's argument; a variable, to every
// assignment in regions (the function enclosing g and the goroutine's
// body), any of which may make it never cancelled. Parameters of other
// functions, fields and results of calls are taken as live.
type liveness struct {
	info    *types.Info
	g       *ast.GoStmt
	params  map[*types.Var]int // of the goroutine's function, by index
	regions []ast.Node
}

func (l *liveness) expr(e ast.Expr, depth int) bool {
	if depth > 6 {
		return true
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, ok := l.info.Uses[e].(*types.Var)
		if !ok {
			return true
		}
		return l.variable(v, depth+1)
	case *ast.CallExpr:
		name, ok := contextFuncName(l.info, e)
		if !ok {
			return true
		}
		switch name {
		case "Background", "TODO", "WithoutCancel":
			return false
		case "WithValue":
			return len(e.Args) == 0 || l.expr(e.Args[0], depth+1)
		}
	}
	return true
}

// variable reports whether v may hold a live context.
func (l *liveness) variable(v *types.Var, depth int) bool {
	if i, ok := l.params[v]; ok {
		if i < len(l.g.Call.Args) && !l.g.Call.Ellipsis.IsValid() {
			return l.expr(l.g.Call.Args[i], depth)
		}
		return true
	}
	live := true
	for _, region := range l.regions {
		ast.Inspect(region, func(n ast.Node) bool {
			if !live {
				return false
			}
			switch n := n.(type) {
			case *ast.AssignStmt:
				for j, lhs := range n.Lhs {
					id, ok := lhs.(*ast.Ident)
					if !ok || l.varOf(id) != v {
						continue
					}
					if len(n.Rhs) == len(n.Lhs) {
						live = l.expr(n.Rhs[j], depth)
					} else if len(n.Rhs) == 1 && j == 0 {
						live = l.derived(n, depth)
					}
				}
			case *ast.ValueSpec:
				for j, id := range n.Names {
					if l.varOf(id) == v && j < len(n.Values) && len(n.Values) == len(n.Names) {
						live = l.expr(n.Values[j], depth)
					}
				}
			}
			return live
		})
	}
	return live
}

// derived reports whether ctx of ctx, cancel := context.WithCancel(parent)
// (or another multi-value assignment) may be live: a deadline or timeout
// always ends it; a cancel ends it if it is used other than deferred.
func (l *liveness) derived(as *ast.AssignStmt, depth int) bool {
	call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
	if !ok {
		return true
	}
	name, ok := contextFuncName(l.info, call)
	if !ok || (name != "WithCancel" && name != "WithCancelCause") || len(call.Args) == 0 {
		return true
	}
	if l.expr(call.Args[0], depth+1) {
		return true
	}
	if len(as.Lhs) < 2 {
		return true
	}
	id, ok := as.Lhs[1].(*ast.Ident)
	if !ok || id.Name == "_" {
		return false
	}
	cancel := l.varOf(id)
	called := false
	for _, region := range l.regions {
		ast.Inspect(region, func(n ast.Node) bool {
			if d, ok := n.(*ast.DeferStmt); ok {
				if c, ok := ast.Unparen(d.Call.Fun).(*ast.Ident); ok && l.varOf(c) == cancel {
					return false
				}
			}
			if x, ok := n.(*ast.Ident); ok && x != id && l.info.Uses[x] == cancel {
				called = true
			}
			return !called
		})
	}
	return called
}

func (l *liveness) varOf(id *ast.Ident) *types.Var {
	if v, ok := l.info.Defs[id].(*types.Var); ok {
		return v
	}
	v, _ := l.info.Uses[id].(*types.Var)
	return v
}

// contextFuncName returns the name of the package-level function of
// package context that call calls.
func contextFuncName(info *types.Info, call *ast.CallExpr) (string, bool) {
	fn := ctxsum.Callee(info, call)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "context" {
		return "", false
	}
	if sig, ok := fn.Type().(*types.Signature); !ok || sig.Recv() != nil {
		return "", false
	}
	return fn.Name(), true
}
