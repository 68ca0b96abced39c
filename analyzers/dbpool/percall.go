package dbpool

import (
	"fmt"
	"go/ast"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// scopeOf returns the innermost function around cur and the loop, inside
// that function, whose body holds cur (nil when there is none).
func scopeOf(cur inspector.Cursor) (fn ast.Node, loop ast.Node) {
	pos := cur.Node().Pos()
	for c := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil), (*ast.ForStmt)(nil), (*ast.RangeStmt)(nil)) {
		switch n := c.Node().(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return n, loop
		case *ast.ForStmt:
			if loop == nil && n.Body != nil && n.Body.Pos() <= pos && pos < n.Body.End() {
				loop = n
			}
		case *ast.RangeStmt:
			if loop == nil && n.Body != nil && n.Body.Pos() <= pos && pos < n.Body.End() {
				loop = n
			}
		}
	}
	return nil, loop
}

// handlerKind returns the noun for fn, a *ast.FuncDecl or *ast.FuncLit,
// when a router or an RPC server calls it once per request ("handler",
// "gin handler", "gRPC method"), or "".
func (st *state) handlerKind(fn ast.Node) string {
	ft := funcType(fn)
	if ft == nil || ft.Params == nil {
		return ""
	}
	var params []types.Type
	for _, f := range ft.Params.List {
		tv, ok := st.info.Types[f.Type]
		if !ok || tv.Type == nil {
			return ""
		}
		for range max(len(f.Names), 1) {
			params = append(params, tv.Type)
		}
	}
	for _, h := range handlerShapes {
		if h.matches(params) {
			return h.noun
		}
	}
	fd, ok := fn.(*ast.FuncDecl)
	if !ok || fd.Recv == nil || !fd.Name.IsExported() {
		return ""
	}
	if len(params) > 0 && isNamed(params[0], "context", "Context") {
		if noun := st.serviceKind(fd); noun != "" {
			return noun
		}
	}
	if slices.ContainsFunc(params, isRequest) && st.exportedRecv(fd) {
		return "request method"
	}
	return ""
}

// isRequest reports whether t is a request (requestSuffix) by value, by
// pointer or as a slice of them (a bulk request).
func isRequest(t types.Type) bool {
	if s, ok := types.Unalias(t).(*types.Slice); ok {
		t = s.Elem()
	}
	n := namedOf(t)
	return n != nil && strings.HasSuffix(n.Obj().Name(), requestSuffix)
}

// namedOf returns the named type t is, or points to; nil if neither.
func namedOf(t types.Type) *types.Named {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, _ := types.Unalias(t).(*types.Named)
	return n
}

// exportedRecv reports whether fd is a method of an exported type of a
// package other than main: other modules call it, per request when it
// takes one, where no call of it can be seen.
func (st *state) exportedRecv(fd *ast.FuncDecl) bool {
	if st.pass.Pkg.Name() == "main" {
		return false
	}
	obj, ok := st.info.Defs[fd.Name].(*types.Func)
	if !ok {
		return false
	}
	sig, ok := obj.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return false
	}
	n := namedOf(sig.Recv().Type())
	return n != nil && n.Obj().Exported()
}

// matches reports whether params is exactly h's parameter list.
func (h handlerShape) matches(params []types.Type) bool {
	if len(params) != len(h.params) {
		return false
	}
	for i, r := range h.params {
		if !r.matches(params[i]) {
			return false
		}
	}
	return true
}

// serviceKind returns the noun of serviceEmbeds for a method whose
// receiver's struct embeds a generated service base, or "".
func (st *state) serviceKind(fd *ast.FuncDecl) string {
	obj, ok := st.info.Defs[fd.Name].(*types.Func)
	if !ok {
		return ""
	}
	sig, ok := obj.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return ""
	}
	t := sig.Recv().Type()
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	str, ok := t.Underlying().(*types.Struct)
	if !ok {
		return ""
	}
	for i := range str.NumFields() {
		f := str.Field(i)
		if !f.Embedded() {
			continue
		}
		ft := f.Type()
		if p, ok := types.Unalias(ft).(*types.Pointer); ok {
			ft = p.Elem()
		}
		n, ok := types.Unalias(ft).(*types.Named)
		if !ok {
			continue
		}
		for _, e := range serviceEmbeds {
			if strings.HasPrefix(n.Obj().Name(), e.prefix) && strings.HasSuffix(n.Obj().Name(), e.suffix) {
				return e.noun
			}
		}
	}
	return ""
}

// where describes the per-call context of cur, or returns "" when cur runs
// once per call of a function that is neither a handler nor in a loop.
func (st *state) where(cur inspector.Cursor) (desc string, scope ast.Node, isLoop bool) {
	fn, loop := scopeOf(cur)
	if loop != nil {
		return fmt.Sprintf("every iteration of the loop on line %d", st.pass.Fset.Position(loop.Pos()).Line), loop, true
	}
	if fn == nil {
		return "", nil, false
	}
	if noun := st.handlerKind(fn); noun != "" {
		switch fn := fn.(type) {
		case *ast.FuncDecl:
			return "every request in " + noun + " " + funcName(st.pass.Pkg, fn), fn, false
		default:
			return fmt.Sprintf("every request in the %s literal on line %d", noun, st.pass.Fset.Position(fn.Pos()).Line), fn, false
		}
	}
	if call, ok := calledInPlace(cur, fn); ok {
		return st.where(call) // go func() { ... }() runs where it is started
	}
	return "", nil, false
}

// calledInPlace returns the call of fn, the innermost function around
// cur, when fn is a literal that the call itself runs (func() { ... }(),
// and so go func() { ... }() and defer func() { ... }()): its body runs
// once each time the statement holding the call runs, so a loop or a
// handler around that statement is cur's too.
func calledInPlace(cur inspector.Cursor, fn ast.Node) (inspector.Cursor, bool) {
	lit, ok := fn.(*ast.FuncLit)
	if !ok {
		return inspector.Cursor{}, false
	}
	for c := range cur.Enclosing((*ast.FuncLit)(nil)) {
		if c.Node() == lit {
			return c.Parent(), c.ParentEdgeKind() == edge.CallExpr_Fun
		}
	}
	return inspector.Cursor{}, false
}

// perCall reports a pool opened in a handler or a loop and kept local to it.
func (st *state) perCall(v *value) {
	if v.opener == "" {
		return
	}
	desc, scope, isLoop := st.where(v.call)
	if desc == "" {
		return
	}
	// A pool kept beyond the request or iteration (stored, returned,
	// assigned to an outer variable) is lazy initialization or one pool per
	// tenant, not a pool per call.
	if len(v.returned) > 0 || len(v.f.Slots) > 0 || v.stored || isLoop && v.f.Escapes {
		return
	}
	if len(v.f.Users) == 0 {
		return // only pinged: a connectivity probe, as in a wait-for-database loop
	}
	for _, vr := range v.vars {
		if vr.Pos() < scope.Pos() || vr.Pos() >= scope.End() {
			return
		}
	}
	if isLoop && st.loopVariant(v.call.Node().(*ast.CallExpr), scope) {
		return // a pool per database or tenant, not the same pool again
	}
	advice := "open it once at start-up and share it"
	if isLoop {
		advice = "open it once before the loop"
	}
	v.perCall = true // rule 4 stays quiet about it even when rule 3 is off
	if !st.c.perCall || st.inTest(v.call) {
		return
	}
	call := v.call.Node()
	st.pass.Report(analysis.Diagnostic{
		Pos: call.Pos(), End: call.End(), Category: catPerCall,
		Message: fmt.Sprintf("%s opens a new pool on %s; %s", v.opener, desc, advice),
		Related: st.scopeRelated(scope, isLoop),
	})
}

// scopeRelated returns the related information of a per-call finding
// whose scope (see where) is a loop or a handler: the loop, or the
// handler and the calls of this package that register it.
func (st *state) scopeRelated(scope ast.Node, isLoop bool) []analysis.RelatedInformation {
	if scope == nil {
		return nil
	}
	if isLoop {
		return []analysis.RelatedInformation{{Pos: scope.Pos(), Message: "each iteration of this loop opens the pool again"}}
	}
	var out []analysis.RelatedInformation
	switch fn := scope.(type) {
	case *ast.FuncDecl:
		obj, ok := st.info.Defs[fn.Name].(*types.Func)
		if !ok || obj == nil {
			return nil
		}
		name := calleeName(obj)
		out = append(out, analysis.RelatedInformation{
			Pos: fn.Name.Pos(), End: fn.Name.End(),
			Message: fmt.Sprintf("%s %s runs once per request", st.handlerKind(fn), name),
		})
		for cur := range st.root.Preorder((*ast.Ident)(nil)) {
			id := cur.Node().(*ast.Ident)
			if st.info.Uses[id] != obj {
				continue
			}
			arg := cur
			if arg.ParentEdgeKind() == edge.SelectorExpr_Sel {
				arg = arg.Parent() // percall.Handle, s.handle
			}
			if call, ok := registration(arg); ok {
				out = append(out, analysis.RelatedInformation{
					Pos: id.Pos(), End: id.End(),
					Message: fmt.Sprintf("handler %s is passed to %s here", name, types.ExprString(call.Fun)),
				})
			}
		}
	case *ast.FuncLit:
		noun := st.handlerKind(fn)
		msg := fmt.Sprintf("this %s literal runs once per request", noun)
		if cur, ok := st.root.FindNode(fn); ok {
			if call, ok := registration(cur); ok {
				msg = fmt.Sprintf("this %s literal, passed to %s, runs once per request", noun, types.ExprString(call.Fun))
			}
		}
		out = append(out, analysis.RelatedInformation{Pos: fn.Pos(), End: fn.Type.End(), Message: msg})
	}
	return out
}

// registration returns the call that cur is an argument of.
func registration(cur inspector.Cursor) (*ast.CallExpr, bool) {
	if cur.ParentEdgeKind() != edge.CallExpr_Args {
		return nil, false
	}
	call, ok := cur.Parent().Node().(*ast.CallExpr)
	return call, ok
}

// loopVariant reports whether an argument of call (the data source name)
// depends on a variable declared in loop, such as its range variables.
func (st *state) loopVariant(call *ast.CallExpr, loop ast.Node) bool {
	return st.usesVar(call.Args, func(v *types.Var) bool { return v.Pos() >= loop.Pos() && v.Pos() < loop.End() })
}

// perCallHelper reports a call, in a handler or a loop, of a function that
// opens and closes its own pool.
func (st *state) perCallHelper(cc inspector.Cursor, callee *types.Func, own *opensOwnPool) {
	desc, scope, isLoop := st.where(cc)
	if desc == "" || st.inTest(cc) {
		return
	}
	if isLoop && len(own.Params) > 0 && st.loopOwnVariant(argsAt(cc.Node().(*ast.CallExpr), own.Params), scope) {
		return // the pool's data source is the loop's: a pool per target database
	}
	how := own.Open
	if len(own.Via) > 0 {
		how += " via " + strings.Join(own.Via, " → ")
	}
	call := cc.Node()
	st.pass.Report(analysis.Diagnostic{
		Pos: call.Pos(), End: call.End(), Category: catPerCall,
		Message: fmt.Sprintf("%s opens and closes its own pool (%s) on every call, and is called on %s", calleeName(callee), how, desc),
		Related: st.scopeRelated(scope, isLoop),
	})
}

// ownPool returns the opensOwnPool fact of decl: it opens a pool into a
// local variable and closes it, outside any loop and closure, or it calls
// such a function there. The first such open names the fact; Params keeps
// the parameters that the data source name of every one depends on.
func (st *state) ownPool(cur inspector.Cursor, decl *ast.FuncDecl, vals []*value) *opensOwnPool {
	var own *opensOwnPool
	var taint map[*types.Var][]int
	add := func(open string, via []string, args []ast.Expr) {
		if taint == nil {
			taint = st.paramTaint(decl)
		}
		ps := st.argParams(args, taint)
		if own == nil {
			own = &opensOwnPool{Open: open, Via: via, Params: ps}
			return
		}
		own.Params = intersectInts(own.Params, ps)
	}
	for _, v := range vals {
		if v.opener == "" || !v.closed || v.stored || len(v.returned) > 0 || len(v.f.Slots) > 0 || len(v.f.Users) == 0 {
			continue
		}
		if fn, loop := scopeOf(v.call); fn != ast.Node(decl) || loop != nil {
			continue
		}
		local := true
		for _, vr := range v.vars {
			local = local && vr.Pos() >= decl.Pos() && vr.Pos() < decl.End()
		}
		if call, ok := v.call.Node().(*ast.CallExpr); ok && local {
			add(v.opener, nil, call.Args)
		}
	}
	for cc := range cur.Preorder((*ast.CallExpr)(nil)) {
		if fn, loop := scopeOf(cc); fn != ast.Node(decl) || loop != nil {
			continue
		}
		call := cc.Node().(*ast.CallExpr)
		callee := typeutilCallee(st.info, call)
		if callee == nil || callee == st.info.Defs[decl.Name] {
			continue
		}
		if o := st.ownOf(callee); o != nil {
			add(o.Open, append([]string{calleeName(callee)}, o.Via...), argsAt(call, o.Params))
		}
	}
	return own
}
