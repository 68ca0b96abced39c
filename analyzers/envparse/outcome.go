package envparse

import (
	"go/ast"
	"go/token"
	"go/types"
	"iter"
	"math"
	"slices"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/envvet/envvet/internal/passutil"
)

// An outcome is what the code does with a parse's report of a bad value.
type outcome uint8

const (
	outcomeHandled outcome = iota // returned, logged, failed on, passed on: anything but the two below
	outcomeDropped                // assigned to _, a statement of its own, or never read
	outcomeSilent                 // only compared with nil, and the bad branch neither fails nor passes it on
)

// classify sets p's outcome; c is the parse call's cursor.
func (s *state) classify(c inspector.Cursor, p *parseSite, sc *scope) {
	call := p.call
	parent := c.Parent()
	for {
		if _, ok := parent.Node().(*ast.ParenExpr); !ok {
			break
		}
		parent = parent.Parent()
	}
	var target ast.Expr
	switch n := parent.Node().(type) {
	case *ast.ExprStmt:
		p.outcome = outcomeDropped
		return
	case *ast.AssignStmt, *ast.ValueSpec:
		lhs, rhs := passutil.AssignSides(n)
		target = resultTarget(lhs, rhs, call, p.parser.res)
	case *ast.BinaryExpr:
		// if json.Unmarshal(b, &v) != nil { ... }
		if p.parser.res == 0 && !p.parser.nilCheck {
			p.outcome = s.compare(parent, sc, p)
			return
		}
	}
	id, ok := target.(*ast.Ident)
	switch {
	case !ok:
		p.outcome = outcomeHandled
	case id.Name == "_":
		if p.parser.nilCheck {
			p.outcome = outcomeHandled // ill-typed, or a discarded IP
		} else {
			p.outcome = outcomeDropped
		}
	default:
		p.outcome = s.classifyVar(id, call.End(), sc, p)
		if p.outcome != outcomeDropped && s.overwritten(parent, id) {
			p.outcome = outcomeDropped
		}
	}
}

// overwritten reports whether the variable id, assigned by the statement
// at stmt, is assigned again by a later statement of the same block before
// anything reads it: n, err := f(a); m, err := f(b); if err != nil ...
func (s *state) overwritten(stmt inspector.Cursor, id *ast.Ident) bool {
	obj := s.info.Defs[id]
	if obj == nil {
		obj = s.info.Uses[id]
	}
	if obj == nil {
		return false
	}
	for _, st := range passutil.StmtsAfter(stmt) {
		read, written := false, false
		ast.Inspect(st, func(n ast.Node) bool {
			use, ok := n.(*ast.Ident)
			if !ok || s.info.Uses[use] != obj {
				return !read
			}
			if as, ok := st.(*ast.AssignStmt); ok && isLHS(as, use) {
				written = true
			} else {
				read = true
			}
			return !read
		})
		if read {
			return false
		}
		if written {
			return true
		}
	}
	return false
}

// resultTarget returns the expression the result res of call is assigned
// to, nil if none.
func resultTarget(lhs, rhs []ast.Expr, call *ast.CallExpr, res int) ast.Expr {
	if len(rhs) == 1 && ast.Unparen(rhs[0]) == call && len(lhs) > 1 && res < len(lhs) {
		return ast.Unparen(lhs[res])
	}
	if len(lhs) == len(rhs) && res == 0 {
		for i, r := range rhs {
			if ast.Unparen(r) == call {
				return ast.Unparen(lhs[i])
			}
		}
	}
	return nil
}

// classifyVar returns the outcome of the variable id holding a parse's
// error (or net.ParseIP's result), from its reads after the parse.
func (s *state) classifyVar(id *ast.Ident, after token.Pos, sc *scope, p *parseSite) outcome {
	obj := s.info.Defs[id]
	if obj == nil {
		obj = s.info.Uses[id]
	}
	v, ok := obj.(*types.Var)
	if !ok || v == nil || sc.decl == nil || v.Parent() == s.pass.Pkg.Scope() {
		return outcomeHandled // a package variable: anyone may read it
	}
	if v.Parent() != nil && !(sc.decl.Pos() <= v.Parent().Pos() && v.Parent().End() <= sc.decl.End()) {
		return outcomeHandled // declared outside the function: a named result, or captured
	}
	if isResult(sc, v) {
		return outcomeHandled // a named result: returned by a bare return
	}
	reads, silent := 0, false
	until := s.reassigned(p.cur, v)
	for c := range sc.cur.Preorder((*ast.Ident)(nil)) {
		use := c.Node().(*ast.Ident)
		if use.Pos() < after || use.Pos() >= until || s.info.Uses[use] != v {
			continue
		}
		parent := c.Parent()
		for {
			if _, ok := parent.Node().(*ast.ParenExpr); !ok {
				break
			}
			parent = parent.Parent()
		}
		if as, ok := parent.Node().(*ast.AssignStmt); ok && (isLHS(as, use) || allBlank(as.Lhs)) {
			continue // err = nil, a write; _ = err, a drop
		}
		if _, ok := parent.Node().(*ast.BinaryExpr); !ok {
			if p.parser.nilCheck && !s.checksIP(parent.Node(), use) {
				continue // cfg.IP = ip, return ip, dial(ip): used as if valid
			}
			return outcomeHandled
		}
		reads++
		switch s.compare(parent, sc, p) {
		case outcomeHandled:
			return outcomeHandled
		case outcomeSilent:
			silent = true
		}
	}
	switch {
	case reads == 0:
		// n, err := strconv.Atoi(v) with err never read, or
		// ip := net.ParseIP(v) never compared with nil
		return outcomeDropped
	case silent:
		return outcomeSilent
	}
	return outcomeHandled
}

// reassigned returns where a later statement of the parse's block
// assigns v again (authTimeout, err := time.ParseDuration(...) after
// tls, err := strconv.ParseBool(...)): the reads after it are the new
// value's. It returns the largest Pos (no limit) when none does.
func (s *state) reassigned(parse inspector.Cursor, v *types.Var) token.Pos {
	if parse.Inspector() == nil {
		return token.Pos(math.MaxInt) // a loader's call: no cursor
	}
	stmt := parse.Parent()
	for {
		if _, ok := stmt.Node().(ast.Stmt); ok || stmt.Node() == nil {
			break
		}
		stmt = stmt.Parent()
	}
	if stmt.Node() == nil {
		return token.Pos(math.MaxInt)
	}
	for _, st := range passutil.StmtsAfter(stmt) {
		as, ok := st.(*ast.AssignStmt)
		if !ok {
			continue
		}
		for _, l := range as.Lhs {
			if id, ok := ast.Unparen(l).(*ast.Ident); ok && s.info.Uses[id] == v {
				return as.Pos()
			}
		}
	}
	return token.Pos(math.MaxInt)
}

// checksIP reports whether parent, the node around a read of the
// net.IP ip, may check it: len(ip), or a method such as ip.To4().
func (s *state) checksIP(parent ast.Node, ip *ast.Ident) bool {
	switch n := parent.(type) {
	case *ast.SelectorExpr:
		return n.X == ip
	case *ast.CallExpr:
		if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok {
			if b, ok := s.info.Uses[id].(*types.Builtin); ok && b.Name() == "len" {
				return true
			}
		}
	}
	return false
}

func allBlank(lhs []ast.Expr) bool {
	for _, l := range lhs {
		if id, ok := ast.Unparen(l).(*ast.Ident); !ok || id.Name != "_" {
			return false
		}
	}
	return true
}

func isLHS(as *ast.AssignStmt, id *ast.Ident) bool {
	for _, l := range as.Lhs {
		if ast.Unparen(l) == id {
			return true
		}
	}
	return false
}

func isResult(sc *scope, v *types.Var) bool {
	for r := range sc.results() {
		if r == v {
			return true
		}
	}
	return false
}

// results returns the results of sc's function (none when unknown).
func (sc *scope) results() iter.Seq[*types.Var] {
	if sc.obj != nil {
		if sig, ok := sc.obj.Type().(*types.Signature); ok {
			return sig.Results().Variables()
		}
	}
	return func(func(*types.Var) bool) {}
}

// compare returns the outcome of bin, a comparison of a parse's error
// (or result) with nil: silent when it decides an if (alone, err == nil
// among &&, or err != nil among ||) whose branch taken on a bad value
// neither fails nor returns an error, and then sets p's fallback and
// bad path.
func (s *state) compare(bin inspector.Cursor, sc *scope, p *parseSite) outcome {
	be, ok := bin.Node().(*ast.BinaryExpr)
	if !ok || (be.Op != token.EQL && be.Op != token.NEQ) || !(s.isNil(be.X) || s.isNil(be.Y)) {
		return outcomeHandled
	}
	badTrue := be.Op == token.NEQ != p.parser.nilCheck // err != nil, ip == nil
	parent, ok := decidedIf(bin, badTrue)
	if !ok {
		return outcomeHandled
	}
	ifs := parent.Node().(*ast.IfStmt)
	var path []ast.Stmt
	kind := pathBody
	switch {
	case badTrue:
		path = ifs.Body.List
	case ifs.Else != nil:
		path, kind = []ast.Stmt{ifs.Else}, pathElse
	default:
		path, kind = passutil.StmtsAfter(parent), pathAfter
	}
	if kind == pathAfter && !terminates(ifs.Body) {
		// Good values run these statements too: only what names the
		// value says anything of a bad one.
		if s.namesValueAfter(path, ifs, sc, p) {
			return outcomeHandled
		}
	} else if s.fails(path, sc) {
		return outcomeHandled
	}
	if p.fallbackParam < 0 && p.fallback == "" {
		p.fallbackParam, p.fallback = s.fallbackOf(path, sc)
	}
	if p.badKind == pathNone {
		p.badPath, p.badKind, p.badIf, p.badIn = path, kind, parent, sc
	}
	return outcomeSilent
}

// decidedIf returns the if statement whose condition the comparison at
// bin decides on a bad value: the whole condition, or an operand of ||
// when a bad value makes the comparison true (err != nil), of && when it
// makes it false (err == nil).
func decidedIf(bin inspector.Cursor, badTrue bool) (inspector.Cursor, bool) {
	child, parent := bin.Node(), bin.Parent()
	for {
		switch n := parent.Node().(type) {
		case *ast.ParenExpr:
		case *ast.BinaryExpr:
			if !(n.Op == token.LAND && !badTrue || n.Op == token.LOR && badTrue) {
				return parent, false
			}
		case *ast.IfStmt:
			e, ok := child.(ast.Expr)
			return parent, ok && ast.Unparen(n.Cond) == ast.Unparen(e)
		default:
			return parent, false
		}
		child, parent = parent.Node(), parent.Parent()
	}
}

// A pathKind says where a bad value goes after the parse's if.
type pathKind uint8

const (
	pathNone  pathKind = iota
	pathBody           // the if's body: if err != nil { ... }
	pathElse           // its else: if err == nil { ... } else { ... }
	pathAfter          // the statements after it, taken by good values too
)

func (s *state) isNil(e ast.Expr) bool {
	tv, ok := s.info.Types[e]
	return ok && tv.IsNil()
}

// fails reports whether the statements of path, taken on a bad value,
// stop the program or report the failure: panic, os.Exit, a Fatal, Panic
// or Exit function or method, a log call, or a return of a non-nil error
// (a bare return of a function with an error result counts).
func (s *state) fails(path []ast.Stmt, sc *scope) bool {
	return s.reports(path, sc, nil)
}

// reports reports whether the statements of path, outside function
// literals, fail or report: a failure or log call, or a return of a
// non-nil error. With names non-nil, only those whose arguments or
// results it accepts count, and an if whose condition it accepts and
// whose branches fail; a bare return does not (it names nothing).
func (s *state) reports(path []ast.Stmt, sc *scope, names func(ast.Expr) bool) bool {
	named := func(e ast.Expr) bool { return names == nil || names(e) }
	found := false
	for _, st := range path {
		ast.Inspect(st, func(n ast.Node) bool {
			if found {
				return false
			}
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.CallExpr:
				found = (isFailCall(s.info, n) || isLogCall(s.info, n)) && (names == nil || slices.ContainsFunc(n.Args, names))
			case *ast.ReturnStmt:
				found = names == nil && len(n.Results) == 0 && hasErrorResult(sc)
				for _, r := range n.Results {
					if tv, ok := s.info.Types[r]; ok && !tv.IsNil() && isError(tv.Type) && named(r) {
						found = true
					}
				}
			case *ast.IfStmt:
				found = names != nil && names(n.Cond) && s.fails(ifBranches(n), sc)
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

// ifBranches returns the body of n and its else, if any.
func ifBranches(n *ast.IfStmt) []ast.Stmt {
	if n.Else != nil {
		return []ast.Stmt{n.Body, n.Else}
	}
	return []ast.Stmt{n.Body}
}

// isFailCall reports whether call stops the program or the test.
func isFailCall(info *types.Info, call *ast.CallExpr) bool {
	var name string
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		if b, ok := info.Uses[fun].(*types.Builtin); ok && b.Name() == "panic" {
			return true
		}
		name = fun.Name
	case *ast.SelectorExpr:
		name = fun.Sel.Name
	default:
		return false
	}
	switch name {
	case "Exit", "Exitf", "FatalContext", "DPanic", "DPanicf", "Must", "MustParse":
		return true
	}
	return passutil.FatalName(name)
}

// isLogCall reports whether call logs at a level someone reads: a
// function or method named Print, Info, Warn, Warning or Error (with f,
// ln, w, Context suffixes), fmt.Errorf excepted.
func isLogCall(info *types.Info, call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	name := sel.Sel.Name
	for _, suffix := range []string{"Context", "ln", "f", "w"} {
		name = strings.TrimSuffix(name, suffix)
	}
	switch name {
	case "Print", "Info", "Warn", "Warning", "Error", "Log":
	default:
		return false
	}
	if fn, ok := info.Uses[sel.Sel].(*types.Func); ok && fn.Pkg() != nil && (fn.Pkg().Path() == "fmt" || fn.Pkg().Path() == "errors") {
		return false // fmt.Errorf builds an error; fmt.Print writes to stdout
	}
	return true
}

func hasErrorResult(sc *scope) bool {
	for r := range sc.results() {
		if isError(r.Type()) {
			return true
		}
	}
	return false
}

var errorType = types.Universe.Lookup("error").Type().Underlying().(*types.Interface)

// isError reports whether t is error or implements it.
func isError(t types.Type) bool {
	return t != nil && types.Implements(t, errorType)
}

// fallbackOf returns what a bad value runs as on path: the parameter (or
// constant) the first return gives, else the first single assignment's.
func (s *state) fallbackOf(path []ast.Stmt, sc *scope) (param int, text string) {
	var ret *ast.ReturnStmt
	var asg *ast.AssignStmt
	for _, st := range path {
		ast.Inspect(st, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ReturnStmt:
				if ret == nil {
					ret = n
				}
			case *ast.AssignStmt:
				if asg == nil && len(n.Lhs) == 1 && len(n.Rhs) == 1 {
					asg = n
				}
			}
			return ret == nil
		})
		if ret != nil {
			break
		}
	}
	var e ast.Expr
	switch {
	case ret != nil && len(ret.Results) > 0:
		e = ret.Results[0]
	case ret == nil && asg != nil:
		e = asg.Rhs[0]
	default:
		return -1, ""
	}
	if id, ok := ast.Unparen(e).(*ast.Ident); ok {
		if v, ok := s.info.Uses[id].(*types.Var); ok {
			if i, ok := s.paramsOf(sc)[v]; ok {
				return i, ""
			}
		}
	}
	if s.isConst(e) {
		return -1, shortExpr(e)
	}
	return -1, ""
}
