package envgraph

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/envvet/envvet/internal/passutil"
)

// markEmptyOff sets Ref.EmptyOff on the reads without a default whose
// empty value the code at the read handles as the setting left off:
//
//	token := strings.TrimSpace(os.Getenv("CLOUD_TOKEN"))
//	if token == "" {
//		return // no backups
//	}
//
//	if url := os.Getenv("CLOUD_URL"); url != "" {
//		cfg.URL = url
//	}
//
// Only the read's own function is looked at, at the read: a helper's
// fallback on its key parameter (getEnvInt(key) returning 0) says nothing
// of what its caller does with the zero.
func (s *state) markEmptyOff() {
	if s.in == nil {
		return
	}
	args := argIndex{s: s}
	for i := range s.refs {
		r := &s.refs[i]
		if r.Kind != Read && r.Kind != Lookup || r.Loader != LoaderOS || r.Dynamic || r.Key == "" || r.HasDefault || r.Required || !r.Pos.IsValid() {
			continue
		}
		call := args.callOf(r.Pos)
		if call == nil || !s.hasArg(call, r.Pos, r.End) {
			continue
		}
		switch {
		case s.isString(call):
			r.EmptyOff = s.emptyOff(call)
		case s.isLookup(call):
			r.EmptyOff = s.lookupOff(call)
		}
	}
}

// An argIndex finds the call of which a read is an argument: the first
// call of s.calls with an argument starting at the read. The first
// maxArgScans reads scan the calls; past them, the map of every
// argument's start (callsByArg), which costs about as much as a dozen
// scans, is built once: most packages have a few reads, a few hundred
// calls and a thousand arguments.
type argIndex struct {
	s     *state
	scans int
	byArg map[token.Pos]*ast.CallExpr
}

const maxArgScans = 8

func (a *argIndex) callOf(pos token.Pos) *ast.CallExpr {
	if a.byArg == nil && a.scans < maxArgScans {
		a.scans++
		for _, c := range a.s.calls {
			for _, arg := range c.call.Args {
				if arg.Pos() == pos {
					return c.call
				}
			}
		}
		return nil
	}
	if a.byArg == nil {
		a.byArg = a.s.callsByArg()
	}
	return a.byArg[pos]
}

// callsByArg maps the start of each call argument to its call.
func (s *state) callsByArg() map[token.Pos]*ast.CallExpr {
	m := make(map[token.Pos]*ast.CallExpr)
	for _, c := range s.calls {
		for _, a := range c.call.Args {
			if _, dup := m[a.Pos()]; !dup {
				m[a.Pos()] = c.call
			}
		}
	}
	return m
}

func (s *state) hasArg(call *ast.CallExpr, pos, end token.Pos) bool {
	for _, a := range call.Args {
		if a.Pos() == pos && a.End() == end {
			return true
		}
	}
	return false
}

// cursorOf returns the cursor of n, a node of the package's files, in
// its inspector: the node FindByPos finds over n's extent, or the one of
// its enclosing nodes of the same extent that is n (a statement holding a
// call and nothing else), which costs about the depth of the tree where
// FindNode scans every node before n; FindNode if the positions do not
// lead to n.
func (s *state) cursorOf(n ast.Node) (inspector.Cursor, bool) {
	root := s.in.Root()
	if pos, end := n.Pos(), n.End(); pos.IsValid() && pos <= end {
		if c, ok := root.FindByPos(pos, end); ok {
			for ; c.Node() != nil; c = c.Parent() {
				if c.Node() == n {
					return c, true
				}
				if c.Node().Pos() != pos || c.Node().End() != end {
					break
				}
			}
		}
	}
	return root.FindNode(n)
}

// isLookup reports whether e's value is a (string, bool) pair, as
// os.LookupEnv's.
func (s *state) isLookup(e ast.Expr) bool {
	tv, ok := s.info.Types[e]
	if !ok {
		return false
	}
	tup, ok := tv.Type.(*types.Tuple)
	if !ok || tup.Len() != 2 || !isStringType(tup.At(0).Type()) {
		return false
	}
	b, ok := tup.At(1).Type().Underlying().(*types.Basic)
	return ok && b.Kind() == types.Bool
}

// A held is the value of a read as the code tests it: the read itself
// (or strings.TrimSpace of it), or the local variable it is assigned to,
// and for os.LookupEnv the variable saying whether the key is set.
type held struct {
	expr ast.Expr   // the read's expression, when tested where it is made
	v    *types.Var // the variable, when held in one
	ok   *types.Var // the bool of v, ok := os.LookupEnv(key)
}

// is reports whether e is the value h holds.
func (s *state) is(h held, e ast.Expr) bool {
	e = ast.Unparen(e)
	if h.v != nil {
		return s.varOf(e) == h.v
	}
	return h.expr != nil && e == h.expr
}

// isOK reports whether e is the bool of h.
func (s *state) isOK(h held, e ast.Expr) bool {
	return h.ok != nil && s.varOf(e) == h.ok
}

// mentionsHeld reports whether n uses h's variables.
func (s *state) mentionsHeld(n ast.Node, h held) bool {
	return h.v != nil && s.mentions(n, h.v) || h.ok != nil && s.mentions(n, h.ok)
}

// lookupOff is emptyOff for v, ok := os.LookupEnv(key) (or var, or =).
func (s *state) lookupOff(call *ast.CallExpr) bool {
	cur, ok := s.cursorOf(call)
	if !ok {
		return false
	}
	switch n := cur.Parent().Node().(type) {
	case *ast.AssignStmt:
		if len(n.Lhs) == 2 && len(n.Rhs) == 1 && (n.Tok == token.DEFINE || n.Tok == token.ASSIGN) {
			return s.heldOff(cur.Parent(), held{v: s.varOf(n.Lhs[0]), ok: s.varOf(n.Lhs[1])})
		}
	case *ast.ValueSpec:
		if len(n.Names) == 2 && len(n.Values) == 1 {
			return s.heldOff(cur.Parent().Parent().Parent(), held{v: s.varOf(n.Names[0]), ok: s.varOf(n.Names[1])})
		}
	}
	return false
}

// emptyOff reports whether the value of call, a read, is handled as the
// setting left off where it is empty (see Ref.EmptyOff).
func (s *state) emptyOff(call *ast.CallExpr) bool {
	cur, ok := s.cursorOf(call)
	if !ok {
		return false
	}
	cur = s.trimmed(cur)
	val := cur.Node().(ast.Expr)
	p := cur.Parent()
	switch n := p.Node().(type) {
	case *ast.BinaryExpr:
		// if os.Getenv("K") != "" { ... }: climb the condition to its if.
		for c := p; c.Valid(); c = c.Parent() {
			switch cn := c.Node().(type) {
			case *ast.BinaryExpr, *ast.ParenExpr:
				continue
			case *ast.IfStmt:
				if cn.Cond.Pos() <= val.Pos() && val.End() <= cn.Cond.End() {
					return s.offAt(cn, held{expr: val}, passutil.StmtsAfter(c))
				}
			}
			return false
		}
	case *ast.AssignStmt:
		if len(n.Lhs) != 1 || len(n.Rhs) != 1 || (n.Tok != token.DEFINE && n.Tok != token.ASSIGN) {
			return false
		}
		return s.heldOff(p, held{v: s.varOf(n.Lhs[0])})
	case *ast.ValueSpec:
		if len(n.Names) != 1 || len(n.Values) != 1 {
			return false
		}
		return s.heldOff(p.Parent().Parent(), held{v: s.varOf(n.Names[0])})
	}
	return false
}

// trimmed climbs from a read to the value the code keeps of it: through
// parentheses and the string functions of package strings that take it
// first (TrimSpace, ToLower, Trim(v, "/")).
func (s *state) trimmed(cur inspector.Cursor) inspector.Cursor {
	for {
		p := cur.Parent()
		switch n := p.Node().(type) {
		case *ast.ParenExpr:
			cur = p
			continue
		case *ast.CallExpr:
			if len(n.Args) > 0 && n.Args[0] == cur.Node() && s.isString(n) {
				if fn, ok := s.calleeFunc(n); ok && fn.Pkg() != nil && fn.Pkg().Path() == "strings" {
					cur = p
					continue
				}
			}
		}
		return cur
	}
}

// heldOff reports whether the variables of h, given the read's value by
// the statement at st, are tested by the next statement that mentions
// them, an if that handles the empty value as the setting left off. st
// may be the init of that if.
func (s *state) heldOff(st inspector.Cursor, h held) bool {
	if h.v != nil && !isLocalString(h.v) || h.v == nil && h.ok == nil {
		return false
	}
	if st.ParentEdgeKind() == edge.IfStmt_Init {
		return s.offAt(st.Parent().Node().(*ast.IfStmt), h, passutil.StmtsAfter(st.Parent()))
	}
	rest := passutil.StmtsAfter(st)
	for i, next := range rest {
		if !s.mentionsHeld(next, h) {
			continue
		}
		ifs, ok := next.(*ast.IfStmt)
		return ok && (ifs.Init == nil || !s.mentionsHeld(ifs.Init, h)) && s.offAt(ifs, h, rest[i+1:])
	}
	return false
}

// offAt reports whether ifs, the test of h's value, handles the empty
// value as the setting left off; rest follows ifs in its list.
func (s *state) offAt(ifs *ast.IfStmt, h held, rest []ast.Stmt) bool {
	switch {
	case s.whenEmpty(ifs.Cond, h):
		return s.emptyPathOff(ifs.Body.List, h)
	case s.onlySet(ifs.Cond, h) || h.v == nil && s.setAmong(ifs.Cond, h):
		// The empty value goes to the else branch, or on to rest.
		if ifs.Else != nil && (s.mayFail(ifs.Else) || s.mentionsHeld(ifs.Else, h)) {
			return false
		}
		if s.mentionsHeld(stmts(rest), h) {
			return false // the value is used, empty or not
		}
		// When the body leaves, rest runs only for the empty value; it
		// may try other sources and fail if they fail too, but not fail
		// at once.
		return !endsInLeave(ifs.Body.List) || !s.failsAtOnce(rest)
	}
	return false
}

// emptyPathOff reports whether list, which runs when h's value is empty,
// leaves without failing, or gives h's variable a value of its own: a
// constant or any expression but a read (if v == "" { v = "local" }), or
// a read whose empty value it handles so in turn (the alias chain
// if v == "" { v = os.Getenv("OLD"); if v == "" { return nil } }).
func (s *state) emptyPathOff(list []ast.Stmt, h held) bool {
	if s.mayFail(stmts(list)) {
		return false
	}
	if endsInLeave(list) {
		return s.leavesQuietly(list[len(list)-1], h)
	}
	if h.v == nil {
		return true // the value is only compared, and the branch does not fail
	}
	for i, st := range list {
		as, ok := st.(*ast.AssignStmt)
		if !ok || as.Tok != token.ASSIGN || len(as.Lhs) != 1 || len(as.Rhs) != 1 || s.varOf(as.Lhs[0]) != h.v {
			continue
		}
		if !s.readCall(as.Rhs[0]) {
			return true
		}
		for _, next := range list[i+1:] {
			if s.mentions(next, h.v) {
				ifs, ok := next.(*ast.IfStmt)
				return ok && ifs.Init == nil && s.whenEmpty(ifs.Cond, h) && s.emptyPathOff(ifs.Body.List, h)
			}
		}
		return false
	}
	return false
}

// leavesQuietly reports whether last, the statement that ends the empty
// path, does not hand the empty value on: a return of the value itself
// or of "" leaves the decision to the caller, which is not followed.
func (s *state) leavesQuietly(last ast.Stmt, h held) bool {
	ret, ok := last.(*ast.ReturnStmt)
	if !ok {
		return true // break, continue, goto
	}
	for _, r := range ret.Results {
		if s.is(h, r) || s.isEmptyString(r) {
			return false
		}
	}
	return true
}

// readCall reports whether e is a call that reads the environment, whose
// value may be empty in turn: a read reference lies inside it. Any other
// expression (a constant, os.Getenv("HOME") + "/.kube/config") is a
// value of the code's own.
func (s *state) readCall(e ast.Expr) bool {
	if _, ok := ast.Unparen(e).(*ast.CallExpr); !ok {
		return false
	}
	for _, r := range s.refs {
		if r.Kind.IsRead() && e.Pos() <= r.Pos && r.End <= e.End() {
			return true
		}
	}
	return false
}

// whenEmpty reports whether cond holds whenever h's value is empty:
// v == "", len(v) == 0, !ok, or a || with such a side, an && of two.
func (s *state) whenEmpty(cond ast.Expr, h held) bool {
	if u, ok := ast.Unparen(cond).(*ast.UnaryExpr); ok {
		return u.Op == token.NOT && s.isOK(h, u.X) // !ok
	}
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok {
		return false
	}
	switch b.Op {
	case token.LOR:
		return s.whenEmpty(b.X, h) || s.whenEmpty(b.Y, h)
	case token.LAND:
		return s.whenEmpty(b.X, h) && s.whenEmpty(b.Y, h)
	case token.EQL:
		return s.comparesEmpty(b, h)
	}
	return false
}

// onlySet reports whether cond holds only when h's value is set: v !=
// "", len(v) > 0, ok, or an && with such a side, an || of two.
func (s *state) onlySet(cond ast.Expr, h held) bool {
	if s.isOK(h, cond) {
		return true // ok
	}
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok {
		return false
	}
	switch b.Op {
	case token.LAND:
		return s.onlySet(b.X, h) || s.onlySet(b.Y, h)
	case token.LOR:
		return s.onlySet(b.X, h) && s.onlySet(b.Y, h)
	case token.NEQ, token.GTR:
		return s.comparesEmpty(b, h)
	}
	return false
}

// setAmong reports whether cond holds when h's value is set, or when
// another condition holds: os.Getenv("K") != "" || *token != "". Only
// for a read whose value no variable holds: the body cannot use it.
func (s *state) setAmong(cond ast.Expr, h held) bool {
	if s.onlySet(cond, h) {
		return true
	}
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	return ok && b.Op == token.LOR && (s.setAmong(b.X, h) || s.setAmong(b.Y, h))
}

// failsAtOnce reports whether list, run in order, fails before any
// statement that may branch: a return of an error, a fatal call (see
// mayFail), after plain assignments and declarations only.
func (s *state) failsAtOnce(list []ast.Stmt) bool {
	return failsFirst(list,
		func(r *ast.ReturnStmt) bool { return s.mayFail(r) },
		func(e *ast.ExprStmt) bool { return s.mayFail(e) })
}

// comparesEmpty reports whether b compares h's value with "" or its
// length with 0 (the operator is the caller's).
func (s *state) comparesEmpty(b *ast.BinaryExpr, h held) bool {
	x, y := ast.Unparen(b.X), ast.Unparen(b.Y)
	if s.isEmptyString(x) {
		x, y = y, x
	}
	if call, ok := x.(*ast.CallExpr); ok && len(call.Args) == 1 && s.callsBuiltin(call, "len") {
		tv, ok := s.info.Types[y]
		return s.is(h, call.Args[0]) && ok && tv.Value != nil && tv.Value.ExactString() == "0"
	}
	return b.Op != token.GTR && s.is(h, x) && s.isEmptyString(y)
}

func (s *state) isEmptyString(e ast.Expr) bool {
	v, ok := s.constString(e)
	return ok && v == ""
}

// endsInLeave reports whether list ends in a return or a branch.
func endsInLeave(list []ast.Stmt) bool {
	if len(list) == 0 {
		return false
	}
	switch last := list[len(list)-1].(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.BranchStmt:
		return last.Tok != token.FALLTHROUGH
	}
	return false
}

// stmts wraps a list of statements as one node, for inspection.
func stmts(list []ast.Stmt) ast.Node { return &ast.BlockStmt{List: list} }

// mentions reports whether n uses v, outside function literals too.
func (s *state) mentions(n ast.Node, v *types.Var) bool {
	return passutil.Contains(n, true, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		return ok && s.info.Uses[id] == v
	})
}

// mayFail reports whether n, code on an empty value's path, fails: it
// makes or passes an error (fmt.Errorf, errors.New, a sentinel), panics,
// or calls a function named like a fatal log, an exit or a usage
// message (log.Fatal, os.Exit, klog.Exitf, logger.Error, flag.Usage).
// Function literals are not entered: they run later, if ever.
func (s *state) mayFail(n ast.Node) bool {
	return passutil.Contains(n, false, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && (s.isFatal(call) || failsName(passutil.CalleeName(call.Fun))) {
			return true
		}
		e, ok := n.(ast.Expr)
		return ok && s.isError(e)
	})
}

// failsName reports whether a function's name says it fails, in either
// case: Fatal..., Panic..., Exit..., Error... (a logged error), Crit...
// (log15's Crit), or a usage or help message (usage, printUsage,
// flag.Usage, cobra's cmd.Help).
func failsName(name string) bool {
	lower := strings.ToLower(name)
	for _, p := range []string{"fatal", "panic", "exit", "error", "crit"} {
		if strings.HasPrefix(lower, p) {
			return true
		}
	}
	return strings.Contains(lower, "usage") || strings.Contains(lower, "help")
}

// isError reports whether e is a value of a type that implements error,
// other than nil.
func (s *state) isError(e ast.Expr) bool {
	tv, ok := s.info.Types[e]
	if !ok || !tv.IsValue() || tv.IsNil() || tv.Type == nil {
		return false
	}
	return types.Implements(tv.Type, errorType)
}
