package ctxgo

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/envvet/envvet/analyzers/ctxgo/internal/ctxsum"
	"github.com/envvet/envvet/internal/passutil"
)

// fieldHandedOut reports the forgotten sender of a field channel handed
// out by a method (rule unobserved): an unexported struct field holds a
// channel the package makes; a goroutine sends on it without a select; a
// method of the struct, the accessor, returns it (Next() <-chan T); and a
// function of the package receives from the accessor's result only in one
// select that may leave through another case (backoff.Continue: case
// <-c.Done(): return false). The package uses the field in no other way,
// so once that consumer has left nobody receives: the goroutine blocks on
// its send forever, at once if the channel is unbuffered, once the buffer
// is full if the send repeats without bound (lestrrat-go/backoff v2.0.7's
// controller loop, fixed by PR #30).
func fieldHandedOut(pass *analysis.Pass, sum *ctxsum.Result, lits *funcLits, in *inspector.Inspector) {
	fields := fieldChans(pass, in)
	if len(fields) == 0 {
		return
	}
	classifyFieldUses(pass.TypesInfo, sum, in, fields)
	consumers := fieldConsumers(pass, in, fields)
	if len(consumers) == 0 {
		return
	}
	for cur := range in.Root().Preorder((*ast.GoStmt)(nil)) {
		g := cur.Node().(*ast.GoStmt)
		for _, f := range fields {
			c := consumers[f]
			if c == nil || f.reported {
				continue
			}
			s := senders{info: pass.TypesInfo, sum: sum, lits: lits, seen: map[paramRef]bool{}, unbounded: f.buffered, owner: f.owner}
			if send := s.goroutineSends(g, f.v); send != nil {
				f.reported = true
				reportFieldHandedOut(pass, f, c, g, send)
			}
		}
	}
}

// A channel held by an unexported field of a struct type of the package.
type fieldChan struct {
	v         *types.Var   // the field (its generic origin)
	owner     *types.Named // the struct type that declares it
	buffered  bool         // some make gives it a buffer
	accessors []*types.Func
	bad       bool // used otherwise than made, sent on, closed, handed to a goroutine or returned by an accessor
	reported  bool
}

// fieldChans returns the unexported fields of the package's struct types
// to which the package assigns a made channel (a composite literal's
// next: make(chan T), or c.next = make(chan T)), in source order.
func fieldChans(pass *analysis.Pass, in *inspector.Inspector) []*fieldChan {
	var out []*fieldChan
	byVar := map[*types.Var]*fieldChan{}
	add := func(v *types.Var, owner *types.Named, mk *ast.CallExpr) {
		if v == nil || owner == nil || v.Exported() || v.Pkg() != pass.Pkg || owner.Obj().Pkg() != pass.Pkg {
			return
		}
		f := byVar[v]
		if f == nil {
			f = &fieldChan{v: v, owner: owner}
			byVar[v] = f
			out = append(out, f)
		}
		f.buffered = f.buffered || !isUnbufferedMake(pass.TypesInfo, mk)
	}
	for cur := range in.Root().Preorder((*ast.KeyValueExpr)(nil), (*ast.AssignStmt)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.KeyValueExpr:
			if v, owner, mk := keyedMake(pass.TypesInfo, cur, n); mk != nil {
				add(v, owner, mk)
			}
		case *ast.AssignStmt:
			for i := range n.Lhs {
				if v, owner, mk := assignedMake(pass.TypesInfo, n, i); mk != nil {
					add(v, owner, mk)
				}
			}
		}
	}
	return out
}

// keyedMake matches the element next: make(chan T) of a struct literal.
func keyedMake(info *types.Info, cur inspector.Cursor, kv *ast.KeyValueExpr) (*types.Var, *types.Named, *ast.CallExpr) {
	v := keyedField(info, kv)
	mk, ok := ast.Unparen(kv.Value).(*ast.CallExpr)
	lit, ok2 := cur.Parent().Node().(*ast.CompositeLit)
	if v == nil || !ok || !ok2 || !isChanMake(info, mk) {
		return nil, nil, nil
	}
	tv, ok := info.Types[lit]
	if !ok || tv.Type == nil {
		return nil, nil, nil
	}
	return v, namedOrigin(tv.Type), mk
}

// keyedField returns the field (its generic origin) that kv, an element
// of a struct literal, sets; nil if kv sets no field.
func keyedField(info *types.Info, kv *ast.KeyValueExpr) *types.Var {
	key, ok := kv.Key.(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := info.Uses[key].(*types.Var)
	if !ok || !v.IsField() {
		return nil
	}
	return v.Origin()
}

// assignedMake matches the i-th assignment of as when it is
// x.next = make(chan T), next a field of x's own struct type.
func assignedMake(info *types.Info, as *ast.AssignStmt, i int) (*types.Var, *types.Named, *ast.CallExpr) {
	if len(as.Lhs) != len(as.Rhs) || as.Tok != token.ASSIGN {
		return nil, nil, nil
	}
	sel, ok := ast.Unparen(as.Lhs[i]).(*ast.SelectorExpr)
	mk, ok2 := ast.Unparen(as.Rhs[i]).(*ast.CallExpr)
	if !ok || !ok2 || !isChanMake(info, mk) {
		return nil, nil, nil
	}
	s, ok := info.Selections[sel]
	if !ok || s.Kind() != types.FieldVal || len(s.Index()) != 1 {
		return nil, nil, nil // a promoted field belongs to another type
	}
	return selectedField(info, sel), namedOrigin(s.Recv()), mk
}

// classifyFieldUses records the accessors of each field of fields and
// marks bad the fields the package uses in any other way than by making,
// sending on, closing, measuring, handing to a go statement's call or
// returning from an accessor.
func classifyFieldUses(info *types.Info, sum *ctxsum.Result, in *inspector.Inspector, fields []*fieldChan) {
	byVar := map[*types.Var]*fieldChan{}
	for _, f := range fields {
		byVar[f.v] = f
	}
	for cur := range in.Root().Preorder((*ast.SelectorExpr)(nil), (*ast.KeyValueExpr)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.KeyValueExpr:
			if f := byVar[keyedField(info, n)]; f != nil {
				mk, ok := ast.Unparen(n.Value).(*ast.CallExpr)
				f.bad = f.bad || !ok || !isChanMake(info, mk)
			}
		case *ast.SelectorExpr:
			if f := byVar[selectedField(info, n)]; f != nil && !f.bad {
				classifyFieldUse(info, sum, cur, n, f)
			}
		}
	}
}

// classifyFieldUse classifies sel, a selection of f's field.
func classifyFieldUse(info *types.Info, sum *ctxsum.Result, cur inspector.Cursor, sel *ast.SelectorExpr, f *fieldChan) {
	parent := cur.Parent()
	switch kind, i := cur.ParentEdge(); kind {
	case edge.AssignStmt_Lhs:
		as := parent.Node().(*ast.AssignStmt)
		_, _, mk := assignedMake(info, as, i)
		f.bad = mk == nil
	case edge.SendStmt_Chan:
	case edge.CallExpr_Args:
		call := parent.Node().(*ast.CallExpr)
		if _, isGo := parent.Parent().Node().(*ast.GoStmt); isGo {
			f.bad = !goArgOnlySent(info, sum, call, i)
		} else {
			f.bad = !isBuiltin(info, call, "close", "len", "cap")
		}
	case edge.ReturnStmt_Results:
		if m := accessorOf(info, cur, sel, f); m != nil {
			f.accessors = append(f.accessors, m)
		} else {
			f.bad = true
		}
	default:
		f.bad = true // received from, ranged over, passed on, stored
	}
}

// goArgOnlySent reports whether the function that call, a go statement's
// call, runs is a function literal or a function of the package whose
// parameter for the argument at index i is only sent on, closed or
// measured: a goroutine that receives from it, or passes it on, may drain
// the field.
func goArgOnlySent(info *types.Info, sum *ctxsum.Result, call *ast.CallExpr, i int) bool {
	var ftype *ast.FuncType
	var body *ast.BlockStmt
	if lit, ok := ast.Unparen(call.Fun).(*ast.FuncLit); ok {
		ftype, body = lit.Type, lit.Body
	} else if decl := sum.Decl(ctxsum.Callee(info, call)); decl != nil {
		ftype, body = decl.Type, decl.Body
	} else {
		return false
	}
	for p, j := range passutil.Params(info, ftype) {
		if j == i {
			return onlySent(info, body, p)
		}
	}
	return false
}

// onlySent reports whether body uses p only as the channel of a send
// statement or the argument of close, len or cap.
func onlySent(info *types.Info, body *ast.BlockStmt, p *types.Var) bool {
	ok := true
	ast.PreorderStack(body, nil, func(n ast.Node, stack []ast.Node) bool {
		id, isID := n.(*ast.Ident)
		if !ok || !isID || info.Uses[id] != p {
			return ok
		}
		switch parent := stack[len(stack)-1].(type) {
		case *ast.SendStmt:
			ok = parent.Chan == id
		case *ast.CallExpr:
			ok = isBuiltin(info, parent, "close", "len", "cap")
		default:
			ok = false
		}
		return ok
	})
	return ok
}

// isBuiltin reports whether call calls one of the named builtins.
func isBuiltin(info *types.Info, call *ast.CallExpr, names ...string) bool {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return false
	}
	b, ok := info.Uses[id].(*types.Builtin)
	if !ok {
		return false
	}
	for _, n := range names {
		if b.Name() == n {
			return true
		}
	}
	return false
}

// accessorOf returns the method of f's owner of which sel, returned, is
// the one result: a method without parameters that returns the field of
// its receiver (func (c *controller) Next() <-chan struct{} { return
// c.next }); nil otherwise.
func accessorOf(info *types.Info, cur inspector.Cursor, sel *ast.SelectorExpr, f *fieldChan) *types.Func {
	ret := cur.Parent().Node().(*ast.ReturnStmt)
	recvID, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok || len(ret.Results) != 1 {
		return nil
	}
	var decl *ast.FuncDecl // the innermost function, nil if a literal
	for enc := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		decl, _ = enc.Node().(*ast.FuncDecl)
		break
	}
	if decl == nil || decl.Recv == nil || len(decl.Recv.List) != 1 || len(decl.Recv.List[0].Names) != 1 {
		return nil
	}
	m, ok := info.Defs[decl.Name].(*types.Func)
	if !ok {
		return nil
	}
	sig := m.Type().(*types.Signature)
	if sig.Params().Len() != 0 || sig.Results().Len() != 1 || namedOrigin(sig.Recv().Type()) != f.owner ||
		info.ObjectOf(recvID) != info.Defs[decl.Recv.List[0].Names[0]] {
		return nil
	}
	return m.Origin()
}

// A consumer: a function that receives from an accessor's result only in
// one select that may leave through another case.
type consumer struct {
	fn    function
	call  *ast.CallExpr
	sel   *ast.SelectStmt
	leave *ast.CommClause
}

// fieldConsumers returns, for each field that no use marks bad, the first
// consumer of one of its accessors in the package.
func fieldConsumers(pass *analysis.Pass, in *inspector.Inspector, fields []*fieldChan) map[*fieldChan]*consumer {
	var live []*fieldChan
	for _, f := range fields {
		if !f.bad && len(f.accessors) > 0 {
			live = append(live, f)
		}
	}
	if len(live) == 0 {
		return nil
	}
	out := map[*fieldChan]*consumer{}
	for cur := range in.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		var c *consumer
		for _, f := range accessorCalled(pass, call, live) {
			if out[f] != nil {
				continue
			}
			if c == nil {
				c = consumerOf(pass, cur, call)
			}
			if c == nil {
				break
			}
			out[f] = c
		}
	}
	return out
}

// accessorCalled returns the fields of fields whose accessor call calls,
// directly or through the method of an interface their owner implements.
func accessorCalled(pass *analysis.Pass, call *ast.CallExpr, fields []*fieldChan) []*fieldChan {
	callee, ok := typeutil.Callee(pass.TypesInfo, call).(*types.Func)
	if !ok || len(call.Args) != 0 {
		return nil
	}
	sig, ok := callee.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return nil
	}
	iface, isIface := sig.Recv().Type().Underlying().(*types.Interface)
	var out []*fieldChan
	for _, f := range fields {
		for _, m := range f.accessors {
			if callee.Origin() == m || isIface && callee.Name() == m.Name() && f.owner.TypeParams().Len() == 0 && implementsVia(f.owner, iface, m) {
				out = append(out, f)
				break
			}
		}
	}
	return out
}

// implementsVia reports whether *owner implements iface with m as the
// method of m's name.
func implementsVia(owner *types.Named, iface *types.Interface, m *types.Func) bool {
	ptr := types.NewPointer(owner)
	if !types.Implements(ptr, iface) {
		return false
	}
	obj, _, _ := types.LookupFieldOrMethod(ptr, false, m.Pkg(), m.Name())
	return obj == m
}

// consumerOf returns the function holding call, an accessor's call, as a
// consumer, nil if it is none: it receives from call's result directly
// as a select case, or through a variable received from only in one
// select, and that select may leave through another case.
func consumerOf(pass *analysis.Pass, cur inspector.Cursor, call *ast.CallExpr) *consumer {
	fnCur, stack := ancestry(cur)
	if fnCur == nil {
		return nil
	}
	fn := funcOf(pass, fnCur)
	if fn.body == nil {
		return nil
	}
	if sel, clause := selectCase(stack, call); sel != nil {
		leave := leavingSelect(pass.TypesInfo, sel, clause, stack)
		if leave == nil {
			leave = finalClause(pass.TypesInfo, fn.body, sel, clause)
		}
		if leave != nil {
			return &consumer{fn: fn, call: call, sel: sel, leave: leave}
		}
		return nil
	}
	lhs, rhs := passutil.AssignSides(stack[len(stack)-1])
	if len(lhs) != 1 || len(rhs) != 1 || ast.Unparen(rhs[0]) != call {
		return nil
	}
	id, ok := lhs[0].(*ast.Ident)
	v, ok2 := pass.TypesInfo.ObjectOf(id).(*types.Var)
	if !ok || !ok2 {
		return nil
	}
	if sel, leave := abandoningSelect(pass.TypesInfo, fn.body, v, call); leave != nil {
		return &consumer{fn: fn, call: call, sel: sel, leave: leave}
	}
	return nil
}

// ancestry returns the innermost function declaration or literal around
// cur and the nodes from its body down to cur's parent, as
// ast.PreorderStack gives them from the body; a nil node if there is no
// such function.
func ancestry(cur inspector.Cursor) (ast.Node, []ast.Node) {
	var up []ast.Node
	for p := cur.Parent(); p.Node() != nil; p = p.Parent() {
		switch n := p.Node().(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			slices.Reverse(up)
			return n, up
		}
		up = append(up, p.Node())
	}
	return nil, nil
}

func reportFieldHandedOut(pass *analysis.Pass, f *fieldChan, c *consumer, g *ast.GoStmt, send ast.Node) {
	name, who := f.v.Name(), consumerName(c.fn)
	msg := handedOutMessage(pass, name, send, f.buffered, f.accessors[0].Name()+" hands "+name+" out to "+who, c.sel)
	reportBlindSend(pass, g, send, msg, analysis.RelatedInformation{
		Pos: c.leave.Pos(), End: c.leave.Colon, Message: who + " leaves through this case without receiving from " + name,
	}, nil)
}
