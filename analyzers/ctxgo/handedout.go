package ctxgo

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/envvet/envvet/analyzers/ctxgo/internal/ctxsum"
	"github.com/envvet/envvet/internal/passutil"
)

// handedOut reports the forgotten sender of a returned channel (rule
// unobserved): a function of the package, the producer, makes a channel,
// starts a goroutine that sends on it without a select, and returns it; a
// caller of the same package receives from the result only in the cases of
// one select that may leave through another case (a return, or a labeled
// break out of the loop around the select). Once the caller has left,
// nobody receives: the goroutine blocks on its send forever, at once if the
// channel is unbuffered, once the buffer is full if the send sits in a loop
// without bound (openfga v1.6.1's processDispatches).
func handedOut(pass *analysis.Pass, sum *ctxsum.Result, lits *funcLits, in *inspector.Inspector) {
	prods := map[*types.Func]*producer{}
	for cur := range in.Root().Preorder((*ast.FuncDecl)(nil)) {
		if p := producerOf(pass, sum, lits, cur.Node().(*ast.FuncDecl)); p != nil {
			prods[p.fn] = p
		}
	}
	if len(prods) == 0 {
		return
	}
	for cur := range in.Root().Preorder((*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil)) {
		p, v, call := producerResult(pass.TypesInfo, prods, cur.Node())
		if p == nil || p.reported {
			continue
		}
		for enc := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
			fn := funcOf(pass, enc.Node())
			if sel, leave := abandoningSelect(pass.TypesInfo, fn.body, v, call); leave != nil {
				p.reported = true
				reportHandedOut(pass, p, fn, v, sel, leave)
			}
			break // the innermost function holds v
		}
	}
}

// A producer: a function that returns a channel it made, on which a
// goroutine it starts sends without a select.
type producer struct {
	fn       *types.Func
	decl     *ast.FuncDecl
	ch       madeChan
	result   int // the index of the channel among fn's results
	buffered bool
	g        *ast.GoStmt
	send     ast.Node
	reported bool
}

// producerOf returns decl as a producer, nil if it is not one.
func producerOf(pass *analysis.Pass, sum *ctxsum.Result, lits *funcLits, decl *ast.FuncDecl) *producer {
	fn, ok := pass.TypesInfo.Defs[decl.Name].(*types.Func)
	if !ok || decl.Body == nil || pass.Pkg.Name() == "main" {
		return nil
	}
	for _, st := range decl.Body.List {
		lhs, rhs := passutil.AssignSides(stmtNode(st))
		if len(lhs) != 1 || len(rhs) != 1 {
			continue
		}
		ch, buffered, ok := madeChannel(pass.TypesInfo, lhs[0], rhs[0])
		if !ok {
			continue
		}
		gos, result, ok := producerUses(pass.TypesInfo, decl.Body, ch)
		if !ok || len(gos) == 0 || result < 0 {
			continue
		}
		s := senders{info: pass.TypesInfo, sum: sum, lits: lits, seen: map[paramRef]bool{}, unbounded: buffered}
		for _, g := range gos {
			if send := s.goroutineSends(g, ch.v); send != nil {
				return &producer{fn: fn, decl: decl, ch: ch, result: result, buffered: buffered, g: g, send: send}
			}
		}
	}
	return nil
}

// stmtNode returns the assignment or the single var spec of st, nil if
// st is neither.
func stmtNode(st ast.Stmt) ast.Node {
	switch st := st.(type) {
	case *ast.AssignStmt:
		return st
	case *ast.DeclStmt:
		if gd, ok := st.Decl.(*ast.GenDecl); ok && gd.Tok == token.VAR && len(gd.Specs) == 1 {
			return gd.Specs[0]
		}
	}
	return nil
}

// madeChannel matches v := make(chan T[, n]) with v a local variable.
func madeChannel(info *types.Info, lhs, rhs ast.Expr) (ch madeChan, buffered, ok bool) {
	id, ok1 := lhs.(*ast.Ident)
	call, ok2 := ast.Unparen(rhs).(*ast.CallExpr)
	if !ok1 || !ok2 || !isChanMake(info, call) {
		return madeChan{}, false, false
	}
	v, ok := info.ObjectOf(id).(*types.Var)
	if !ok || v.IsField() {
		return madeChan{}, false, false
	}
	return madeChan{v: v, make: call}, !isUnbufferedMake(info, call), true
}

// isChanMake reports whether call is make(chan T) or make(chan T, n).
func isChanMake(info *types.Info, call *ast.CallExpr) bool {
	if len(call.Args) == 0 || !isBuiltin(info, call, "make") {
		return false
	}
	tv, ok := info.Types[call.Args[0]]
	if !ok || tv.Type == nil {
		return false
	}
	c, ok := tv.Type.Underlying().(*types.Chan)
	return ok && c.Dir() == types.SendRecv
}

// producerUses returns the go statements that use ch in body and the index
// among the results of the return statements that give it back; ok is
// false when body uses ch otherwise (receives, passes it on, stores it),
// or returns it at different indexes.
func producerUses(info *types.Info, body *ast.BlockStmt, ch madeChan) (gos []*ast.GoStmt, result int, ok bool) {
	result, ok = -1, true
	ast.PreorderStack(body, nil, func(n ast.Node, stack []ast.Node) bool {
		id, isID := n.(*ast.Ident)
		if !ok || !isID || info.Uses[id] != ch.v {
			return ok
		}
		if g := enclosingGo(stack); g != nil {
			if receives(stack, id) {
				ok = false
			} else if len(gos) == 0 || gos[len(gos)-1] != g {
				gos = append(gos, g)
			}
			return ok
		}
		if i := returnIndex(stack, id); i >= 0 && (result < 0 || result == i) && !inLiteral(stack) {
			result = i
			return true
		}
		ok = assigned(stack, id, ch.make)
		return ok
	})
	return gos, result, ok
}

// returnIndex returns the index of id among the results of the return
// statement that is its parent, -1 if there is none.
func returnIndex(stack []ast.Node, id *ast.Ident) int {
	if len(stack) == 0 {
		return -1
	}
	ret, ok := stack[len(stack)-1].(*ast.ReturnStmt)
	if !ok {
		return -1
	}
	for i, r := range ret.Results {
		if r == id {
			return i
		}
	}
	return -1
}

// producerResult matches v := p(...), or v, err := p(...), for a producer
// p, and returns p, the variable that receives its channel and the call.
func producerResult(info *types.Info, prods map[*types.Func]*producer, n ast.Node) (*producer, *types.Var, *ast.CallExpr) {
	lhs, rhs := passutil.AssignSides(n)
	if len(rhs) != 1 {
		return nil, nil, nil
	}
	call, ok := ast.Unparen(rhs[0]).(*ast.CallExpr)
	if !ok {
		return nil, nil, nil
	}
	p := prods[ctxsum.Callee(info, call)]
	if p == nil || p.result >= len(lhs) {
		return nil, nil, nil
	}
	sig, ok := p.fn.Type().(*types.Signature)
	if !ok || sig.Results().Len() != len(lhs) {
		return nil, nil, nil
	}
	id, ok := lhs[p.result].(*ast.Ident)
	if !ok {
		return nil, nil, nil
	}
	v, ok := info.ObjectOf(id).(*types.Var)
	if !ok || v.IsField() {
		return nil, nil, nil
	}
	return p, v, call
}

// abandoningSelect returns the one select of body that receives from v,
// assigned from call, and a clause of it by which body leaves without
// receiving again; nil if v has any other use, or no such clause.
func abandoningSelect(info *types.Info, body *ast.BlockStmt, v *types.Var, call *ast.CallExpr) (*ast.SelectStmt, *ast.CommClause) {
	if body == nil || v.Pos() < body.Pos() || v.Pos() >= body.End() {
		return nil, nil
	}
	var sel *ast.SelectStmt
	var leave *ast.CommClause
	ok := true
	ast.PreorderStack(body, nil, func(n ast.Node, stack []ast.Node) bool {
		id, isID := n.(*ast.Ident)
		if !ok || !isID || info.Uses[id] != v {
			return ok
		}
		if assigned(stack, id, call) {
			return true
		}
		s, clause := selectCase(stack, id)
		if s == nil || inLiteral(stack) || enclosingGo(stack) != nil || sel != nil && s != sel {
			ok = false
			return false
		}
		sel, leave = s, leavingSelect(info, s, clause, stack)
		if leave == nil {
			leave = finalClause(info, body, s, clause)
		}
		return true
	})
	if !ok || sel == nil {
		return nil, nil
	}
	return sel, leave
}

// leavingSelect returns a clause of sel other than recv whose body returns
// or breaks out, by label, of a loop around sel that no other loop
// encloses; stack holds the ancestors of sel (and more).
func leavingSelect(info *types.Info, sel *ast.SelectStmt, recv *ast.CommClause, stack []ast.Node) *ast.CommClause {
	if c := leavingClause(info, sel, recv); c != nil {
		return c
	}
	label := outerLoopLabel(sel, stack)
	if label == "" {
		return nil
	}
	for _, s := range sel.Body.List {
		c, ok := s.(*ast.CommClause)
		if !ok || c == recv || failsTest(info, c) {
			continue
		}
		if clauseHas(c, func(n ast.Node) bool {
			b, ok := n.(*ast.BranchStmt)
			return ok && b.Tok == token.BREAK && b.Label != nil && b.Label.Name == label
		}) {
			return c
		}
	}
	return nil
}

// outerLoopLabel returns the label of the loop around sel, in stack, when
// that loop is the only one around sel; "" otherwise.
func outerLoopLabel(sel *ast.SelectStmt, stack []ast.Node) string {
	label, loops := "", 0
	for i, n := range stack {
		if n == sel {
			break
		}
		switch n.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			loops++
			if i > 0 {
				if l, ok := stack[i-1].(*ast.LabeledStmt); ok && l.Stmt == n {
					label = l.Label.Name
				}
			}
		case *ast.FuncLit:
			return ""
		}
	}
	if loops != 1 {
		return ""
	}
	return label
}

func reportHandedOut(pass *analysis.Pass, p *producer, caller function, v *types.Var, sel *ast.SelectStmt, leave *ast.CommClause) {
	who := consumerName(caller)
	msg := handedOutMessage(pass, p.ch.v.Name(), p.send, p.buffered, p.decl.Name.Name+" returns "+p.ch.v.Name()+" to "+who, sel)
	reportBlindSend(pass, p.g, p.send, msg, analysis.RelatedInformation{
		Pos: leave.Pos(), End: leave.Colon, Message: who + " leaves through this case without receiving from " + v.Name(),
	}, nil)
}

// consumerName names the function that receives in a message: a
// function literal is "a function literal".
func consumerName(fn function) string {
	if fn.name == "the function literal" {
		return "a function literal"
	}
	return fn.name
}

// handedOutMessage is the message of a forgotten sender whose channel is
// handed out (how: "F returns ch to G") to a consumer that receives from it
// only in the select sel.
func handedOutMessage(pass *analysis.Pass, name string, send ast.Node, buffered bool, how string, sel *ast.SelectStmt) string {
	sendLine := strconv.Itoa(pass.Fset.Position(send.Pos()).Line)
	what := "unbuffered " + name + " (line " + sendLine + ")"
	blocks := "then nobody receives and the goroutine blocks forever; give " + name + " a buffer or send in a select"
	if buffered {
		what = name + " in a loop without bound (line " + sendLine + ")"
		blocks = "then nobody receives, and once its buffer is full the goroutine blocks forever; send in a select with a case that stops it"
	}
	return "the goroutine started here sends on " + what + ", but " + how +
		", which receives from it only in the select on line " + strconv.Itoa(pass.Fset.Position(sel.Pos()).Line) +
		" and may leave through another case; " + blocks
}

// reportBlindSend reports, at the go statement g, a goroutine whose send
// may never be received: leave is the case the receiver leaves through,
// and the send itself is related where it is in the package's files.
func reportBlindSend(pass *analysis.Pass, g *ast.GoStmt, send ast.Node, msg string, leave analysis.RelatedInformation, fixes []analysis.SuggestedFix) {
	d := analysis.Diagnostic{
		Pos:            g.Pos(),
		End:            g.Call.Lparen,
		Category:       catUnobserved,
		Message:        msg,
		Related:        []analysis.RelatedInformation{leave},
		SuggestedFixes: fixes,
	}
	if passutil.FileOf(pass, send.Pos()) != nil {
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: send.Pos(), End: send.End(), Message: "the goroutine blocks here once nobody receives"})
	}
	pass.Report(d)
}
