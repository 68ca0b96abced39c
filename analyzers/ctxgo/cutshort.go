package ctxgo

import (
	"cmp"
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/envvet/envvet/analyzers/ctxgo/internal/ctxsum"
	"github.com/envvet/envvet/internal/relpos"
)

// cutShort reports, in fn, goroutines and keeper calls (functions with a
// keepsCtx fact) that receive a context ending when fn returns, where fn
// does not block afterwards (rule 1). may is rootCalls.in(fn).
func cutShort(pass *analysis.Pass, sum *ctxsum.Result, fn function, may bool) {
	decl, _ := fn.node.(*ast.FuncDecl)
	rpc := sum.RPCContext(decl)
	if rpc == nil && !may {
		return // hasRoot cannot hold: no Flow to build
	}
	f := sum.NewFlow(fn.ftype, fn.body)
	var hits []ast.Node // the roots matched, for related information
	roots := endingRoots(f, decl, rpc, &hits)
	if rpc == nil && !hasRoot(f, fn) {
		return
	}
	sync := scopedWork(pass, sum, f, roots)
	for _, n := range f.Direct() {
		switch n := n.(type) {
		case *ast.GoStmt:
			hits = nil
			u := f.GoWork(n, roots)
			found := hits
			if u == nil || f.WaitsAfter(n, sync) {
				continue
			}
			// A goroutine that selects on ctx.Done() is built to stop at
			// cancellation; it is dead on arrival only if fn returns at once.
			if u.RunsUntil && !f.ReturnsAfter(n) {
				continue
			}
			// Have: go work(ctx) or go func() { work(ctx) }(), and fn returns soon after.
			reportGo(pass, fn, n, u, rootsRelated(pass, f, fn, found))
		case *ast.CallExpr:
			hits = nil
			args := f.KeptArgs(n, roots)
			found := hits
			if len(args) == 0 || f.WaitsAfter(n, sync) {
				continue
			}
			// Have: worker.Start(ctx) where Start's goroutine keeps using ctx.
			// A worker that stops at cancellation is reported only when
			// dead on arrival, as for go statements.
			callee := ctxsum.Callee(pass.TypesInfo, n)
			stops := true
			for _, i := range args {
				stops = stops && sum.KeepsUntil(callee, i)
			}
			if stops && !f.ReturnsAfter(n) {
				continue
			}
			related := append(rootsRelated(pass, f, fn, found), keeperGoRelated(pass, sum, n, callee, args[0])...)
			reportKeeper(pass, fn, n, args, stops, related)
		}
	}
}

// endingRoots returns the roots of the contexts that end when the function
// of f returns: a context.With... call whose cancel it defers, an HTTP
// request's context, and rpc, the context parameter of an RPC method
// (decl) if it has one. Each root matched is added to *hits.
func endingRoots(f *ctxsum.Flow, decl *ast.FuncDecl, rpc *types.Var, hits *[]ast.Node) ctxsum.Roots {
	hit := func(n ast.Node) {
		if !slices.Contains(*hits, n) {
			*hits = append(*hits, n)
		}
	}
	return ctxsum.Roots{
		Expr: func(e ast.Expr) bool {
			call, ok := e.(*ast.CallExpr)
			ok = ok && (f.DeferredCancel(call) || f.IsRequestContext(call, call.Pos()))
			if ok {
				hit(call)
			}
			return ok
		},
		Entry: func(v *types.Var) bool {
			if rpc != nil && v == rpc {
				hit(decl)
				return true
			}
			return false
		},
	}
}

// scopedWork returns the sync predicate of WaitsAfter: the call is fn's
// own work with a context after the statement, so the goroutine is scoped
// to that work (go heartbeat(ctx); return stream(ctx); or
// ctx = conn.CloseRead(ctx); conn.Ping(ctx)). A keeper call or a call of
// package context (deriving, not working) is not.
func scopedWork(pass *analysis.Pass, sum *ctxsum.Result, f *ctxsum.Flow, roots ctxsum.Roots) func(*ast.CallExpr) bool {
	return func(call *ast.CallExpr) bool {
		c := ctxsum.Callee(pass.TypesInfo, call)
		if len(sum.Keeps(c)) > 0 {
			return false
		}
		if c != nil && c.Pkg() != nil && c.Pkg().Path() == "context" {
			return false // deriving, not working
		}
		for _, arg := range call.Args {
			if f.Carries(arg, arg.Pos(), roots) || isLiveContext(pass.TypesInfo, arg) {
				return true
			}
		}
		return false
	}
}

// keeperGoRelated returns the related information naming the go statement
// that callee, called by call, starts to keep its context argument at
// index i, when the keepsCtx fact knows the one statement.
func keeperGoRelated(pass *analysis.Pass, sum *ctxsum.Result, call *ast.CallExpr, callee *types.Func, i int) []analysis.RelatedInformation {
	g, ok := relpos.New(pass).PosString(sum.KeeperGo(pass.Fset, callee, i))
	if !ok {
		return nil
	}
	return []analysis.RelatedInformation{{
		Pos:     g,
		Message: types.ExprString(call.Fun) + " starts the goroutine that keeps " + types.ExprString(call.Args[i]) + " here",
	}}
}

// isLiveContext reports whether e is a context that may be cancelled: of
// type context.Context, and not context.Background(), TODO() or
// WithoutCancel(...).
func isLiveContext(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	if !ok || !ctxsum.IsContext(tv.Type) {
		return false
	}
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok {
		if fn := ctxsum.Callee(info, call); fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "context" {
			switch fn.Name() {
			case "Background", "TODO", "WithoutCancel":
				return false
			}
		}
	}
	return true
}

// rootCalls holds the positions, sorted, of the package's calls that
// ctxsum.MayBeRoot accepts: most functions hold none, and a function
// without one cannot have a root (hasRoot; cutShort builds no Flow) nor a
// context.With... call (handover has nothing to look at). One walk of the
// package's calls answers for every function and literal (a walk of each
// body walked every literal again for each function enclosing it).
type rootCalls []token.Pos

func mayBeRootCalls(in *inspector.Inspector) rootCalls {
	var out rootCalls
	for cur := range in.Root().Preorder((*ast.CallExpr)(nil)) {
		if call := cur.Node().(*ast.CallExpr); ctxsum.MayBeRoot(call) {
			out = append(out, call.Pos())
		}
	}
	slices.Sort(out) // files need not come in position order
	return out
}

// in reports whether fn's body, function literals included, holds one of
// the calls.
func (rc rootCalls) in(fn function) bool {
	i, _ := slices.BinarySearch(rc, fn.body.Pos())
	return i < len(rc) && rc[i] < fn.body.End()
}

// hasRoot reports whether fn has a context that ends when it returns: a
// context.With... call whose cancel it defers, or it is an HTTP handler.
func hasRoot(f *ctxsum.Flow, fn function) bool {
	found := false
	ast.Inspect(fn.body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && !found {
			found = f.DeferredCancel(call) || f.IsRequestContext(call, call.Pos())
		}
		return !found
	})
	return found
}

// rootsRelated returns the related information naming where each root
// context found ends: the defer statement calling its cancel function, the
// handler's r.Context() call, or the RPC method's context parameter.
func rootsRelated(pass *analysis.Pass, f *ctxsum.Flow, fn function, roots []ast.Node) []analysis.RelatedInformation {
	var out []analysis.RelatedInformation
	for _, n := range roots {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			// The context parameter of an RPC method.
			if decl, ok := n.(*ast.FuncDecl); ok && decl.Type.Params != nil && len(decl.Type.Params.List) > 0 {
				p := decl.Type.Params.List[0]
				out = append(out, analysis.RelatedInformation{
					Pos: p.Pos(), End: p.End(),
					Message: "the context of the RPC " + fn.name + ", cancelled when it returns",
				})
			}
			continue
		}
		if d, cancel := f.CancelDefer(call); d != nil {
			out = append(out, analysis.RelatedInformation{
				Pos: d.Pos(), End: d.End(),
				Message: "the context of " + types.ExprString(call.Fun) + " is cancelled here, by the deferred " + cancel + ", when " + fn.name + " returns",
			})
		} else if f.IsRequestContext(call, call.Pos()) {
			handler := "the handler " + fn.name
			if _, lit := fn.node.(*ast.FuncLit); lit {
				handler = "the handler, " + fn.name + ","
			}
			out = append(out, analysis.RelatedInformation{
				Pos: call.Pos(), End: call.End(),
				Message: types.ExprString(call) + " is the request's context, cancelled when " + handler + " returns",
			})
		}
	}
	slices.SortFunc(out, func(a, b analysis.RelatedInformation) int { return cmp.Compare(a.Pos, b.Pos) })
	return out
}

func reportGo(pass *analysis.Pass, fn function, g *ast.GoStmt, u *ctxsum.GoUse, related []analysis.RelatedInformation) {
	name := ctxName(pass, g.Call, u)
	wait := producesResult(pass.TypesInfo, g, u)
	msg := name + " is cancelled when " + fn.name + " returns, but the goroutine started here keeps using it"
	if u.Lit != nil && u.Work != nil && u.Lit.Body.Pos() <= u.Work.Pos() && u.Work.Pos() < u.Lit.Body.End() {
		// The work inside the literal; an argument of the go call is in
		// plain sight already.
		related = append(related, analysis.RelatedInformation{
			Pos: u.Work.Pos(), End: u.Work.End(),
			Message: "the goroutine works with " + name + " here",
		})
	}
	d := analysis.Diagnostic{Pos: g.Pos(), End: g.Call.Lparen, Category: catCutShort, Related: related}
	if u.RunsUntil {
		// A worker built to stop at cancellation, started by a function
		// that returns at once: WithoutCancel would make it run forever.
		d.Message = name + " is cancelled when " + fn.name + " returns, but the goroutine started here works with it until it is cancelled, so it stops as soon as " +
			fn.name + " returns; did you mean to detach it from this cancel?"
		pass.Report(d)
		return
	}
	if wait {
		d.Message = msg + "; did you mean to wait for the goroutine before returning?"
		pass.Report(d)
		return
	}
	d.Message = msg + "; did you mean to detach it with context.WithoutCancel?"
	if edits := detachGoEdits(pass, g, u); edits != nil {
		d.SuggestedFixes = []analysis.SuggestedFix{{
			Message:   "Detach the goroutine's context with context.WithoutCancel",
			TextEdits: edits,
		}}
	}
	pass.Report(d)
}

func reportKeeper(pass *analysis.Pass, fn function, call *ast.CallExpr, args []int, stops bool, related []analysis.RelatedInformation) {
	name := types.ExprString(call.Args[args[0]])
	callee := types.ExprString(call.Fun)
	d := analysis.Diagnostic{
		Pos:      call.Pos(),
		End:      call.End(),
		Category: catCutShort,
		Related:  related,
		Message: name + " is cancelled when " + fn.name + " returns, but " + callee +
			" keeps using it in a goroutine; did you mean to detach it with context.WithoutCancel?",
	}
	if stops {
		d.Message = name + " is cancelled when " + fn.name + " returns, but " + callee +
			" starts a goroutine that works with it until it is cancelled, so it stops as soon as " +
			fn.name + " returns; did you mean to detach it from this cancel?"
		pass.Report(d)
		return
	}
	if pkg, ok := withoutCancelName(pass, call.Pos()); ok {
		d.SuggestedFixes = []analysis.SuggestedFix{{
			Message:   "Detach the context with context.WithoutCancel",
			TextEdits: wrapArgs(pkg, call, args),
		}}
	}
	pass.Report(d)
}

// ctxName names the context the goroutine receives, for the message.
func ctxName(pass *analysis.Pass, call *ast.CallExpr, u *ctxsum.GoUse) string {
	switch {
	case len(u.Args) > 0:
		return types.ExprString(call.Args[u.Args[0]])
	case len(u.Captured) > 0:
		return u.Captured[0].Name()
	}
	if e, ok := u.Work.(ast.Expr); ok {
		return types.ExprString(e)
	}
	return "the context"
}

// producesResult reports whether the goroutine hands back a result: it
// sends on or closes a channel, or assigns a variable of the enclosing
// function (go func() { res, err = fetch(ctx); close(done) }()), or is
// given a channel or a pointer. Then the author most likely meant to wait
// for it; otherwise (fire and forget) to detach it.
func producesResult(info *types.Info, g *ast.GoStmt, u *ctxsum.GoUse) bool {
	for _, arg := range g.Call.Args {
		if tv, ok := info.Types[arg]; ok && tv.Type != nil {
			switch tv.Type.Underlying().(type) {
			case *types.Chan, *types.Pointer:
				if _, isSig := types.Unalias(tv.Type).(*types.Signature); !isSig {
					return true
				}
			}
		}
	}
	if u.Lit == nil {
		return false
	}
	lit := u.Lit
	found := false
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SendStmt:
			found = true
		case *ast.CallExpr:
			if isBuiltin(info, n, "close") {
				found = true
			}
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				if id, ok := ast.Unparen(l).(*ast.Ident); ok {
					if v, ok := info.Uses[id].(*types.Var); ok && (v.Pos() < lit.Pos() || v.Pos() >= lit.End()) && v.Pkg() != nil && v.Parent() != nil && v.Parent() != v.Pkg().Scope() {
						found = true
					}
				}
			}
		}
		return !found
	})
	return found
}

// detachGoEdits returns the edits that give the goroutine a detached
// context, or nil when the shape or the file's Go version does not allow it.
//
//	go audit(ctx, x)        →  go audit(context.WithoutCancel(ctx), x)
//	go func() { f(ctx) }()  →  go func(ctx context.Context) { f(ctx) }(context.WithoutCancel(ctx))
func detachGoEdits(pass *analysis.Pass, g *ast.GoStmt, u *ctxsum.GoUse) []analysis.TextEdit {
	pkg, ok := withoutCancelName(pass, g.Pos())
	if !ok {
		return nil
	}
	if len(u.Args) > 0 && len(u.Captured) == 0 {
		return wrapArgs(pkg, g.Call, u.Args)
	}
	if len(u.Args) > 0 || len(u.Captured) != 1 || u.Lit == nil || u.Lit.Type.Params == nil {
		return nil
	}
	v := u.Captured[0]
	if assignsVar(pass.TypesInfo, u.Lit.Body, v) || declaresName(pass.TypesInfo, u.Lit.Body, v.Name()) {
		return nil // the new parameter would change what the literal sees, or clash
	}
	params := u.Lit.Type.Params
	param := v.Name() + " " + pkg + ".Context"
	if len(params.List) > 0 {
		param += ", "
	}
	arg := pkg + ".WithoutCancel(" + v.Name() + ")"
	if len(g.Call.Args) > 0 {
		arg += ", "
	}
	return []analysis.TextEdit{
		{Pos: params.Opening + 1, End: params.Opening + 1, NewText: []byte(param)},
		{Pos: g.Call.Lparen + 1, End: g.Call.Lparen + 1, NewText: []byte(arg)},
	}
}

func wrapArgs(pkg string, call *ast.CallExpr, args []int) []analysis.TextEdit {
	var edits []analysis.TextEdit
	for _, i := range args {
		a := call.Args[i]
		edits = append(edits,
			analysis.TextEdit{Pos: a.Pos(), End: a.Pos(), NewText: []byte(pkg + ".WithoutCancel(")},
			analysis.TextEdit{Pos: a.End(), End: a.End(), NewText: []byte(")")})
	}
	return edits
}

// assignsVar reports whether body assigns to v.
func assignsVar(info *types.Info, body ast.Node, v *types.Var) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		var lhs []ast.Expr
		switch n := n.(type) {
		case *ast.AssignStmt:
			lhs = n.Lhs
		case *ast.IncDecStmt:
			lhs = []ast.Expr{n.X}
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				lhs = []ast.Expr{n.X}
			}
		}
		for _, l := range lhs {
			if id, ok := ast.Unparen(l).(*ast.Ident); ok && info.Uses[id] == v {
				found = true
			}
		}
		return !found
	})
	return found
}

// declaresName reports whether body declares something called name.
func declaresName(info *types.Info, body ast.Node, name string) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && id.Name == name && info.Defs[id] != nil {
			found = true
		}
		return !found
	})
	return found
}
