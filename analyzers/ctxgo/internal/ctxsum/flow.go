package ctxsum

import (
	"cmp"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
)

// Roots says which context values a Flow query follows: Expr matches a
// value-producing expression (a context.WithTimeout call whose cancel is
// deferred, r.Context() in a handler), Entry matches the value a variable
// has on entry to the function (a parameter). Either may be nil.
type Roots struct {
	Expr  func(e ast.Expr) bool
	Entry func(v *types.Var) bool
	// Stop, if set, matches derivations not to follow.
	Stop func(call *ast.CallExpr) bool
}

// A Flow answers questions about one function body: which context value a
// local variable holds at a point, what a goroutine started there does with
// it, and whether the function blocks after a statement.
type Flow struct {
	r       *Result
	info    *types.Info
	ftype   *ast.FuncType
	body    *ast.BlockStmt
	assigns map[*types.Var][]assign
	// deferred holds the variables called by a defer statement of the
	// function (defer cancel(), or cancel() as a statement of a deferred
	// literal's body, so on every path that reaches it).
	deferred map[*types.Var]bool
	// defers holds, for each variable of deferred, the first defer
	// statement calling it.
	defers map[*types.Var]*ast.DeferStmt
	// direct holds, in source order, the go statements and calls that run
	// in the function itself (outside nested function literals and go
	// statements).
	direct []ast.Node
	// pairs holds each "ctx, cancel := context.WithX(...)" of the function.
	pairs []cancelPair
	// cancelled holds the With calls whose cancel variable is deferred.
	cancelled map[*ast.CallExpr]bool
	// nilIfs maps the body of each "if v == nil" of the function to v
	// (nil until the function has one).
	nilIfs map[ast.Node]*types.Var
}

type cancelPair struct {
	call   *ast.CallExpr
	cancel *types.Var
}

// An assign records one assignment to a local variable.
type assign struct {
	end   token.Pos // end of the assigning statement
	scope ast.Node  // innermost block-like node holding the statement
	rhs   ast.Expr  // assigned value; nil when unknown
}

// NewFlow indexes the body of a function declaration or literal.
func (r *Result) NewFlow(ftype *ast.FuncType, body *ast.BlockStmt) *Flow {
	f := &Flow{
		r:         r,
		info:      r.info,
		ftype:     ftype,
		body:      body,
		assigns:   make(map[*types.Var][]assign),
		deferred:  make(map[*types.Var]bool),
		defers:    make(map[*types.Var]*ast.DeferStmt),
		cancelled: make(map[*ast.CallExpr]bool),
	}
	if body == nil {
		return f
	}
	defer f.markCancelled()
	ast.PreorderStack(body, nil, func(n ast.Node, stack []ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.GoStmt:
			f.direct = append(f.direct, n)
			return false
		case *ast.CallExpr:
			f.direct = append(f.direct, n)
		case *ast.DeferStmt:
			f.recordDefer(n)
		case *ast.IfStmt:
			f.recordNilIf(n)
		case *ast.AssignStmt:
			f.recordAssign(n, blockOf(stack, body))
		case *ast.ValueSpec:
			f.recordSpec(n, blockOf(stack, body))
		case *ast.RangeStmt:
			scope := blockOf(stack, body)
			if n.Key != nil {
				f.record(n.Key, nil, n, scope)
			}
			if n.Value != nil {
				f.record(n.Value, nil, n, scope)
			}
		}
		return true
	})
	return f
}

// markCancelled marks the context.With... calls whose cancel the function
// defers.
func (f *Flow) markCancelled() {
	for _, p := range f.pairs {
		if f.deferred[p.cancel] {
			f.cancelled[p.call] = true
		}
	}
}

// recordAssign records the assignments of n, a statement in scope: a
// context a call returns is the call only if the context derives from
// one of its arguments (ctx, cancel := context.WithCancel(parent)).
func (f *Flow) recordAssign(n *ast.AssignStmt, scope ast.Node) {
	switch {
	case n.Tok != token.ASSIGN && n.Tok != token.DEFINE:
		for _, l := range n.Lhs {
			f.record(l, nil, n, scope)
		}
	case len(n.Lhs) == len(n.Rhs):
		for i, l := range n.Lhs {
			f.record(l, n.Rhs[i], n, scope)
		}
	case len(n.Rhs) == 1:
		// ctx, cancel := context.WithCancel(parent): ctx is the call.
		call, _ := ast.Unparen(n.Rhs[0]).(*ast.CallExpr)
		f.pair(call, n.Lhs)
		for i, l := range n.Lhs {
			var rhs ast.Expr
			if i == 0 && call != nil && f.r.derivedArg(call) >= 0 {
				rhs = call
			}
			f.record(l, rhs, n, scope)
		}
	}
}

// recordSpec records the variables that n, a declaration in scope,
// declares, as recordAssign does (var ctx, cancel = context.WithCancel(parent)).
func (f *Flow) recordSpec(n *ast.ValueSpec, scope ast.Node) {
	if len(n.Values) == 1 && len(n.Names) == 2 {
		call, _ := ast.Unparen(n.Values[0]).(*ast.CallExpr)
		f.pair(call, []ast.Expr{n.Names[0], n.Names[1]})
	}
	for i, name := range n.Names {
		var rhs ast.Expr
		switch {
		case len(n.Values) == len(n.Names):
			rhs = n.Values[i]
		case len(n.Values) == 1 && i == 0:
			if call, ok := ast.Unparen(n.Values[0]).(*ast.CallExpr); ok && f.r.derivedArg(call) >= 0 {
				rhs = call
			}
		}
		f.record(name, rhs, n, scope)
	}
}

func (f *Flow) record(lhs ast.Expr, rhs ast.Expr, stmt ast.Node, scope ast.Node) {
	id, ok := ast.Unparen(lhs).(*ast.Ident)
	if !ok || id.Name == "_" {
		return
	}
	v := f.localVar(id)
	if v == nil {
		return
	}
	end := stmt.End()
	if rs, ok := stmt.(*ast.RangeStmt); ok {
		end = rs.Body.Pos() // the variables exist inside the body
	}
	f.assigns[v] = append(f.assigns[v], assign{end: end, scope: scope, rhs: rhs})
}

func (f *Flow) recordDefer(d *ast.DeferStmt) {
	mark := func(v *types.Var) {
		f.deferred[v] = true
		if f.defers[v] == nil {
			f.defers[v] = d
		}
	}
	if id, ok := ast.Unparen(d.Call.Fun).(*ast.Ident); ok {
		if v, ok := f.info.Uses[id].(*types.Var); ok {
			mark(v)
		}
		return
	}
	// In a deferred literal, only a call on every path counts: a cancel
	// called only on error (defer func() { if err != nil { cancel() } }())
	// leaves the context alive on the other paths.
	if lit, ok := ast.Unparen(d.Call.Fun).(*ast.FuncLit); ok && lit.Body != nil {
		for _, s := range lit.Body.List {
			es, ok := s.(*ast.ExprStmt)
			if !ok {
				continue
			}
			if call, ok := ast.Unparen(es.X).(*ast.CallExpr); ok {
				if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
					if v, ok := f.info.Uses[id].(*types.Var); ok {
						mark(v)
					}
				}
			}
		}
	}
}

// blockOf returns the innermost block-like node of stack, or body.
func blockOf(stack []ast.Node, body ast.Node) ast.Node {
	for i := len(stack) - 1; i >= 0; i-- {
		switch stack[i].(type) {
		case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause, *ast.IfStmt,
			*ast.ForStmt, *ast.RangeStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt:
			return stack[i]
		}
	}
	return body
}

// localVar returns the variable id denotes if it is declared in the
// function (parameters included), else nil.
func (f *Flow) localVar(id *ast.Ident) *types.Var {
	obj, ok := f.info.Defs[id]
	if !ok || obj == nil {
		obj = f.info.Uses[id]
	}
	v, ok := obj.(*types.Var)
	if !ok || v.IsField() || !f.declares(v) {
		return nil
	}
	return v
}

func (f *Flow) declares(v *types.Var) bool {
	return f.ftype != nil && f.body != nil && v.Pos() >= f.ftype.Pos() && v.Pos() < f.body.End()
}

// Direct returns the go statements and calls that run in the function
// itself, in source order.
func (f *Flow) Direct() []ast.Node { return f.direct }

// DeferredCancel reports whether call is a context.With{Cancel,Timeout,
// Deadline}[Cause] call whose cancel function is assigned to a variable
// that a defer statement of the function calls: the context ends when the
// function returns.
func (f *Flow) DeferredCancel(call *ast.CallExpr) bool { return f.cancelled[call] }

// CancelDefer returns the defer statement that calls the cancel function
// of call, a context.WithX call for which DeferredCancel holds, with the
// cancel variable's name; nil if there is none.
func (f *Flow) CancelDefer(call *ast.CallExpr) (*ast.DeferStmt, string) {
	if !f.cancelled[call] {
		return nil, ""
	}
	for _, p := range f.pairs {
		if p.call == call && f.defers[p.cancel] != nil {
			return f.defers[p.cancel], p.cancel.Name()
		}
	}
	return nil, ""
}

// pair records "ctx, cancel := call" when call is context.WithX.
func (f *Flow) pair(call *ast.CallExpr, lhs []ast.Expr) {
	if call == nil || len(lhs) != 2 || !isCancelable(f.info, call) {
		return
	}
	if id, ok := ast.Unparen(lhs[1]).(*ast.Ident); ok {
		if v := f.localVar(id); v != nil {
			f.pairs = append(f.pairs, cancelPair{call, v})
		}
	}
}

// reach returns the value v holds at pos: the right-hand side of the last
// assignment to v that dominates pos (approximated by block nesting), or
// entry=true when no assignment precedes pos. ok is false when the value
// is unknown: v is not local, or an assignment on some branch may reach pos.
func (f *Flow) reach(v *types.Var, pos token.Pos) (rhs ast.Expr, entry, ok bool) {
	if !f.declares(v) {
		return nil, false, false
	}
	var best *assign
	var lastOther token.Pos
	for i := range f.assigns[v] {
		a := &f.assigns[v][i]
		if a.end > pos {
			continue
		}
		if a.scope.Pos() <= pos && pos < a.scope.End() {
			best = a
		} else if f.rederives(a.rhs, v) {
			// ctx = hook(ctx, r) on some branch: ctx still holds a
			// context derived from the value it had.
		} else if f.nilIfs[a.scope] == v {
			// if ctx == nil { ctx = context.Background() }: on every
			// other path ctx still holds the value it had.
		} else if a.end > lastOther {
			lastOther = a.end
		}
	}
	if best == nil {
		if lastOther.IsValid() {
			return nil, false, false
		}
		return nil, true, true
	}
	if lastOther > best.end || best.rhs == nil {
		return nil, false, false
	}
	return best.rhs, false, true
}

// recordNilIf records n's body in nilIfs when n tests a local variable or
// parameter against nil (if ctx == nil, with no init statement).
func (f *Flow) recordNilIf(n *ast.IfStmt) {
	b, ok := ast.Unparen(n.Cond).(*ast.BinaryExpr)
	if n.Init != nil || !ok || b.Op != token.EQL {
		return
	}
	x, y := ast.Unparen(b.X), ast.Unparen(b.Y)
	if isNilIdent(f.info, x) {
		x, y = y, x
	}
	id, ok := x.(*ast.Ident)
	if !ok || !isNilIdent(f.info, y) {
		return
	}
	v, ok := f.info.Uses[id].(*types.Var)
	if !ok || !f.declares(v) {
		return
	}
	if f.nilIfs == nil {
		f.nilIfs = make(map[ast.Node]*types.Var)
	}
	f.nilIfs[n.Body] = v
}

// rederives reports whether rhs, assigned to v, is a context derived from
// v itself (ctx = context.WithValue(ctx, k, x), ctx = hook(ctx, r)).
func (f *Flow) rederives(rhs ast.Expr, v *types.Var) bool {
	for depth := 0; depth < 16; depth++ {
		switch e := ast.Unparen(rhs).(type) {
		case *ast.Ident:
			return f.info.Uses[e] == v
		case *ast.CallExpr:
			k := f.r.derivedArg(e)
			if k < 0 || k >= len(e.Args) {
				return false
			}
			rhs = e.Args[k]
		default:
			return false
		}
	}
	return false
}

// Carries reports whether e, evaluated at pos, is a context matched by
// roots or derived from one (context.WithValue, WithCancel, ... of it).
func (f *Flow) Carries(e ast.Expr, pos token.Pos, roots Roots) bool {
	return f.carries(e, pos, roots, 0)
}

func (f *Flow) carries(e ast.Expr, pos token.Pos, roots Roots, depth int) bool {
	if depth > 16 || e == nil {
		return false
	}
	e = ast.Unparen(e)
	if roots.Expr != nil && roots.Expr(e) {
		return true
	}
	switch e := e.(type) {
	case *ast.Ident:
		v, ok := f.info.Uses[e].(*types.Var)
		if !ok {
			return false
		}
		rhs, entry, ok := f.reach(v, pos)
		switch {
		case !ok:
			return false
		case entry:
			return roots.Entry != nil && roots.Entry(v)
		}
		return f.carries(rhs, rhs.Pos(), roots, depth+1)
	case *ast.CallExpr:
		if k := f.r.derivedArg(e); k >= 0 && k < len(e.Args) {
			if roots.Stop != nil && roots.Stop(e) {
				return false
			}
			return f.carries(e.Args[k], e.Pos(), roots, depth+1)
		}
	}
	return false
}

// A GoUse describes work that a goroutine does with a tracked context.
type GoUse struct {
	Args     []int        // indexes of the go call's arguments that carry it
	Captured []*types.Var // variables carrying it captured by a literal
	Lit      *ast.FuncLit // the goroutine's literal, if any
	Work     ast.Node     // the first place work is done
	// RunsUntil is set when the goroutine runs until the context is
	// cancelled (a loop whose exit is cancellation, a wait for ctx.Done(),
	// a call to a function that does either, srv.Serve(ctx)): cancel-at-
	// return may be its intended stop signal. Otherwise it does bounded
	// work that cancellation aborts.
	RunsUntil bool
}

// GoWork reports what the goroutine started by g does with the contexts
// matched by roots (as seen at g): nil if it does no work with them.
func (f *Flow) GoWork(g *ast.GoStmt, roots Roots) *GoUse {
	if g.Call == nil {
		return nil
	}
	u := &GoUse{}
	lit, _ := ast.Unparen(g.Call.Fun).(*ast.FuncLit)
	u.Lit = lit
	for i, arg := range g.Call.Args {
		if !f.Carries(arg, g.Pos(), roots) {
			continue
		}
		if f.r.argWorks(g.Call, i) {
			u.Args = append(u.Args, i)
			if u.Work == nil {
				u.Work = arg
			}
		}
	}
	if lit != nil {
		f.litWork(g, lit, roots, u)
	}
	if u.Work == nil {
		return nil
	}
	if lit == nil && IsBlockingCall(f.info, g.Call) {
		u.RunsUntil = true // go srv.Serve(ctx): a service run until cancelled
	}
	for _, i := range u.Args {
		if f.r.argRunsUntil(g.Call, i) {
			u.RunsUntil = true
		}
	}
	return u
}

// litWork records in u the work that the goroutine literal lit, started
// by g, does with the contexts matched by roots that it captures, and
// whether it runs until they are cancelled.
func (f *Flow) litWork(g *ast.GoStmt, lit *ast.FuncLit, roots Roots, u *GoUse) {
	vars := make(map[*types.Var]bool)
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok {
			return true
		}
		v, ok := f.info.Uses[id].(*types.Var)
		if !ok || vars[v] || (v.Pos() >= lit.Pos() && v.Pos() < lit.End()) || !f.declares(v) {
			return true
		}
		if f.Carries(id, g.Pos(), roots) {
			vars[v] = true
		}
		return true
	})
	extra := func(e ast.Expr) bool {
		return roots.Expr != nil && f.IsRequestContext(e, g.Pos()) && roots.Expr(e)
	}
	w := f.r.workIn(lit.Type, lit.Body, vars, extra)
	if w == nil {
		return
	}
	for v := range vars {
		u.Captured = append(u.Captured, v)
	}
	slices.SortFunc(u.Captured, func(a, b *types.Var) int { return cmp.Compare(a.Pos(), b.Pos()) })
	if u.Work == nil {
		u.Work = w
	}
	u.RunsUntil = f.r.runsUntilIn(lit.Body, vars, extra)
}

// ReturnsAfter reports whether the function does nothing after n but
// return: n is in no loop, and no call other than a builtin or a
// conversion follows it.
func (f *Flow) ReturnsAfter(n ast.Node) bool {
	ok := true
	ast.PreorderStack(f.body, nil, func(m ast.Node, stack []ast.Node) bool {
		if !ok || m == n {
			return false
		}
		switch m := m.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ForStmt, *ast.RangeStmt:
			if m.Pos() <= n.Pos() && n.End() <= m.End() {
				ok = false
			}
		case *ast.CallExpr:
			if m.Pos() >= n.End() {
				if tv, isType := f.info.Types[m.Fun]; isType && tv.IsType() {
					break
				}
				if id, isID := ast.Unparen(m.Fun).(*ast.Ident); isID {
					if _, builtin := f.info.Uses[id].(*types.Builtin); builtin {
						break
					}
				}
				ok = false
			}
		case *ast.DeferStmt:
			return false // deferred calls: cancel() among them
		}
		return true
	})
	return ok
}

// KeptArgs returns the indexes of call's arguments that carry a context
// matched by roots into a parameter covered by the callee's keepsCtx fact.
func (f *Flow) KeptArgs(call *ast.CallExpr, roots Roots) []int {
	var out []int
	for _, i := range f.r.Keeps(Callee(f.info, call)) {
		if i < len(call.Args) && f.Carries(call.Args[i], call.Pos(), roots) {
			out = append(out, i)
		}
	}
	return out
}

// WaitsAfter reports whether the function may block after n (a go
// statement or a call), so that it lives as long as the work n started:
// n sits in an unbounded for loop, or after n (or later in n's enclosing
// loop, or in a deferred call) the function receives from a channel,
// selects, ranges over a channel, loops without bound, or calls something
// that blocks (a Wait/Serve/ListenAndServe/Accept/Run/Recv-named function
// or method, io.Copy*, time.Sleep) or a call for which sync reports true.
func (f *Flow) WaitsAfter(n ast.Node, sync func(*ast.CallExpr) bool) bool {
	return f.waitsAfter(n, sync, nil)
}

// WaitsAfterBut is WaitsAfter with the nodes for which skip reports true,
// and everything under them, left out.
func (f *Flow) WaitsAfterBut(n ast.Node, skip func(ast.Node) bool) bool {
	return f.waitsAfter(n, nil, skip)
}

func (f *Flow) waitsAfter(n ast.Node, sync func(*ast.CallExpr) bool, skip func(ast.Node) bool) bool {
	// Find n's innermost enclosing loop in the function.
	var loop ast.Node
	unbounded := false
	ast.PreorderStack(f.body, nil, func(m ast.Node, stack []ast.Node) bool {
		if m != n {
			_, lit := m.(*ast.FuncLit)
			return !lit && m.Pos() <= n.Pos() && n.End() <= m.End()
		}
		for i := len(stack) - 1; i >= 0; i-- {
			switch s := stack[i].(type) {
			case *ast.ForStmt:
				if loop == nil {
					loop = s
				}
				if s.Cond == nil {
					unbounded = true
				}
			case *ast.RangeStmt:
				if loop == nil {
					loop = s
				}
			}
		}
		return false
	})
	if unbounded {
		return true
	}
	blocks := false
	ast.PreorderStack(f.body, nil, func(m ast.Node, stack []ast.Node) bool {
		if blocks || m == n || skip != nil && skip(m) {
			return false
		}
		switch m := m.(type) {
		case *ast.GoStmt:
			return false
		case *ast.FuncLit:
			// Only literals that run here: deferred or called at once.
			if len(stack) == 0 {
				return false
			}
			call, ok := stack[len(stack)-1].(*ast.CallExpr)
			if !ok || ast.Unparen(call.Fun) != m {
				return false
			}
			return true
		case *ast.DeferStmt:
			// A deferred call runs at return: inspect it whatever its position.
			if f.blocksIn(m, sync) {
				blocks = true
			}
			return false
		}
		after := m.Pos() >= n.End() || (loop != nil && m.Pos() >= loop.Pos() && m.End() <= loop.End())
		if after && f.blocksAt(m, sync) {
			blocks = true
		}
		return true
	})
	return blocks
}

// blocksIn reports whether any node under root blocks.
func (f *Flow) blocksIn(root ast.Node, sync func(*ast.CallExpr) bool) bool {
	found := false
	ast.Inspect(root, func(m ast.Node) bool {
		if found {
			return false
		}
		if _, ok := m.(*ast.GoStmt); ok {
			return false
		}
		if f.blocksAt(m, sync) {
			found = true
		}
		return true
	})
	return found
}

func (f *Flow) blocksAt(m ast.Node, sync func(*ast.CallExpr) bool) bool {
	switch m := m.(type) {
	case *ast.UnaryExpr:
		return m.Op == token.ARROW
	case *ast.SelectStmt:
		return true
	case *ast.ForStmt:
		return m.Cond == nil
	case *ast.RangeStmt:
		if tv, ok := f.info.Types[m.X]; ok && tv.Type != nil {
			_, isChan := tv.Type.Underlying().(*types.Chan)
			return isChan
		}
	case *ast.CallExpr:
		if IsBlockingCall(f.info, m) || f.passesRecvChan(m) {
			return true
		}
		return sync != nil && sync(m)
	}
	return false
}

// passesRecvChan reports whether call passes a channel that the callee
// may receive from (recvErr(t, errc)): a helper that waits for the
// goroutine. Precision first: any such call counts as a wait.
func (f *Flow) passesRecvChan(call *ast.CallExpr) bool {
	for _, arg := range call.Args {
		if tv, ok := f.info.Types[arg]; ok && tv.Type != nil {
			if ch, ok := tv.Type.Underlying().(*types.Chan); ok && ch.Dir() != types.SendOnly {
				return true
			}
		}
	}
	return false
}

// IsBlockingCall reports whether call is to a function or method whose
// name says it blocks until something ends: Wait*, Serve* (not
// ServeHTTP or ServeDNS, which handle one request),
// ListenAndServe*, Accept*, Run, Recv*, io.Copy, io.CopyN, io.CopyBuffer,
// time.Sleep.
func IsBlockingCall(info *types.Info, call *ast.CallExpr) bool {
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	if !ok {
		return false
	}
	name := fn.Name()
	if fn.Pkg() != nil {
		switch fn.Pkg().Path() {
		case "io":
			if name == "Copy" || name == "CopyN" || name == "CopyBuffer" {
				return true
			}
		case "time":
			return name == "Sleep"
		}
	}
	if name == "ServeHTTP" || name == "ServeDNS" {
		return false // one request's handling, not a service loop
	}
	for _, p := range []string{"Wait", "Serve", "ListenAndServe", "Accept", "Recv"} {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return name == "Run"
}

// workIn returns the first node under body where one of vars, a context
// derived from one, or an expression for which extra reports true, is used
// for work; nil if there is none. Work is any use other than calling its
// Done, Err, Deadline or Value method, passing it to context.Cause,
// context.AfterFunc or context.WithoutCancel, comparing it, or passing it to
// a function of this package that uses the parameter only in those ways;
// but a select that fails the function at its Done instead of returning
// the value it waits for is work (failsAtDone). ftype is body's function
// type, nil if body is no function's.
func (r *Result) workIn(ftype *ast.FuncType, body ast.Node, vars map[*types.Var]bool, extra func(ast.Expr) bool) ast.Node {
	if body == nil {
		return nil
	}
	local := make(map[*types.Var]bool, len(vars))
	for v := range vars {
		local[v] = true
	}
	var work ast.Node
	ast.PreorderStack(body, nil, func(n ast.Node, stack []ast.Node) bool {
		if work != nil {
			return false
		}
		switch n := n.(type) {
		case *ast.Ident:
			if v, ok := r.info.Uses[n].(*types.Var); ok && local[v] {
				if r.classify(ftype, stack, n, local) {
					work = n
				}
			}
		case *ast.CallExpr:
			if extra != nil && extra(n) {
				if r.classify(ftype, stack, n, local) {
					work = n
				}
				return false
			}
		}
		return true
	})
	return work
}

// classify reports whether the use n (an identifier or r.Context() call)
// with ancestors stack, under stack[0] of a function of type ftype (nil if
// not known), is work. It adds variables derived from n to vars.
func (r *Result) classify(ftype *ast.FuncType, stack []ast.Node, n ast.Node, vars map[*types.Var]bool) bool {
	child := n
	for i := len(stack) - 1; i >= 0; i-- {
		switch p := stack[i].(type) {
		case *ast.ParenExpr:
			child = p
			continue
		case *ast.SelectorExpr:
			// ctx.Done(), ctx.Err(), ... : watching, not work, but for
			// a Done that fails a wait for a result.
			return r.failsAtDone(ftype, stack, i)
		case *ast.BinaryExpr:
			return false // ctx != nil
		case *ast.CallExpr:
			work, derived := r.classifyArg(stack, i, p, child, vars)
			if derived {
				child = p
				continue
			}
			return work
		case *ast.AssignStmt:
			return r.classifyAssign(p, child, vars)
		case *ast.ValueSpec:
			return r.classifySpec(p, child, vars)
		case *ast.KeyValueExpr:
			if p.Value != child {
				return true
			}
			child = p
			continue
		case *ast.CompositeLit:
			// customCancelContext{Context: ctx, ch: done}: a context type
			// with a Done method of its own detaches from ctx's
			// cancellation, as context.WithoutCancel does (centrifugo).
			if tv, ok := r.info.Types[p]; ok && ownsDone(tv.Type) {
				return false
			}
			return true
		case *ast.ExprStmt, *ast.TypeAssertExpr, *ast.TypeSwitchStmt, *ast.CaseClause:
			return false
		default:
			return true
		}
	}
	return false
}

// classifyArg reports whether call, stack[i], works with child, its
// callee or one of its arguments; derived reports that call derives an
// unnamed context from child, whose use is then the call's.
func (r *Result) classifyArg(stack []ast.Node, i int, call *ast.CallExpr, child ast.Node, vars map[*types.Var]bool) (work, derived bool) {
	if call.Fun == child {
		return false, false
	}
	idx := argIndex(call, child)
	if idx < 0 {
		return true, false
	}
	name, ok := contextFunc(r.info, call)
	if !ok {
		return r.argWorks(call, idx), false
	}
	switch name {
	case "Cause", "AfterFunc", "WithoutCancel":
		return false, false
	}
	if isDerive(r.info, call) && idx == 0 {
		if i > 0 {
			if v := r.definedBy(stack[i-1], call); v != nil {
				vars[v] = true
				return false, false
			}
		}
		return false, true
	}
	return true, false
}

// classifyAssign reports whether assignment p works with child, one of its
// sides: assigning to child or child to a variable (an alias, added to
// vars) or to _ is not work.
func (r *Result) classifyAssign(p *ast.AssignStmt, child ast.Node, vars map[*types.Var]bool) bool {
	for j, l := range p.Lhs {
		if l == child {
			return false // assigned to
		}
		if j < len(p.Rhs) && p.Rhs[j] == child && len(p.Lhs) == len(p.Rhs) {
			if id, ok := l.(*ast.Ident); ok {
				if v := r.varOf(id); v != nil {
					vars[v] = true // alias: c := ctx
					return false
				}
				if id.Name == "_" {
					return false
				}
			}
		}
	}
	return true
}

// classifySpec reports whether declaration p works with child, one of its
// values: declaring a variable of it (an alias, added to vars) is not work.
func (r *Result) classifySpec(p *ast.ValueSpec, child ast.Node, vars map[*types.Var]bool) bool {
	for j, val := range p.Values {
		if val == child && len(p.Values) == len(p.Names) {
			if v := r.varOf(p.Names[j]); v != nil {
				vars[v] = true
				return false
			}
		}
	}
	return true
}

// definedBy returns the variable that stmt defines from call's first
// result (ctx2, cancel := context.WithCancel(ctx); ctx2 := context.WithValue(ctx, k, v)).
func (r *Result) definedBy(stmt ast.Node, call *ast.CallExpr) *types.Var {
	switch s := stmt.(type) {
	case *ast.AssignStmt:
		if len(s.Rhs) == 1 && ast.Unparen(s.Rhs[0]) == call && len(s.Lhs) >= 1 {
			if id, ok := s.Lhs[0].(*ast.Ident); ok {
				return r.varOf(id)
			}
		}
	case *ast.ValueSpec:
		if len(s.Values) == 1 && ast.Unparen(s.Values[0]) == call && len(s.Names) >= 1 {
			return r.varOf(s.Names[0])
		}
	}
	return nil
}

func (r *Result) varOf(id *ast.Ident) *types.Var {
	obj := r.info.Defs[id]
	if obj == nil {
		obj = r.info.Uses[id]
	}
	v, _ := obj.(*types.Var)
	if v != nil && v.IsField() {
		return nil
	}
	return v
}

// argWorks reports whether the callee of call does work with its argument
// at index idx. Unknown callees are assumed to.
func (r *Result) argWorks(call *ast.CallExpr, idx int) bool {
	if lit, ok := ast.Unparen(call.Fun).(*ast.FuncLit); ok {
		v := paramVar(r.info, lit.Type, idx)
		if v == nil {
			return true
		}
		return r.workIn(lit.Type, lit.Body, map[*types.Var]bool{v: true}, nil) != nil
	}
	fn := Callee(r.info, call)
	if fn == nil {
		return true
	}
	if isLogCall(fn) {
		return false // the record is written whatever the context's state
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Variadic() && idx >= sig.Params().Len()-1 || idx >= sig.Params().Len() {
		return true
	}
	if slices.Contains(r.watch[fn], idx) {
		return false // another package's function that only watches
	}
	return r.paramWorks(fn.Origin(), idx)
}

// paramWorks reports whether fn, a function of this package, does work
// with its parameter at index i. Other functions are assumed to.
func (r *Result) paramWorks(fn *types.Func, i int) bool {
	decl := r.decls[fn]
	if decl == nil {
		return true
	}
	key := paramKey{fn, i}
	switch r.work[key] {
	case workYes:
		return true
	case workNo, workBusy:
		return false // recursion: the cycle itself does no work
	}
	if r.frozen {
		return true
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || i >= sig.Params().Len() || !IsContext(sig.Params().At(i).Type()) {
		return true
	}
	v := paramVar(r.info, decl.Type, i)
	if v == nil {
		return false // unnamed or blank: unused
	}
	r.work[key] = workBusy
	works := r.workIn(decl.Type, decl.Body, map[*types.Var]bool{v: true}, nil) != nil
	r.work[key] = workNo
	if works {
		r.work[key] = workYes
	}
	return works
}

// paramVar returns the variable of the parameter at index i of ftype.
func paramVar(info *types.Info, ftype *ast.FuncType, i int) *types.Var {
	if ftype == nil || ftype.Params == nil {
		return nil
	}
	k := 0
	for _, field := range ftype.Params.List {
		if len(field.Names) == 0 {
			if k == i {
				return nil
			}
			k++
			continue
		}
		for _, name := range field.Names {
			if k == i {
				v, _ := info.Defs[name].(*types.Var)
				return v
			}
			k++
		}
	}
	return nil
}

func argIndex(call *ast.CallExpr, arg ast.Node) int {
	for i, a := range call.Args {
		if a == arg {
			return i
		}
	}
	return -1
}

// Callee returns the function or method call statically or dynamically
// (interface method) calls, in its generic form; nil for builtins,
// conversions and function values.
func Callee(info *types.Info, call *ast.CallExpr) *types.Func {
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	if !ok {
		return nil
	}
	return fn.Origin()
}

// contextFunc returns the name of the package-level function of package
// context that call calls.
func contextFunc(info *types.Info, call *ast.CallExpr) (string, bool) {
	fn := Callee(info, call)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "context" {
		return "", false
	}
	if sig, ok := fn.Type().(*types.Signature); !ok || sig.Recv() != nil {
		return "", false
	}
	return fn.Name(), true
}

// isDerive reports whether call derives a child context from its first
// argument: context.With{Cancel,Timeout,Deadline}[Cause] or WithValue.
func isDerive(info *types.Info, call *ast.CallExpr) bool {
	name, ok := contextFunc(info, call)
	return ok && (name == "WithValue" || isCancelableName(name))
}

func isCancelable(info *types.Info, call *ast.CallExpr) bool {
	name, ok := contextFunc(info, call)
	return ok && isCancelableName(name)
}

// IsCancelable reports whether call is context.With{Cancel,Timeout,Deadline}[Cause].
func IsCancelable(info *types.Info, call *ast.CallExpr) bool { return isCancelable(info, call) }

func isCancelableName(name string) bool {
	switch name {
	case "WithCancel", "WithCancelCause", "WithTimeout", "WithTimeoutCause", "WithDeadline", "WithDeadlineCause":
		return true
	}
	return false
}

// IsContext reports whether t is context.Context.
func IsContext(t types.Type) bool { return isNamed(t, "context", "Context") }

func isNamed(t types.Type, path, name string) bool {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	obj := n.Obj()
	return obj != nil && obj.Pkg() != nil && obj.Pkg().Path() == path && obj.Name() == name
}

func isPtrTo(t types.Type, path, name string) bool {
	p, ok := types.Unalias(t).(*types.Pointer)
	return ok && isNamed(p.Elem(), path, name)
}

// ownsDone reports whether t (or what it points to) is a named struct type
// that declares a Done method itself, rather than promoting one from an
// embedded context.
func ownsDone(t types.Type) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	if _, ok := n.Underlying().(*types.Struct); !ok {
		return false
	}
	for m := range n.Methods() {
		if m.Name() == "Done" {
			return true
		}
	}
	return false
}
