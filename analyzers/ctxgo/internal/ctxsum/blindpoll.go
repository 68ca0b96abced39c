package ctxsum

import (
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"slices"
	"strconv"

	"golang.org/x/tools/go/analysis"
)

// Blind polls. A function given a context that polls in a loop without
// bound (for { try(); time.Sleep(d) }) and may go round without looking
// at any context does not end when the context is cancelled: it ends only
// when what it polls for comes (temporal's ResourceBasedSlotSupplier.
// ReserveSlot before sdk-go #2458, which checked ctx only while a ramp
// throttle made it wait).

// pollsBlind is a fact on a *types.Func: the function loops without bound
// (for with no condition) sleeping on every iteration (a time.Sleep, a
// receive from time.After or from a Ticker's or Timer's C, as a statement
// of the loop's body), and one way round the loop observes no context and
// no done channel: ctx, its context parameter at Param, does not stop it.
// Or it passes ctx, in its own flow, to a function that does, or to an
// interface method one of whose implementations does (a wrapper). Loop is
// the loop's "file:line" and Poller the function whose loop it is, as
// "(*pkg.T).M" or "pkg.F", of the package PollerPkg: a caller in another
// package names them.
type pollsBlind struct {
	Param     int
	Name      string
	Loop      string
	Poller    string
	PollerPkg string
}

func (*pollsBlind) AFact() {}

func (f *pollsBlind) String() string { return "pollsBlind(" + f.Name + ")" }

// A BlindPoll is a function that polls blind to its context parameter at
// Param (a pollsBlind fact, or this package's own analysis).
type BlindPoll struct {
	Func      *types.Func
	Param     int
	Loop      string    // "file:line" of the loop
	Poller    string    // the function whose loop it is, qualified by package name
	PollerPkg string    // the path of Poller's package
	Pos       token.Pos // the loop, if in this package; NoPos otherwise
}

// exportPollsBlind finds the local functions that poll blind to a named
// context parameter, directly, then through the functions they call, to a
// fixed point, and exports a pollsBlind fact for each.
func (r *Result) exportPollsBlind(pass *analysis.Pass, funcs []*types.Func) {
	for _, fn := range funcs {
		i := r.namedCtxParam(fn)
		if i < 0 {
			continue
		}
		if loop := r.blindLoop(r.decls[fn].Body); loop != nil {
			r.blind[fn] = BlindPoll{Func: fn, Param: i, Loop: shortPos(pass.Fset.Position(loop.Pos())),
				Poller: QualifiedName(fn), PollerPkg: pass.Pkg.Path(), Pos: loop.Pos()}
		}
	}
	// The sets only grow, so this terminates.
	for changed := true; changed; {
		changed = false
		for _, fn := range funcs {
			if _, ok := r.blind[fn]; ok {
				continue
			}
			if bp, ok := r.pollsThrough(fn); ok {
				r.blind[fn] = bp
				changed = true
			}
		}
	}
	for _, fn := range funcs {
		if bp, ok := r.blind[fn]; ok {
			name := fn.Signature().Params().At(bp.Param).Name()
			pass.ExportObjectFact(fn, &pollsBlind{Param: bp.Param, Name: name, Loop: bp.Loop, Poller: bp.Poller, PollerPkg: bp.PollerPkg})
		}
	}
}

// namedCtxParam returns the index of fn's first named context parameter,
// -1 if it has none.
func (r *Result) namedCtxParam(fn *types.Func) int {
	params := fn.Signature().Params()
	for i := range params.Len() {
		if p := params.At(i); IsContext(p.Type()) && p.Name() != "" && p.Name() != "_" {
			return i
		}
	}
	return -1
}

// pollsThrough returns the blind poll fn runs when, in its own flow, it
// passes its context parameter as it is to a function that polls blind
// to it, or to an interface method with an implementation that does.
func (r *Result) pollsThrough(fn *types.Func) (BlindPoll, bool) {
	i := r.namedCtxParam(fn)
	if i < 0 {
		return BlindPoll{}, false
	}
	p := fn.Signature().Params().At(i)
	for _, call := range OwnCalls(r.decls[fn].Body) {
		g := Callee(r.info, call)
		if g == nil || call.Ellipsis.IsValid() {
			continue
		}
		for _, bp := range r.PollsOf(g) {
			if bp.Param >= len(call.Args) {
				continue
			}
			if id, ok := ast.Unparen(call.Args[bp.Param]).(*ast.Ident); ok && r.info.Uses[id] == p {
				return BlindPoll{Func: fn, Param: i, Loop: bp.Loop, Poller: bp.Poller, PollerPkg: bp.PollerPkg, Pos: bp.Pos}, true
			}
		}
	}
	return BlindPoll{}, false
}

// OwnCalls returns the calls of body in its own flow (not in function
// literals or go statements), in source order.
func OwnCalls(body *ast.BlockStmt) []*ast.CallExpr {
	var calls []*ast.CallExpr
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit, *ast.GoStmt:
			return false
		case *ast.CallExpr:
			calls = append(calls, n)
		}
		return true
	})
	return calls
}

// QualifiedName names fn as "pkg.F", "pkg.T.M" or "(*pkg.T).M", types
// qualified by their package's name.
func QualifiedName(fn *types.Func) string {
	qual := func(p *types.Package) string { return p.Name() }
	recv := fn.Signature().Recv()
	if recv == nil {
		if fn.Pkg() == nil {
			return fn.Name()
		}
		return fn.Pkg().Name() + "." + fn.Name()
	}
	if p, ok := recv.Type().(*types.Pointer); ok {
		return "(*" + types.TypeString(p.Elem(), qual) + ")." + fn.Name()
	}
	return types.TypeString(recv.Type(), qual) + "." + fn.Name()
}

func shortPos(p token.Position) string {
	return filepath.Base(p.Filename) + ":" + strconv.Itoa(p.Line)
}

// blindLoop returns a loop of body (outside literals and go statements)
// with no condition, one of whose top-level statements sleeps, and whose
// body may run from start to end without observing a context or a done
// channel; nil if there is none.
func (r *Result) blindLoop(body *ast.BlockStmt) *ast.ForStmt {
	var loop *ast.ForStmt
	ast.Inspect(body, func(n ast.Node) bool {
		if loop != nil {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit, *ast.GoStmt:
			return false
		case *ast.ForStmt:
			if n.Cond != nil {
				return true
			}
			if r.sleepIn(n.Body) != nil && r.blindList(n.Body.List) {
				loop = n
			}
		}
		return loop == nil
	})
	return loop
}

// sleepIn returns the first top-level statement of body that sleeps:
// time.Sleep(d), <-time.After(d), <-t.C of a *time.Ticker or *time.Timer.
func (r *Result) sleepIn(body *ast.BlockStmt) ast.Node {
	for _, s := range body.List {
		es, ok := s.(*ast.ExprStmt)
		if !ok {
			continue
		}
		switch x := ast.Unparen(es.X).(type) {
		case *ast.CallExpr:
			if fn := Callee(r.info, x); fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "time" && fn.Name() == "Sleep" {
				return s
			}
		case *ast.UnaryExpr:
			if x.Op == token.ARROW && r.isTimerChan(x.X) {
				return s
			}
		}
	}
	return nil
}

// isTimerChan reports whether e is time.After(d) or t.C of a *time.Ticker
// or *time.Timer.
func (r *Result) isTimerChan(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		fn := Callee(r.info, e)
		return fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "time" && fn.Name() == "After"
	case *ast.SelectorExpr:
		tv, ok := r.info.Types[e.X]
		return ok && e.Sel.Name == "C" && (isPtrTo(tv.Type, "time", "Ticker") || isPtrTo(tv.Type, "time", "Timer"))
	}
	return false
}

// blindList reports whether the statements list may run from first to
// last and complete without observing a context or a done channel.
func (r *Result) blindList(list []ast.Stmt) bool {
	for _, s := range list {
		if !r.blindStmt(s) {
			return false
		}
	}
	return true
}

// blindStmt reports whether s has a way through that completes normally
// (no return, branch or panic) and observes no context or done channel.
// A statement that mentions one anywhere (ctx.Err(), f(ctx), a select
// with a <-ctx.Done() case) observes it; of an if, switch or select, one
// branch that does not, or an if with no else, is a way through.
func (r *Result) blindStmt(s ast.Stmt) bool {
	switch s := s.(type) {
	case *ast.EmptyStmt:
		return true
	case *ast.ExprStmt:
		if call, ok := ast.Unparen(s.X).(*ast.CallExpr); ok {
			if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok && id.Name == "panic" {
				return false
			}
		}
		return !RefersToStop(r.info, s)
	case *ast.AssignStmt, *ast.DeclStmt, *ast.IncDecStmt, *ast.SendStmt, *ast.RangeStmt, *ast.ForStmt:
		return !RefersToStop(r.info, s)
	case *ast.LabeledStmt:
		return r.blindStmt(s.Stmt)
	case *ast.BlockStmt:
		return r.blindList(s.List)
	case *ast.IfStmt:
		if s.Init != nil && RefersToStop(r.info, s.Init) || RefersToStop(r.info, s.Cond) {
			return false
		}
		return s.Else == nil || r.blindList(s.Body.List) || r.blindStmt(s.Else)
	case *ast.SwitchStmt:
		if s.Init != nil && RefersToStop(r.info, s.Init) || s.Tag != nil && RefersToStop(r.info, s.Tag) {
			return false
		}
		return r.blindClauses(s.Body, true)
	case *ast.TypeSwitchStmt:
		if s.Init != nil && RefersToStop(r.info, s.Init) || RefersToStop(r.info, s.Assign) {
			return false
		}
		return r.blindClauses(s.Body, true)
	case *ast.SelectStmt:
		return !RefersToStop(r.info, s) && r.blindClauses(s.Body, false)
	}
	return false
}

// blindClauses reports whether one clause of a switch or select body
// is a blind way through, or, of a switch, the default it lacks.
func (r *Result) blindClauses(body *ast.BlockStmt, isSwitch bool) bool {
	hasDefault := false
	for _, c := range body.List {
		switch c := c.(type) {
		case *ast.CaseClause:
			hasDefault = hasDefault || c.List == nil
			if !slices.ContainsFunc(c.List, func(e ast.Expr) bool { return RefersToStop(r.info, e) }) && r.blindList(c.Body) {
				return true
			}
		case *ast.CommClause:
			if r.blindList(c.Body) {
				return true
			}
		}
	}
	return isSwitch && !hasDefault
}

// RefersToStop reports whether n refers anywhere (function literals
// included) to a context, an *http.Request, a done channel (chan
// struct{}), or a name of package context (context.Canceled): code that
// does may stop when asked to.
func RefersToStop(info *types.Info, n ast.Node) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.Ident:
			if obj := info.Uses[n]; obj != nil {
				if obj.Pkg() != nil && obj.Pkg().Path() == "context" {
					found = true
				} else if _, ok := obj.(*types.Var); ok && stopType(obj.Type()) {
					found = true
				}
			}
		case ast.Expr:
			if tv, ok := info.Types[n]; ok && stopType(tv.Type) {
				found = true
			}
		}
		return !found
	})
	return found
}

// IsRequest reports whether t is *net/http.Request.
func IsRequest(t types.Type) bool { return isPtrTo(t, "net/http", "Request") }

// stopType reports whether t can carry a stop signal: a context, a
// request, or a channel of struct{}.
func stopType(t types.Type) bool {
	if t == nil {
		return false
	}
	if IsContext(t) || IsRequest(t) {
		return true
	}
	if ch, ok := t.Underlying().(*types.Chan); ok {
		if st, ok := ch.Elem().Underlying().(*types.Struct); ok && st.NumFields() == 0 {
			return true
		}
	}
	return false
}
