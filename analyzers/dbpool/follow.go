package dbpool

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/envvet/envvet/internal/relpos"
)

// summary returns the summary of fn, a function of this package, computing
// it on first use. A recursive call sees an empty summary.
func (st *state) summary(fn *types.Func) *summary {
	fn = fn.Origin()
	s := st.sums[fn]
	if s == nil {
		s = &summary{}
		st.sums[fn] = s
	}
	if s.busy || s.done {
		return s
	}
	decl := st.decls[fn]
	if decl == nil || decl.Body == nil {
		s.done = true
		return s
	}
	cur, ok := st.declCur[decl]
	if !ok {
		s.done = true
		return s
	}
	s.busy = true
	defer func() { s.busy, s.done = false, true }()

	s.results = st.accessorResults(cur, decl)
	s.params = st.paramFates(fn, decl)
	// Pools opened or received inside.
	vals := st.followSources(cur, decl)
	for _, v := range vals {
		for _, i := range v.returned {
			if !slices.ContainsFunc(s.results, func(r poolResult) bool { return r.Index == i }) {
				s.results = append(s.results, poolResult{Index: i, Site: v.site, Fate: v.f, Test: st.testPool(v)})
			}
		}
	}
	slices.SortFunc(s.results, func(a, b poolResult) int { return a.Index - b.Index })

	// Rule per-call's helper fact: a pool opened and closed on every call.
	if st.handlerKind(decl) == "" {
		s.own = st.ownPool(cur, decl, vals)
	}
	return s
}

// accessorResults returns the results of decl that return a pool
// variable or field directly.
func (st *state) accessorResults(cur inspector.Cursor, decl *ast.FuncDecl) []poolResult {
	var out []poolResult
	for rc := range cur.Preorder((*ast.ReturnStmt)(nil)) {
		if enclosingFunc(rc) != ast.Node(decl) {
			continue
		}
		for i, r := range rc.Node().(*ast.ReturnStmt).Results {
			if slot := st.slotExpr(r); slot != nil {
				out = append(out, poolResult{Index: i, Slot: slot.Key})
			}
		}
	}
	return out
}

// paramFates follows the pool-typed parameters of fn, declared by decl.
func (st *state) paramFates(fn *types.Func, decl *ast.FuncDecl) []paramFate {
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return nil
	}
	var out []paramFate
	for i := 0; i < sig.Params().Len(); i++ {
		p := sig.Params().At(i)
		if !isPoolType(p.Type()) {
			continue
		}
		v := &value{fn: decl, vars: []*types.Var{p}}
		st.follow(v)
		f := v.f
		if len(v.returned) > 0 {
			f.Escapes = true
		}
		out = append(out, paramFate{Index: i, Fate: f})
	}
	return out
}

// followSources finds the pools opened or received under cur and follows
// each; those that stay in the function are kept for decide.
func (st *state) followSources(cur inspector.Cursor, decl *ast.FuncDecl) []*value {
	var vals []*value
	for cc := range cur.Preorder((*ast.CallExpr)(nil)) {
		call := cc.Node().(*ast.CallExpr)
		callee := typeutil.StaticCallee(st.info, call)
		if callee == nil {
			continue
		}
		callee = callee.Origin()
		where := "package initialization"
		if decl != nil {
			where = funcName(st.pass.Pkg, decl)
		}
		if op, ok := openers[callee.FullName()]; ok && st.opensHere(call, op) {
			// A bounded opener's pool is limited by the pool it draws on.
			v := &value{pos: call.Pos(), site: op.name + " in " + where, opener: op.name, call: cc, fn: decl, f: fate{Limited: op.bounded}, test: st.testSupport(cc)}
			st.bindResult(cc, 0, v)
			st.follow(v)
			st.perCall(v)
			st.recordOpen(v)
			vals = append(vals, v)
			continue
		}
		for _, r := range st.results(callee) {
			if r.Slot != "" {
				continue // an accessor: see slotRefs
			}
			v := &value{pos: call.Pos(), site: r.Site, call: cc, fn: decl, f: r.Fate, test: r.Test}
			if !r.Fate.Escapes && !r.Fate.Held && len(r.Fate.Slots) == 0 {
				// A helper that returns a fresh pool, and keeps it nowhere
				// (a cache would), opens it at this call.
				v.opener = calleeName(callee)
			}
			st.bindResult(cc, r.Index, v)
			st.follow(v)
			st.perCall(v)
			st.recordOpen(v)
			vals = append(vals, v)
		}
		if own := st.ownOf(callee); own != nil && st.c.perCall {
			st.perCallHelper(cc, callee, own)
		}
	}
	for _, v := range vals {
		if len(v.returned) == 0 {
			st.done = append(st.done, v)
		}
	}
	return vals
}

// opensHere reports whether the call of op opens a pool: always, unless
// op says that its source argument decides and that argument is not a
// string (jinzhu/gorm's Open over an existing *sql.DB wraps it; over an
// unknown value, spread arguments or an ill-typed one, stay quiet).
func (st *state) opensHere(call *ast.CallExpr, op opener) bool {
	if op.source == 0 {
		return true
	}
	if call.Ellipsis.IsValid() || op.source >= len(call.Args) {
		return false
	}
	tv, ok := st.info.Types[call.Args[op.source]]
	if !ok || tv.Type == nil {
		return false
	}
	b, ok := tv.Type.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// recordOpen notes, on each slot that v's pool, opened at this call, is
// stored in, where the pool was opened: main reports there.
func (st *state) recordOpen(v *value) {
	for _, k := range v.f.Slots {
		if s := st.slotByKey(k); s != nil && s.Open == "" {
			s.Open, s.OpenSite, s.OpenPkg = relpos.Format(st.pass.Fset, v.pos), v.site, st.pass.Pkg.Path()
		}
	}
}

// bindResult classifies the use of result i of the call at cc.
func (st *state) bindResult(cc inspector.Cursor, i int, v *value) {
	call := cc.Node().(*ast.CallExpr)
	tuple := false
	if tv, ok := st.info.Types[call]; ok {
		if t, ok := tv.Type.(*types.Tuple); ok && t.Len() > 1 {
			tuple = true
		}
	}
	if !tuple {
		if i == 0 {
			st.classify(cc, v)
		}
		return
	}
	// Have: a, b := f() or return f() or var a, b = f().
	k, _ := cc.ParentEdge()
	switch k {
	case edge.AssignStmt_Rhs:
		as := cc.Parent().Node().(*ast.AssignStmt)
		if len(as.Rhs) == 1 && i < len(as.Lhs) {
			st.store(as.Lhs[i], v)
		}
	case edge.ValueSpec_Values:
		vs := cc.Parent().Node().(*ast.ValueSpec)
		if len(vs.Values) == 1 && i < len(vs.Names) {
			st.store(vs.Names[i], v)
		}
	case edge.ReturnStmt_Results:
		if enclosingFunc(cc) == v.fn && v.fn != nil {
			v.returned = append(v.returned, i)
		} else {
			v.f.Escapes, v.stored = true, true
		}
	default:
		v.f.Escapes, v.stored = true, true
	}
}

// follow classifies every use of the local variables holding v, including
// the aliases found on the way.
func (st *state) follow(v *value) {
	for i := 0; i < len(v.vars); i++ {
		for _, u := range st.uses[v.vars[i]] {
			st.classify(u, v)
		}
	}
}

// hold records whether the struct that v's pool was just stored in
// leaves v's function.
func (v *value) hold(held bool) {
	if held {
		v.f.Held, v.heldHere = true, true
	}
}

func (v *value) use(pkg string) {
	v.touched = true
	v.f.Users = addAll(v.f.Users, pkg)
}

// classify records what the expression at cur, which evaluates to v's
// pool, does with it.
func (st *state) classify(cur inspector.Cursor, v *value) {
	pkg := st.pass.Pkg.Path()
	st.noteCapture(cur, v)
	for {
		parent := cur.Parent()
		k, idx := cur.ParentEdge()
		switch k {
		case edge.ParenExpr_X:
			cur = parent
			continue
		case edge.UnaryExpr_X:
			// &T{...}: the same struct.
			if _, ok := cur.Node().(*ast.CompositeLit); ok && parent.Node().(*ast.UnaryExpr).Op == token.AND {
				cur = parent
				continue
			}
		case edge.SelectorExpr_X:
			if st.member(parent, v) {
				cur = parent // sqlx.DB's embedded *sql.DB: the same pool
				continue
			}
			return
		case edge.CallExpr_Args:
			st.argument(parent, idx, v)
			return
		case edge.ReturnStmt_Results:
			if v.fn != nil && enclosingFunc(cur) == v.fn {
				v.returned = append(v.returned, idx)
				return
			} // else returned from a closure: not followed
		case edge.AssignStmt_Rhs:
			if as := parent.Node().(*ast.AssignStmt); len(as.Lhs) == len(as.Rhs) {
				st.store(as.Lhs[idx], v)
				return
			}
		case edge.ValueSpec_Values:
			if vs := parent.Node().(*ast.ValueSpec); len(vs.Names) == len(vs.Values) {
				st.store(vs.Names[idx], v)
			}
			return
		case edge.KeyValueExpr_Value, edge.CompositeLit_Elts:
			if st.intoLiteral(parent, idx, v) {
				return
			}
		case edge.BinaryExpr_X, edge.BinaryExpr_Y, edge.ExprStmt_X, edge.AssignStmt_Lhs:
			return // compared with nil, discarded, or assigned to
		}
		v.use(pkg) // anything else: the pool goes where it is not followed
		v.f.Escapes, v.stored = true, true
		return
	}
}

// noteCapture marks v captured when the use at cur is in a closure or
// under a go statement: a handler or a goroutine may use the pool after,
// many times during, or concurrently with the call that holds it. A
// literal deferred where it is written (defer func() { db.Close() }())
// is not such a closure: it runs once, on the goroutine of the function
// around it, when that function returns, and counts as that function.
func (st *state) noteCapture(cur inspector.Cursor, v *value) {
	if v.fn == nil {
		return
	}
	for c := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		if deferredLit(c) {
			continue
		}
		// A closure that opened the pool itself holds it like a function.
		if c.Node() != v.fn && !(v.call.Valid() && c.Contains(v.call)) {
			v.f.Captured = true
		}
		break
	}
	for g := range cur.Enclosing((*ast.GoStmt)(nil)) {
		if !(v.call.Valid() && g.Contains(v.call)) {
			v.f.Captured = true
			v.stored = v.stored || v.call.Valid()
		}
		break
	}
}

// deferredLit reports whether the function at c is a literal called by a
// defer statement where it is written: defer func() { ... }().
func deferredLit(c inspector.Cursor) bool {
	if _, ok := c.Node().(*ast.FuncLit); !ok || c.ParentEdgeKind() != edge.CallExpr_Fun {
		return false
	}
	return c.Parent().ParentEdgeKind() == edge.DeferStmt_Call
}

// intoLiteral classifies v's pool as element idx of the composite literal
// at lit, or as the value of the key-value pair at lit: a struct field it
// is stored in. It reports false when the element is not a struct field.
func (st *state) intoLiteral(lit inspector.Cursor, idx int, v *value) bool {
	if kv, ok := lit.Node().(*ast.KeyValueExpr); ok {
		key, ok := kv.Key.(*ast.Ident)
		if !ok {
			return false
		}
		f, ok := st.info.Uses[key].(*types.Var)
		if !ok || !f.IsField() {
			return false
		}
		st.storeField(f, v)
		v.hold(st.holderEscapes(lit.Parent(), nil, v))
		return true
	}
	tv, ok := st.info.Types[lit.Node().(ast.Expr)]
	if !ok || tv.Type == nil {
		return false
	}
	s, ok := tv.Type.Underlying().(*types.Struct)
	if !ok || idx >= s.NumFields() {
		return false
	}
	st.storeField(s.Field(idx), v)
	v.hold(st.holderEscapes(lit, nil, v))
	return true
}

// member classifies the selection x.m at cur, where x evaluates to v's
// pool, possibly through embedded fields. It reports whether x.m is the
// same pool (an embedded *sql.DB), to be followed further.
func (st *state) member(cur inspector.Cursor, v *value) bool {
	pkg := st.pass.Pkg.Path()
	sel := cur.Node().(*ast.SelectorExpr)
	s, ok := st.info.Selections[sel]
	if !ok {
		v.use(pkg)
		return false
	}
	if s.Kind() == types.FieldVal {
		if isPoolType(s.Type()) {
			return true
		}
		v.use(pkg)
		return false
	}
	fn, _ := s.Obj().(*types.Func)
	if fn == nil || cur.ParentEdgeKind() != edge.CallExpr_Fun {
		v.use(pkg) // a method value
		return false
	}
	call := cur.Parent().Node().(*ast.CallExpr)
	switch name := fn.FullName(); {
	case name == setMaxOpen:
		v.f.Limited = true
		if len(call.Args) == 1 {
			if tv, ok := st.info.Types[call.Args[0]]; ok && tv.Value != nil {
				if n, ok := constant.Int64Val(constant.ToInt(tv.Value)); ok && n > 0 && int(n) > v.f.Max {
					v.f.Max = int(n)
				}
			}
		}
	case configMethods[name]:
	case closers[name]:
		v.closed = true
	case accessors[name]:
		st.bindResult(cur.Parent(), 0, v) // the same pool, unwrapped
	default:
		v.use(pkg)
	}
	return false
}

// embeddedPool returns the pool-typed field through which the selection
// at sel is promoted (x.SetMaxOpenConns where x's struct embeds *sql.DB),
// or nil. Selections on a pool type itself are followed as values.
func (st *state) embeddedPool(sel *ast.SelectorExpr) *types.Var {
	s, ok := st.info.Selections[sel]
	if !ok || len(s.Index()) < 2 || isPoolType(s.Recv()) {
		return nil
	}
	t := s.Recv()
	for _, i := range s.Index()[:len(s.Index())-1] {
		if p, ok := types.Unalias(t).(*types.Pointer); ok {
			t = p.Elem()
		}
		str, ok := t.Underlying().(*types.Struct)
		if !ok || i < 0 || i >= str.NumFields() {
			return nil
		}
		f := str.Field(i)
		if isPoolType(f.Type()) {
			return f
		}
		t = f.Type()
	}
	return nil
}

// argument classifies v's pool passed as argument idx of the call at cc.
func (st *state) argument(cc inspector.Cursor, idx int, v *value) {
	pkg := st.pass.Pkg.Path()
	call := cc.Node().(*ast.CallExpr)
	if tv, ok := st.info.Types[call.Fun]; ok && tv.IsType() {
		st.classify(cc, v) // a conversion: the same pool
		return
	}
	if p := st.narrowParam(call, idx); p != nil {
		v.use(p.Path()) // it queries the pool and cannot limit it
		return
	}
	callee := typeutil.StaticCallee(st.info, call)
	if callee == nil {
		v.use(pkg) // a builtin such as append, a func value or an interface method
		v.f.Escapes, v.stored = true, true
		return
	}
	callee = callee.Origin()
	if arg, ok := wrappers[callee.FullName()]; ok && arg == idx && !call.Ellipsis.IsValid() {
		st.bindResult(cc, 0, v) // sqlx.NewDb, entsql.OpenDB, gorm v1's Open: the same pool, wrapped
		return
	}
	if isMigrator(callee) {
		return // migrations run one statement at a time: not a use under load
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if s, ok := st.info.Selections[sel]; ok && s.Kind() == types.MethodExpr {
			v.use(pkg)
			v.f.Escapes = true
			return
		}
	}
	sig, _ := callee.Type().(*types.Signature)
	if sig == nil || (sig.Variadic() && idx >= sig.Params().Len()-1) {
		v.use(pkg)
		v.f.Escapes = true
		return
	}
	f, ok := st.params(callee, idx)
	if !ok {
		v.use(pkg)
		v.f.Escapes = true
		return
	}
	// Passing the pool to a function that can be followed is injection:
	// the callee's package is the user, not this one.
	v.f.merge(f)
}

// store classifies an assignment of v's pool to lhs.
func (st *state) store(lhs ast.Expr, v *value) {
	pkg := st.pass.Pkg.Path()
	switch lhs := ast.Unparen(lhs).(type) {
	case *ast.Ident:
		if lhs.Name == "_" {
			return
		}
		vr, ok := st.info.ObjectOf(lhs).(*types.Var)
		if !ok {
			return
		}
		if isPkgVar(vr) {
			if slot := st.slotOfVar(vr); slot != nil {
				v.f.Slots = addAll(v.f.Slots, slot.Key)
				v.stored = true
			}
			return
		}
		if !slices.Contains(v.vars, vr) {
			v.vars = append(v.vars, vr)
		}
		return
	case *ast.SelectorExpr:
		if s, ok := st.info.Selections[lhs]; ok {
			if f, ok := s.Obj().(*types.Var); ok && s.Kind() == types.FieldVal {
				st.storeField(f, v)
				// Have: x.f = pool. The struct stays here only if x is a
				// variable declared in this function's body.
				held := true
				if x, ok := ast.Unparen(lhs.X).(*ast.Ident); ok && len(s.Index()) == 1 {
					if vr, ok := st.info.Uses[x].(*types.Var); ok && st.declaredInBody(vr, v.fn) {
						held = st.holderEscapes(inspector.Cursor{}, vr, v)
					}
				}
				v.hold(held)
				return
			}
		} else if vr, ok := st.info.Uses[lhs.Sel].(*types.Var); ok && isPkgVar(vr) {
			if slot := st.slotOfVar(vr); slot != nil {
				v.f.Slots = addAll(v.f.Slots, slot.Key)
				v.stored = true
			}
			return
		}
	}
	v.use(pkg)
	v.f.Escapes, v.stored = true, true
}

// storeField classifies a store of v's pool into struct field f: a slot
// when f is a pool, a use by f's package when f is a narrow interface
// (see narrowInterface), lost otherwise.
func (st *state) storeField(f *types.Var, v *value) {
	v.stored = true
	v.use(st.pass.Pkg.Path())
	if slot := st.slotOfField(f); slot != nil && isPoolType(f.Type()) {
		v.f.Slots = addAll(v.f.Slots, slot.Key)
		return
	}
	if st.narrowInterface(f.Type()) {
		v.use(f.Pkg().Path()) // it queries the pool and cannot limit it
		return
	}
	v.f.Escapes = true
}

// holderEscapes reports whether the struct that now holds v's pool, the
// composite literal at lit or the local variable x, leaves the function:
// returned, stored, or passed to code that cannot be followed.
//
// Holders may hold each other (a provider keeps a collector that keeps
// the provider's pools): a holder already being followed contributes
// nothing more, so the cycle ends.
func (st *state) holderEscapes(lit inspector.Cursor, x *types.Var, v *value) bool {
	var key any = x
	if x == nil {
		if !lit.Valid() {
			return false
		}
		key = lit.Node()
	}
	if st.holding[key] {
		return false
	}
	st.holding[key] = true
	defer delete(st.holding, key)
	h := &value{fn: v.fn}
	if x != nil {
		h.vars = []*types.Var{x}
	} else {
		st.classify(lit, h)
	}
	st.follow(h)
	return len(h.returned) > 0 || h.f.Escapes || h.stored || len(h.f.Slots) > 0 || h.f.Held
}

// declaredInBody reports whether vr is declared in the body of fn (not a
// parameter or receiver).
func (st *state) declaredInBody(vr *types.Var, fn ast.Node) bool {
	fd, ok := fn.(*ast.FuncDecl)
	return ok && fd.Body != nil && vr.Pos() >= fd.Body.Pos() && vr.Pos() < fd.Body.End()
}

// params returns the fate of the pool passed as parameter idx of callee.
func (st *state) params(callee *types.Func, idx int) (fate, bool) {
	if callee.Pkg() == st.pass.Pkg {
		s := st.summary(callee)
		if s.busy {
			return fate{}, true // recursion: nothing more to learn
		}
		for _, p := range s.params {
			if p.Index == idx {
				return p.Fate, true
			}
		}
		return fate{}, false
	}
	var pf poolParams
	if st.pass.ImportObjectFact(callee, &pf) {
		return pf.param(idx)
	}
	return fate{}, false
}

// results returns what callee returns of pools.
func (st *state) results(callee *types.Func) []poolResult {
	if callee.Pkg() == st.pass.Pkg {
		return st.summary(callee).results
	}
	var rs []poolResult
	var r poolResult
	if st.pass.ImportObjectFact(callee, &r) {
		rs = append(rs, r)
	}
	return rs
}

func (st *state) ownOf(callee *types.Func) *opensOwnPool {
	if callee.Pkg() == st.pass.Pkg {
		return st.summary(callee).own
	}
	var o opensOwnPool
	if st.pass.ImportObjectFact(callee, &o) {
		return &o
	}
	return nil
}
