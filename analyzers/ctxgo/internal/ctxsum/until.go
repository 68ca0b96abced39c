package ctxsum

import (
	"go/ast"
	"go/token"
	"go/types"
	"maps"
	"slices"
)

// Which goroutines run until cancellation. A goroutine that runs until
// its context is cancelled (a server, a ticker, a pump, a watcher) may be
// stopped on purpose by the cancel at its owner's return; one that does
// bounded work (a database write, an HTTP call, a fixed sequence of calls)
// is merely aborted by it, whatever the owner does before returning.

// argRunsUntil reports whether the callee of call runs until its argument
// at index idx is cancelled.
func (r *Result) argRunsUntil(call *ast.CallExpr, idx int) bool {
	if lit, ok := ast.Unparen(call.Fun).(*ast.FuncLit); ok {
		v := paramVar(r.info, lit.Type, idx)
		return v != nil && r.runsUntilIn(lit.Body, map[*types.Var]bool{v: true}, nil)
	}
	fn := Callee(r.info, call)
	if fn == nil {
		return false
	}
	return slices.Contains(r.until[fn], idx) || r.paramRunsUntil(fn, idx)
}

// paramRunsUntil reports whether fn, a function of this package, runs
// until its context parameter at index i is cancelled.
func (r *Result) paramRunsUntil(fn *types.Func, i int) bool {
	decl := r.decls[fn]
	if decl == nil {
		return false
	}
	key := paramKey{fn, i}
	switch r.runs[key] {
	case workYes:
		return true
	case workNo, workBusy:
		return false // recursion: the cycle alone does not run until
	}
	if r.frozen {
		return false
	}
	v := paramVar(r.info, decl.Type, i)
	if v == nil || !IsContext(v.Type()) {
		return false
	}
	r.runs[key] = workBusy
	runs := r.runsUntilIn(decl.Body, map[*types.Var]bool{v: true}, nil)
	r.runs[key] = workNo
	if runs {
		r.runs[key] = workYes
	}
	return runs
}

// runsUntilIn reports whether body runs until the context held by one of
// vars (or derived from one, or an expression for which extra reports
// true) is cancelled. Body, in its own flow (not in a goroutine or a
// literal it starts or stores),
//
//   - passes the context to a function that runs until it is cancelled
//     (a runsUntilCtx fact, this package's own analysis, or a name that
//     says so: IsBlockingCall, as in srv.Serve(ctx));
//   - waits for its end: <-ctx.Done() as a statement, or a select whose
//     cases all receive from done channels (chan struct{}), ctx.Done()
//     among them; or
//   - loops without bound (for {}, a for whose condition uses the context,
//     a range over a channel) and uses the context in the loop, or while a
//     goroutine it started watches it (an accept loop whose listener a
//     watcher closes).
//
// A loop with a bound (over a slice, a counter) is bounded work even if it
// checks ctx.Err() between steps.
func (r *Result) runsUntilIn(body ast.Node, vars map[*types.Var]bool, extra func(ast.Expr) bool) bool {
	if body == nil {
		return false
	}
	local := maps.Clone(vars)
	if local == nil {
		local = make(map[*types.Var]bool)
	}
	tracked := func(e ast.Expr) bool {
		if id, ok := ast.Unparen(e).(*ast.Ident); ok {
			v, ok := r.info.Uses[id].(*types.Var)
			return ok && local[v]
		}
		return extra != nil && extra(e)
	}
	var runs, loopUse, watched, loop bool
	ast.PreorderStack(body, nil, func(n ast.Node, stack []ast.Node) bool {
		if runs || loopUse {
			return false
		}
		if r.unboundedLoop(n, LabelOf(stack), tracked) && !async(stack) {
			loop = true
		}
		e, ok := n.(ast.Expr)
		if !ok || !tracked(e) {
			return true
		}
		// Have: a use of the context.
		if r.inUnboundedLoop(stack, tracked) {
			loopUse = true
			return false
		}
		switch k := r.untilUse(stack, e, local); k {
		case useUntil, useObserve:
			if async(stack) {
				watched = true
			} else if k == useUntil {
				runs = true
			}
		}
		_, isCall := n.(*ast.CallExpr)
		return !isCall
	})
	return runs || loopUse || watched && loop
}

// Kinds of use of a context, for runsUntilIn.
const (
	useOther   = iota
	useObserve // ctx.Done(), ctx.Err(), context.AfterFunc(ctx, ...)
	useUntil   // a wait for its end, or a call that runs until it
	useDerive  // ctx2 := context.WithValue(ctx, ...), c := ctx: now tracked
)

// untilUse classifies the use e of a tracked context, with ancestors
// stack. It adds variables derived from e to vars.
func (r *Result) untilUse(stack []ast.Node, e ast.Expr, vars map[*types.Var]bool) int {
	var child ast.Node = e
	for i := len(stack) - 1; i >= 0; i-- {
		switch p := stack[i].(type) {
		case *ast.ParenExpr:
			child = p
		case *ast.SelectorExpr:
			if p.Sel.Name == "Done" && waitsDone(stack[:i]) {
				return useUntil
			}
			if p.Sel.Name == "Done" || p.Sel.Name == "Err" {
				return useObserve
			}
			return useOther
		case *ast.CallExpr:
			idx := argIndex(p, child)
			if idx < 0 {
				return useOther
			}
			if name, ok := contextFunc(r.info, p); ok {
				if name == "AfterFunc" {
					return useObserve
				}
				if !isDerive(r.info, p) || idx != 0 {
					return useOther
				}
				if i > 0 {
					if v := r.definedBy(stack[i-1], p); v != nil {
						vars[v] = true
						return useDerive
					}
				}
				child = p
				continue
			}
			if r.derivedArg(p) == idx {
				if i > 0 {
					if v := r.definedBy(stack[i-1], p); v != nil {
						vars[v] = true // ctx, span := tracer.Start(ctx, "op")
						return useDerive
					}
				}
				child = p
				continue
			}
			if r.argRunsUntil(p, idx) || IsBlockingCall(r.info, p) {
				return useUntil
			}
			return useOther
		case *ast.AssignStmt:
			if j := slices.Index(p.Rhs, ast.Expr(child.(ast.Expr))); j >= 0 && len(p.Lhs) == len(p.Rhs) {
				if id, ok := p.Lhs[j].(*ast.Ident); ok {
					if v := r.varOf(id); v != nil {
						vars[v] = true
						return useDerive
					}
				}
			}
			return useOther
		default:
			return useOther
		}
	}
	return useOther
}

// waitsDone reports whether the x.Done() call whose selector's ancestors
// are stack is waited for as a statement of its own: <-x.Done(). (A
// select between ctx.Done() and other channels may as well wait for a
// result: http2's Ping waits so for its pong.)
func waitsDone(stack []ast.Node) bool {
	n := len(stack)
	if n < 3 {
		return false
	}
	if _, ok := stack[n-1].(*ast.CallExpr); !ok {
		return false
	}
	if u, ok := stack[n-2].(*ast.UnaryExpr); !ok || u.Op != token.ARROW {
		return false
	}
	if _, ok := stack[n-3].(*ast.ExprStmt); !ok {
		return false
	}
	if n == 3 {
		return true
	}
	_, inSelect := stack[n-4].(*ast.CommClause)
	return !inSelect
}

// async reports whether the node whose ancestors are stack runs apart from
// the body's own flow: in a goroutine or a function literal that is not
// called on the spot.
func async(stack []ast.Node) bool {
	for i, n := range stack {
		switch n.(type) {
		case *ast.GoStmt:
			return true
		case *ast.FuncLit:
			if i == 0 {
				return true
			}
			call, ok := stack[i-1].(*ast.CallExpr)
			if !ok || ast.Unparen(call.Fun) != n {
				return true
			}
		}
	}
	return false
}

// inUnboundedLoop reports whether stack holds an unbounded loop that runs
// in the body's own flow (no goroutine or stored literal between the body
// and the loop).
func (r *Result) inUnboundedLoop(stack []ast.Node, tracked func(ast.Expr) bool) bool {
	for i, n := range stack {
		if async(stack[:i+1]) {
			return false
		}
		if r.unboundedLoop(n, LabelOf(stack[:i]), tracked) {
			return true
		}
	}
	return false
}

// unboundedLoop reports whether n is a loop with no bound of its own that
// ends only at a stop: a for without condition whose exits are all stops
// (stopExit: under ctx.Done(), ctx.Err(), err != nil, !ok), and at least
// one; a for whose condition uses a tracked context (for ctx.Err() == nil)
// or a range over a channel, whose exits, if any, are all stops. label is
// the loop's label, if any. A loop with an exit on success (if
// srv.closeIdleConns() { return }, if err == nil { return conn }) waits
// for a result: bounded work. A loop without exit never stops.
func (r *Result) unboundedLoop(n ast.Node, label string, tracked func(ast.Expr) bool) bool {
	switch n := n.(type) {
	case *ast.ForStmt:
		exits, stops := r.exits(n.Body, label, tracked)
		if n.Cond == nil {
			return exits && stops
		}
		uses := false
		ast.Inspect(n.Cond, func(m ast.Node) bool {
			if e, ok := m.(ast.Expr); ok && tracked(e) {
				uses = true
			}
			return !uses
		})
		return uses && stops
	case *ast.RangeStmt:
		if tv, ok := r.info.Types[n.X]; ok && tv.Type != nil {
			_, isChan := tv.Type.Underlying().(*types.Chan)
			_, stops := r.exits(n.Body, label, tracked)
			return isChan && stops
		}
	}
	return false
}

// LabelOf returns the label of the statement whose ancestors are stack.
func LabelOf(stack []ast.Node) string {
	if len(stack) > 0 {
		if l, ok := stack[len(stack)-1].(*ast.LabeledStmt); ok {
			return l.Label.Name
		}
	}
	return ""
}

// ArgRunsUntil reports whether the callee of call, in any package, runs
// until its argument at index idx, a context, is cancelled (a runsUntilCtx
// fact, this package's own analysis, or a literal called on the spot).
func (r *Result) ArgRunsUntil(call *ast.CallExpr, idx int) bool {
	return r.argRunsUntil(call, idx)
}
