package ctxgo

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/envvet/envvet/analyzers/ctxgo/internal/ctxsum"
	"github.com/envvet/envvet/internal/passutil"
)

// abandoned reports the forgotten sender (rule unobserved): a function
// makes an unbuffered channel, starts a goroutine that sends on it
// without a select, and receives from it only in a select that may return
// through another case (<-ctx.Done(), a timeout). Once the function has
// returned that way, nobody receives, and the goroutine blocks on its send
// forever. The package's inspector finds the channels made; only the
// functions that make one are walked.
func abandoned(pass *analysis.Pass, sum *ctxsum.Result, in *inspector.Inspector) {
	if pass.Pkg.Name() == "main" {
		return // goroutines there commonly live as long as the process
	}
	lits := &funcLits{in: in, info: pass.TypesInfo}
	handedOut(pass, sum, lits, in)
	fieldHandedOut(pass, sum, lits, in)
	for cur := range in.Root().Preorder((*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil)) {
		for _, ch := range unbufferedMakes(pass.TypesInfo, cur.Node()) {
			for enc := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
				if fn := funcOf(pass, enc.Node()); fn.body != nil && !fn.isMain {
					forgotten(pass, sum, lits, fn, ch)
				}
				break // the innermost function made it
			}
		}
	}
}

// forgotten reports the goroutine that sends on ch, made by fn, when fn
// may return without receiving from it.
func forgotten(pass *analysis.Pass, sum *ctxsum.Result, lits *funcLits, fn function, ch madeChan) {
	if ch.v.Pos() < fn.body.Pos() || ch.v.Pos() >= fn.body.End() {
		return // a variable of an enclosing function, assigned here
	}
	u, ok := channelUses(pass.TypesInfo, fn.body, ch)
	if !ok || u.leave == nil || len(u.gos) == 0 {
		return
	}
	s := senders{info: pass.TypesInfo, sum: sum, lits: lits, seen: map[paramRef]bool{}}
	for _, g := range u.gos {
		if send := s.goroutineSends(g, ch.v); send != nil {
			fixable := len(u.gos) == 1 && !inLoopOf(fn.body, g) && oneSend(pass.TypesInfo, g, ch.v)
			sendsOn := func(v *types.Var) bool {
				t := senders{info: pass.TypesInfo, sum: sum, lits: lits, seen: map[paramRef]bool{}}
				return t.goroutineSends(g, v) != nil
			}
			reportAbandoned(pass, fn, ch, u, g, send, fixable, sendsOn)
			return // one report per channel
		}
	}
}

// An unbuffered channel made by a function: ch := make(chan T).
type madeChan struct {
	v    *types.Var
	make *ast.CallExpr
}

// unbufferedMakes returns the local variables that n, an assignment or a
// var spec, assigns an unbuffered channel made by make.
func unbufferedMakes(info *types.Info, n ast.Node) []madeChan {
	lhs, rhs := passutil.AssignSides(n)
	if len(lhs) != len(rhs) {
		return nil
	}
	var out []madeChan
	for i := range lhs {
		if ch, buffered, ok := madeChannel(info, lhs[i], rhs[i]); ok && !buffered {
			out = append(out, ch)
		}
	}
	return out
}

// isUnbufferedMake reports whether call is make(chan T) or make(chan T, 0).
func isUnbufferedMake(info *types.Info, call *ast.CallExpr) bool {
	if !isChanMake(info, call) {
		return false
	}
	if len(call.Args) == 1 {
		return true
	}
	size, ok := info.Types[call.Args[1]]
	return ok && size.Value != nil && constant.Sign(size.Value) == 0
}

// The uses of a channel in the function that made it.
type chanUses struct {
	gos   []*ast.GoStmt   // go statements handing it to a goroutine
	sel   *ast.SelectStmt // a select receiving from it...
	leave *ast.CommClause // ...with another clause that returns
}

// channelUses classifies the uses of ch in body: ok is false when a use
// other than a goroutine's, or a receive as a select case, could let
// someone else receive (passed on, stored, ranged over, closed, received
// outside a select or in a closure).
func channelUses(info *types.Info, body *ast.BlockStmt, ch madeChan) (u chanUses, ok bool) {
	ok = true
	var selects []*ast.SelectStmt
	var once *ast.CommClause // another clause of a select outside any loop
	var onceSel *ast.SelectStmt
	ast.PreorderStack(body, nil, func(n ast.Node, stack []ast.Node) bool {
		id, isID := n.(*ast.Ident)
		if !ok || !isID || info.ObjectOf(id) != ch.v || info.Defs[id] != nil {
			return ok
		}
		if g := enclosingGo(stack); g != nil {
			if receives(stack, id) {
				ok = false // a goroutine drains it (go func() { <-ch }())
				return false
			}
			if len(u.gos) == 0 || u.gos[len(u.gos)-1] != g {
				u.gos = append(u.gos, g)
			}
			return true
		}
		if assigned(stack, id, ch.make) {
			return true
		}
		sel, clause := selectCase(stack, id)
		if sel == nil || inLiteral(stack) {
			ok = false
			return false
		}
		if !slices.Contains(selects, sel) {
			selects = append(selects, sel)
		}
		if leave := leavingClause(info, sel, clause); leave != nil && u.leave == nil {
			u.sel, u.leave = sel, leave
		} else if leave := finalClause(info, body, sel, clause); leave != nil && u.leave == nil {
			u.sel, u.leave = sel, leave
		} else if once == nil && !loopIn(stack) {
			once, onceSel = otherClause(info, sel, clause), sel
		}
		return true
	})
	if ok && u.leave == nil && once != nil && len(selects) == 1 {
		// The one select receiving from ch runs once: when it goes
		// through another case, nothing receives from ch afterwards
		// (circuitbreaker's Call: a timeout case that records the
		// timeout, then returns after the select).
		u.sel, u.leave = onceSel, once
	}
	return u, ok
}

// otherClause returns the first clause of sel other than recv that does
// not fail a test or end the process, nil if there is none.
func otherClause(info *types.Info, sel *ast.SelectStmt, recv *ast.CommClause) *ast.CommClause {
	for _, s := range sel.Body.List {
		if c, ok := s.(*ast.CommClause); ok && c != recv && !failsTest(info, c) && !endsProcess(info, c) {
			return c
		}
	}
	return nil
}

// endsProcess reports whether a statement of c's body (not nested in an
// if or a loop) ends the process or the goroutine: log.Fatal(err),
// os.Exit(1), zerolog's log.Fatal().Msg(...). A sender left behind then
// blocks only until the process ends (centrifugo v6.9.1's HTTP/3 server:
// case err := <-qErr: log.Fatal()...).
func endsProcess(info *types.Info, c *ast.CommClause) bool {
	for _, st := range c.Body {
		es, ok := st.(*ast.ExprStmt)
		if !ok {
			continue
		}
		ends := false
		ast.Inspect(es.X, func(n ast.Node) bool {
			if _, lit := n.(*ast.FuncLit); lit || ends {
				return false
			}
			if call, ok := n.(*ast.CallExpr); ok && (endsGoroutine(info, call) || noReturn(info, call)) {
				ends = true
			}
			return !ends
		})
		if ends {
			return true
		}
	}
	return false
}

// receives reports whether id, with ancestors stack, is received from or
// ranged over.
func receives(stack []ast.Node, id *ast.Ident) bool {
	if len(stack) == 0 {
		return false
	}
	switch p := stack[len(stack)-1].(type) {
	case *ast.UnaryExpr:
		return p.Op == token.ARROW
	case *ast.RangeStmt:
		return p.X == id
	}
	return false
}

// enclosingGo returns the innermost go statement of stack, nil if none.
func enclosingGo(stack []ast.Node) *ast.GoStmt {
	for i := len(stack) - 1; i >= 0; i-- {
		if g, ok := stack[i].(*ast.GoStmt); ok {
			return g
		}
	}
	return nil
}

func inLiteral(stack []ast.Node) bool {
	for _, n := range stack {
		if _, ok := n.(*ast.FuncLit); ok {
			return true
		}
	}
	return false
}

// assigned reports whether id is the left side of the assignment of mk.
func assigned(stack []ast.Node, id *ast.Ident, mk *ast.CallExpr) bool {
	if len(stack) == 0 {
		return false
	}
	as, ok := stack[len(stack)-1].(*ast.AssignStmt)
	if !ok || len(as.Lhs) != len(as.Rhs) {
		return false
	}
	for i, l := range as.Lhs {
		if l == id && ast.Unparen(as.Rhs[i]) == mk {
			return true
		}
	}
	return false
}

// selectCase returns the select and clause of which id, in <-id, is the
// communication (case <-ch:, case v := <-ch:, case v, ok := <-ch:); id
// may be a call (case <-c.Next():).
func selectCase(stack []ast.Node, id ast.Expr) (*ast.SelectStmt, *ast.CommClause) {
	n := len(stack)
	if n < 5 {
		return nil, nil
	}
	recv, ok := stack[n-1].(*ast.UnaryExpr)
	if !ok || recv.Op != token.ARROW || ast.Unparen(recv.X) != id {
		return nil, nil
	}
	clause, ok := stack[n-3].(*ast.CommClause)
	if !ok {
		return nil, nil
	}
	switch comm := clause.Comm.(type) {
	case *ast.ExprStmt:
		ok = ast.Unparen(comm.X) == recv
	case *ast.AssignStmt:
		ok = len(comm.Rhs) == 1 && ast.Unparen(comm.Rhs[0]) == recv
	default:
		ok = false
	}
	sel, isSel := stack[n-5].(*ast.SelectStmt)
	if !ok || !isSel {
		return nil, nil
	}
	return sel, clause
}

// leavingClause returns a clause of sel other than recv whose body
// returns, nil if there is none. A clause that fails a test is not one.
func leavingClause(info *types.Info, sel *ast.SelectStmt, recv *ast.CommClause) *ast.CommClause {
	for _, s := range sel.Body.List {
		c, ok := s.(*ast.CommClause)
		if !ok || c == recv || failsTest(info, c) {
			continue
		}
		if clauseHas(c, func(n ast.Node) bool { _, ok := n.(*ast.ReturnStmt); return ok }) {
			return c
		}
	}
	return nil
}

// clauseHas reports whether the body of c, outside function literals,
// holds a node for which match reports true.
func clauseHas(c *ast.CommClause, match func(ast.Node) bool) bool {
	return slices.ContainsFunc(c.Body, func(st ast.Stmt) bool { return passutil.Contains(st, false, match) })
}

// finalClause returns a clause of sel other than recv when sel is the last
// statement of body, which then ends through it; nil otherwise (health-go
// v5.5.4's Measure: a timeout case that falls off the end of the goroutine).
// A clause that fails a test or ends the process is not one.
func finalClause(info *types.Info, body *ast.BlockStmt, sel *ast.SelectStmt, recv *ast.CommClause) *ast.CommClause {
	if len(body.List) == 0 || body.List[len(body.List)-1] != sel {
		return nil
	}
	return otherClause(info, sel, recv)
}

// failsTest reports whether the body of c fails or skips a test (t.Fatal,
// t.Errorf, b.FailNow, t.Skip, testify's Fail): a goroutine it leaves
// behind blocks only in a test that has failed already (quic-go's tests:
// a timeout case that calls t.Fatal).
func failsTest(info *types.Info, c *ast.CommClause) bool {
	return clauseHas(c, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return false
		}
		fn, ok := typeutil.Callee(info, call).(*types.Func)
		return ok && fn.Pkg() != nil && testFailure(fn.Pkg().Path(), fn.Name())
	})
}

// testFailure reports whether the function name of package path fails or
// skips the running test.
func testFailure(path, name string) bool {
	switch path {
	case "testing":
		return testingStops(name) || name == "Error" || name == "Errorf" || name == "Fail"
	case "github.com/stretchr/testify/require", "github.com/stretchr/testify/assert":
		return strings.HasPrefix(name, "Fail")
	}
	return false
}

// senders finds blocking sends on a channel in goroutines and, through
// the package's own functions and function literals, in their callees.
type senders struct {
	info *types.Info
	sum  *ctxsum.Result
	lits *funcLits
	seen map[paramRef]bool
	// unbounded asks for a send in a loop without bound (for {}, a range
	// over a channel), which fills any buffer.
	unbounded bool
	// owner is the named type whose field the channel is, nil for a
	// local variable: its methods of the package are searched too.
	owner *types.Named
}

// A parameter of a function (fn) or of a function literal (lit).
type paramRef struct {
	fn  *types.Func
	lit *ast.FuncLit
	i   int
}

// goroutineSends returns a send on ch, outside a select that offers
// another way, by the goroutine g starts; nil if there is none.
func (s *senders) goroutineSends(g *ast.GoStmt, ch *types.Var) ast.Node {
	if lit, ok := ast.Unparen(g.Call.Fun).(*ast.FuncLit); ok {
		if send := s.sendsIn(lit.Body, ch); send != nil {
			return send
		}
		return s.litArgSends(g.Call, lit, ch)
	}
	return s.argSends(g.Call, ch)
}

// litArgSends returns a blocking send by lit, called by call, on its
// parameters to which ch is an argument (go func(ch chan T) { ch <- v
// }(c.next)).
func (s *senders) litArgSends(call *ast.CallExpr, lit *ast.FuncLit, ch *types.Var) ast.Node {
	tv, ok := s.info.Types[lit]
	if !ok || tv.Type == nil {
		return nil
	}
	sig, ok := tv.Type.(*types.Signature)
	if !ok {
		return nil
	}
	idx := chanArgs(s.info, call, sig, ch)
	if len(idx) == 0 {
		return nil
	}
	byIndex := map[int]*types.Var{}
	for p, i := range passutil.Params(s.info, lit.Type) {
		byIndex[i] = p
	}
	for _, i := range idx {
		if p := byIndex[i]; p != nil {
			if send := s.sendsIn(lit.Body, p); send != nil {
				return send
			}
		}
	}
	return nil
}

// argSends returns a blocking send on ch by the callee of call, to which
// ch is an argument.
func (s *senders) argSends(call *ast.CallExpr, ch *types.Var) ast.Node {
	callee := ctxsum.Callee(s.info, call)
	if callee == nil {
		return s.valueSends(call, ch)
	}
	decl := s.sum.Decl(callee)
	if decl == nil {
		return nil
	}
	sig := callee.Origin().Type().(*types.Signature)
	if s.ownMethod(sig) && !s.seen[paramRef{fn: callee.Origin(), i: -1}] {
		s.seen[paramRef{fn: callee.Origin(), i: -1}] = true
		if send := s.sendsIn(decl.Body, ch); send != nil {
			return send // go c.loop(), which sends on c.next
		}
	}
	for _, i := range chanArgs(s.info, call, sig, ch) {
		key := paramRef{fn: callee.Origin(), i: i}
		if s.seen[key] {
			continue
		}
		s.seen[key] = true
		if send := s.sendsIn(decl.Body, sig.Params().At(i)); send != nil {
			return send
		}
	}
	return nil
}

// valueSends returns a blocking send on ch by a function value that call
// calls with ch as an argument (go request(ctx, resultChan), where request
// is a parameter, variable or field of function type): the function
// literals of the package whose signature is that of the value are what it
// may hold, and any of them that sends on its channel parameter without a
// select blocks once nobody receives.
func (s *senders) valueSends(call *ast.CallExpr, ch *types.Var) ast.Node {
	tv, ok := s.info.Types[call.Fun]
	if !ok || tv.IsType() || tv.Type == nil {
		return nil // a conversion, or untyped
	}
	sig, ok := tv.Type.Underlying().(*types.Signature)
	if !ok {
		return nil
	}
	idx := chanArgs(s.info, call, sig, ch)
	if len(idx) == 0 {
		return nil
	}
	for _, lit := range s.lits.withSignature(sig) {
		byIndex := map[int]*types.Var{}
		for p, i := range passutil.Params(s.info, lit.Type) {
			byIndex[i] = p
		}
		for _, i := range idx {
			key := paramRef{lit: lit, i: i}
			if byIndex[i] == nil || s.seen[key] {
				continue
			}
			s.seen[key] = true
			if send := s.sendsIn(lit.Body, byIndex[i]); send != nil {
				return send
			}
		}
	}
	return nil
}

// ownMethod reports whether sig is that of a method of s.owner, which may
// use the owner's field channel through its receiver.
func (s *senders) ownMethod(sig *types.Signature) bool {
	if s.owner == nil || sig.Recv() == nil {
		return false
	}
	return namedOrigin(sig.Recv().Type()) == s.owner
}

// namedOrigin returns the generic origin of the named type t is or points
// to, nil if it is neither.
func namedOrigin(t types.Type) *types.Named {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Origin()
	}
	return nil
}

// chanArgs returns the indexes of the arguments of call, a call of a
// function of signature sig, that are ch itself (not its variadic part).
func chanArgs(info *types.Info, call *ast.CallExpr, sig *types.Signature, ch *types.Var) []int {
	var out []int
	for i, a := range call.Args {
		if !refersTo(info, a, ch) || i >= sig.Params().Len() || sig.Variadic() && i == sig.Params().Len()-1 {
			continue
		}
		out = append(out, i)
	}
	return out
}

// refersTo reports whether e is the channel ch: the variable itself, or,
// when ch is a field, a selection of it (c.next).
func refersTo(info *types.Info, e ast.Expr, ch *types.Var) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return info.ObjectOf(e) == ch
	case *ast.SelectorExpr:
		return ch.IsField() && selectedField(info, e) == ch
	}
	return false
}

// selectedField returns the field (its generic origin) that sel selects,
// nil if sel selects no field.
func selectedField(info *types.Info, sel *ast.SelectorExpr) *types.Var {
	s, ok := info.Selections[sel]
	if !ok || s.Kind() != types.FieldVal {
		return nil
	}
	v, ok := s.Obj().(*types.Var)
	if !ok {
		return nil
	}
	return v.Origin()
}

// funcLits lists the function literals of the package, in source order,
// the first time a function value's bodies are asked for.
type funcLits struct {
	in   *inspector.Inspector
	info *types.Info
	all  []*ast.FuncLit
	done bool
}

// withSignature returns the function literals whose type is identical to
// sig: the bodies a function value of that signature may run.
func (l *funcLits) withSignature(sig *types.Signature) []*ast.FuncLit {
	if !l.done {
		l.done = true
		for cur := range l.in.Root().Preorder((*ast.FuncLit)(nil)) {
			l.all = append(l.all, cur.Node().(*ast.FuncLit))
		}
	}
	var out []*ast.FuncLit
	for _, lit := range l.all {
		if tv, ok := l.info.Types[lit]; ok && tv.Type != nil && types.Identical(tv.Type, sig) {
			out = append(out, lit)
		}
	}
	return out
}

// sendsIn returns the first blocking send on ch in body, directly or
// through a call of a function of the package that is given ch.
func (s *senders) sendsIn(body *ast.BlockStmt, ch *types.Var) ast.Node {
	var found ast.Node
	ast.PreorderStack(body, nil, func(n ast.Node, stack []ast.Node) bool {
		if found != nil {
			return false
		}
		switch n := n.(type) {
		case *ast.GoStmt:
			return false // another goroutine's send
		case *ast.SendStmt:
			if refersTo(s.info, n.Chan, ch) && !offersAnother(stack, n) && !afterServerClosed(s.info, stack, n) && (!s.unbounded || repeats(s.info, stack, n)) {
				found = n
			}
		case *ast.CallExpr:
			found = s.argSends(n, ch)
		}
		return found == nil
	})
	return found
}

// offersAnother reports whether send is the communication of a select
// clause with another clause to take (a default, <-ctx.Done()).
func offersAnother(stack []ast.Node, send *ast.SendStmt) bool {
	n := len(stack)
	if n < 3 {
		return false
	}
	c, ok := stack[n-1].(*ast.CommClause)
	sel, ok2 := stack[n-3].(*ast.SelectStmt)
	return ok && ok2 && c.Comm == send && len(sel.Body.List) > 1
}

// afterServerClosed reports whether send, with ancestors stack, runs only
// when a server's Serve failed with an error other than
// http.ErrServerClosed, which Serve returns once Shutdown or Close is
// called:
//
//	if err := srv.Serve(ln); err != nil && err != http.ErrServerClosed {
//		errs <- err
//	}
//
// or after if errors.Is(err, http.ErrServerClosed) { return }. The way
// out of the select that abandons the channel is then the server's
// shutdown (tailscale v1.92.0's API server proxy: case <-ctx.Done(), then
// Shutdown), and nothing is sent.
func afterServerClosed(info *types.Info, stack []ast.Node, send *ast.SendStmt) bool {
	var child ast.Node = send
	for i := len(stack) - 1; i >= 0; i-- {
		switch n := stack[i].(type) {
		case *ast.FuncLit:
			return false
		case *ast.IfStmt:
			if child == n.Body && excludesServerClosed(info, n.Cond) {
				return true
			}
		case *ast.BlockStmt:
			for _, st := range n.List {
				if st == child {
					break
				}
				if ifs, ok := st.(*ast.IfStmt); ok && isServerClosed(info, ifs.Cond) && endsInReturn(ifs.Body) {
					return true
				}
			}
		}
		child = stack[i]
	}
	return false
}

// excludesServerClosed reports whether cond holds only when an error is
// not http.ErrServerClosed: err != http.ErrServerClosed or
// !errors.Is(err, http.ErrServerClosed), alone or in a conjunction.
func excludesServerClosed(info *types.Info, cond ast.Expr) bool {
	switch c := ast.Unparen(cond).(type) {
	case *ast.BinaryExpr:
		switch c.Op {
		case token.LAND:
			return excludesServerClosed(info, c.X) || excludesServerClosed(info, c.Y)
		case token.NEQ:
			return isServerClosedVar(info, c.X) || isServerClosedVar(info, c.Y)
		}
	case *ast.UnaryExpr:
		return c.Op == token.NOT && isServerClosed(info, c.X)
	}
	return false
}

// isServerClosed reports whether cond holds when an error is
// http.ErrServerClosed: err == http.ErrServerClosed or
// errors.Is(err, http.ErrServerClosed), alone or in a disjunction.
func isServerClosed(info *types.Info, cond ast.Expr) bool {
	switch c := ast.Unparen(cond).(type) {
	case *ast.BinaryExpr:
		switch c.Op {
		case token.LOR:
			return isServerClosed(info, c.X) || isServerClosed(info, c.Y)
		case token.EQL:
			return isServerClosedVar(info, c.X) || isServerClosedVar(info, c.Y)
		}
	case *ast.CallExpr:
		fn, ok := typeutil.Callee(info, c).(*types.Func)
		return ok && fn.Pkg() != nil && fn.Pkg().Path() == "errors" && fn.Name() == "Is" &&
			len(c.Args) == 2 && isServerClosedVar(info, c.Args[1])
	}
	return false
}

// endsInReturn reports whether b's last statement is a return.
func endsInReturn(b *ast.BlockStmt) bool {
	if len(b.List) == 0 {
		return false
	}
	_, ok := b.List[len(b.List)-1].(*ast.ReturnStmt)
	return ok
}

// isServerClosedVar reports whether e is net/http's ErrServerClosed.
func isServerClosedVar(info *types.Info, e ast.Expr) bool {
	var id *ast.Ident
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		id = x
	case *ast.SelectorExpr:
		id = x.Sel
	default:
		return false
	}
	v, ok := info.Uses[id].(*types.Var)
	return ok && v.Pkg() != nil && v.Pkg().Path() == "net/http" && v.Name() == "ErrServerClosed"
}

func loopIn(stack []ast.Node) bool {
	for _, n := range stack {
		switch n.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			return true
		}
	}
	return false
}

// repeats reports whether send, with ancestors stack, may run again and
// again: it sits in a loop without bound (a for loop without condition, a
// range over a channel), inside a function literal made in that loop or
// with no return or break out of the loop right after it.
func repeats(info *types.Info, stack []ast.Node, send ast.Stmt) bool {
	loop := -1
	for i, n := range stack {
		if isUnboundedLoop(info, n) {
			loop = i
		}
	}
	if loop < 0 {
		return false
	}
	for _, n := range stack[loop+1:] {
		if _, ok := n.(*ast.FuncLit); ok {
			return true // a task made on every iteration
		}
	}
	next := nextStmt(stack, send)
	switch next := next.(type) {
	case *ast.ReturnStmt:
		return false
	case *ast.BranchStmt:
		return next.Tok != token.BREAK && next.Tok != token.GOTO || next.Label == nil && ctxsum.Breakable(stack[loop+1:])
	}
	return true
}

// isUnboundedLoop reports whether n is a for loop without condition or a
// range over a channel.
func isUnboundedLoop(info *types.Info, n ast.Node) bool {
	switch n := n.(type) {
	case *ast.ForStmt:
		return n.Cond == nil
	case *ast.RangeStmt:
		if tv, ok := info.Types[n.X]; ok && tv.Type != nil {
			_, ok := tv.Type.Underlying().(*types.Chan)
			return ok
		}
	}
	return false
}

// nextStmt returns the statement after st in the block or clause that is
// its parent, nil if st is the last or has no such parent.
func nextStmt(stack []ast.Node, st ast.Stmt) ast.Stmt {
	if len(stack) == 0 {
		return nil
	}
	list := passutil.StmtList(stack[len(stack)-1])
	for i, s := range list {
		if s == st && i+1 < len(list) {
			return list[i+1]
		}
	}
	return nil
}

// inLoopOf reports whether n lies in a for or range loop of body.
func inLoopOf(body *ast.BlockStmt, n ast.Node) bool {
	in := false
	ast.PreorderStack(body, nil, func(m ast.Node, stack []ast.Node) bool {
		if m == n {
			in = loopIn(stack)
			return false
		}
		return m.Pos() <= n.Pos() && n.End() <= m.End()
	})
	return in
}

// oneSend reports whether the goroutine g starts is a function literal
// whose body (nested literals included) uses ch in one send statement,
// outside any loop, and nowhere else: a buffer of 1 then lets it finish.
func oneSend(info *types.Info, g *ast.GoStmt, ch *types.Var) bool {
	lit, ok := ast.Unparen(g.Call.Fun).(*ast.FuncLit)
	if !ok {
		return false
	}
	sends, uses := 0, 0
	ast.PreorderStack(lit.Body, nil, func(n ast.Node, stack []ast.Node) bool {
		switch n := n.(type) {
		case *ast.SendStmt:
			if id, ok := ast.Unparen(n.Chan).(*ast.Ident); ok && info.Uses[id] == ch && !loopIn(stack) {
				sends++
			}
		case *ast.Ident:
			if info.Uses[n] == ch {
				uses++
			}
		}
		return true
	})
	return sends == 1 && uses == 1
}

// reportAbandoned reports g; sendsOn tells whether g sends on a channel
// variable.
func reportAbandoned(pass *analysis.Pass, fn function, ch madeChan, u chanUses, g *ast.GoStmt, send ast.Node, fixable bool, sendsOn func(*types.Var) bool) {
	name := ch.v.Name()
	who := fn.name
	if who == "the function literal" {
		who = "the enclosing function literal"
	}
	sel := strconv.Itoa(pass.Fset.Position(u.sel.Pos()).Line)
	why := "may return through another case of the select on line " + sel
	leave := analysis.RelatedInformation{Pos: u.leave.Pos(), End: u.leave.Colon, Message: who + " returns through this case without receiving from " + name}
	if early := earlyReturns(fn.body, g, u.sel); len(early) > 0 {
		// A return between the go statement and the select leaves the
		// sender blocked on every path through it; the other case may
		// not (kratos v1.3.1's Register: it receives from the other
		// channel of the same goroutine, whose two sends exclude each
		// other), so it is named only when it is not the goroutine's.
		why = "may return on " + lineList(pass, early) + ", before the select on line " + sel + " receives from it"
		if !siblingCase(pass.TypesInfo, u.leave, sendsOn) {
			why += ", or through another case of that select"
		}
		leave = analysis.RelatedInformation{Pos: early[0].Pos(), End: early[0].Pos() + token.Pos(len("return")), Message: who + " returns here, before its select, without receiving from " + name}
	}
	msg := "the goroutine started here sends on unbuffered " + name + " (line " + strconv.Itoa(pass.Fset.Position(send.Pos()).Line) +
		"), but " + who + " " + why + ", and then nobody receives and the goroutine blocks forever; give " + name + " a buffer or send in a select"
	var fixes []analysis.SuggestedFix
	if fixable {
		fixes = []analysis.SuggestedFix{bufferFix(ch)}
	}
	reportBlindSend(pass, g, send, msg, leave, fixes)
}

// earlyReturns returns, in source order, the return statements of body
// (outside function literals) that run after the go statement g and
// before the select sel: those in the statements that follow g, or the
// statement holding it, in each enclosing block, up to sel's position.
func earlyReturns(body *ast.BlockStmt, g *ast.GoStmt, sel *ast.SelectStmt) []*ast.ReturnStmt {
	var path []ast.Node
	ast.PreorderStack(body, nil, func(n ast.Node, stack []ast.Node) bool {
		if n == g {
			path = append(slices.Clone(stack), n)
		}
		return path == nil && n.Pos() <= g.Pos() && g.End() <= n.End()
	})
	var out []*ast.ReturnStmt
	for i := len(path) - 2; i >= 0; i-- {
		if _, lit := path[i].(*ast.FuncLit); lit {
			return nil // g runs in a literal: its returns are not fn's
		}
		list := passutil.StmtList(path[i])
		at := slices.IndexFunc(list, func(st ast.Stmt) bool { return ast.Node(st) == path[i+1] })
		if at < 0 {
			continue
		}
		for _, st := range list[at+1:] {
			ast.Inspect(st, func(n ast.Node) bool {
				if n == nil {
					return false
				}
				if r, ok := n.(*ast.ReturnStmt); ok && r.Pos() < sel.Pos() {
					out = append(out, r)
				}
				_, lit := n.(*ast.FuncLit)
				return !lit && n.Pos() < sel.Pos()
			})
		}
	}
	slices.SortFunc(out, func(a, b *ast.ReturnStmt) int { return int(a.Pos() - b.Pos()) })
	return out
}

// siblingCase reports whether the clause c receives from a channel
// variable on which the goroutine sends too (sendsOn): taking it means the
// goroutine sent there, and whether it still sends on the other channel
// cannot be told here.
func siblingCase(info *types.Info, c *ast.CommClause, sendsOn func(*types.Var) bool) bool {
	v := recvVar(info, c)
	return v != nil && sendsOn(v)
}

// lineList names the lines of nodes: "line 4", "lines 4 and 9",
// "lines 4, 9 and 12".
func lineList(pass *analysis.Pass, nodes []*ast.ReturnStmt) string {
	var lines []string
	for _, n := range nodes {
		l := strconv.Itoa(pass.Fset.Position(n.Pos()).Line)
		if !slices.Contains(lines, l) {
			lines = append(lines, l)
		}
	}
	if len(lines) == 1 {
		return "line " + lines[0]
	}
	return "lines " + strings.Join(lines[:len(lines)-1], ", ") + " and " + lines[len(lines)-1]
}

// bufferFix gives the channel a buffer of 1, so that the one send of its
// one goroutine completes whether or not anybody receives.
func bufferFix(ch madeChan) analysis.SuggestedFix {
	edit := analysis.TextEdit{Pos: ch.make.Rparen, End: ch.make.Rparen, NewText: []byte(", 1")}
	if len(ch.make.Args) == 2 {
		edit = analysis.TextEdit{Pos: ch.make.Args[1].Pos(), End: ch.make.Args[1].End(), NewText: []byte("1")}
	}
	return analysis.SuggestedFix{Message: "give " + ch.v.Name() + " a buffer of 1", TextEdits: []analysis.TextEdit{edit}}
}
