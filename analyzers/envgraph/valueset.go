package envgraph

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"github.com/envvet/envvet/internal/passutil"
)

// A typedUse is a place that takes an env value in one form: a parse
// (the call, and the argument holding the value) or a value set (the
// switch or the map lookup, and the value it compares).
type typedUse struct {
	t   Type
	arg ast.Expr
	// span holds the use: uses of the value's variables inside it are
	// the use's own (the switch's cases may log or return the value).
	span [2]token.Pos
	set  bool // a value set: the value flows through case folding
}

// valueSets returns the value sets of the function node n, closures
// included: places that accept a fixed list of string constants and fail
// on any other value.
//
//	switch os.Getenv("LOG_FORMAT") { case "json", "text": ...; default: return fmt.Errorf(...) }
//	lvl, ok := levels[os.Getenv("LOG_LEVEL")]; if !ok { log.Fatalf(...) }
//
// Where the package's inspector is built already, only its statement
// lists are visited, in the same order: not the expressions around them.
func (s *state) valueSets(n ast.Node) []typedUse {
	var out []typedUse
	add := func(list []ast.Stmt) {
		for i, st := range list {
			if u, ok := s.stmtSet(st, list[i+1:]); ok {
				out = append(out, u)
			}
		}
	}
	if s.in != nil && s.in.Built() {
		if cur, ok := s.cursorOf(n); ok {
			for c := range cur.Preorder((*ast.BlockStmt)(nil), (*ast.CaseClause)(nil), (*ast.CommClause)(nil)) {
				add(passutil.StmtList(c.Node()))
			}
			return out
		}
	}
	ast.Inspect(n, func(n ast.Node) bool {
		add(passutil.StmtList(n))
		return true
	})
	return out
}

// stmtSet returns the value set of st, a statement followed by after.
func (s *state) stmtSet(st ast.Stmt, after []ast.Stmt) (typedUse, bool) {
	switch st := st.(type) {
	case *ast.SwitchStmt:
		return s.switchSet(st, after)
	case *ast.AssignStmt:
		// Have: x, ok := m[v]; then if !ok { fail }.
		if len(after) > 0 {
			if ifs, ok := after[0].(*ast.IfStmt); ok && ifs.Init == nil {
				return s.lookupSet(st, ifs, after[1:])
			}
		}
	case *ast.IfStmt:
		// Have: if x, ok := m[v]; !ok { fail }.
		if as, ok := st.Init.(*ast.AssignStmt); ok {
			return s.lookupSet(as, st, after)
		}
		return s.ifChainSet(st, after)
	}
	return typedUse{}, false
}

// switchSet returns the set of a switch on a value whose cases are all
// string constants and which fails on any other value: its default
// fails, or it has none, every case returns, and the statement after the
// switch fails.
func (s *state) switchSet(sw *ast.SwitchStmt, after []ast.Stmt) (typedUse, bool) {
	if sw.Tag == nil || sw.Body == nil || !s.isString(sw.Tag) {
		return typedUse{}, false
	}
	var vals []string
	var def *ast.CaseClause
	returns := true
	for _, st := range sw.Body.List {
		cc, ok := st.(*ast.CaseClause)
		if !ok {
			return typedUse{}, false
		}
		if cc.List == nil {
			def = cc
			continue
		}
		for _, e := range cc.List {
			c, ok := s.constString(e)
			if !ok {
				return typedUse{}, false // a non-constant case: any value may match
			}
			vals = append(vals, c)
		}
		returns = returns && len(cc.Body) > 0 && s.terminates(cc.Body[len(cc.Body)-1])
	}
	switch {
	case !isSet(vals):
		return typedUse{}, false
	case def != nil && !s.fails(def.Body):
		return typedUse{}, false // a default that falls back: every value is accepted
	case def == nil && !(returns && s.fails(after)):
		return typedUse{}, false
	}
	t := Type{Kind: TypeEnum, Enum: sortedSet(vals), By: "switch", Site: s.site(sw)}
	return typedUse{t: t, arg: sw.Tag, span: [2]token.Pos{sw.Pos(), sw.End()}, set: true}, true
}

// isSet reports whether vals, a switch's or an if chain's constants,
// name at least two values besides "": one value (if v == "true" {
// return nil }; return errOff) is a test more often than a list of
// accepted values, and "" is no value.
func isSet(vals []string) bool {
	n := 0
	for _, v := range sortedSet(slices.Clone(vals)) {
		if v != "" {
			n++
		}
	}
	return n >= 2
}

// ifChainSet returns the set of an if-else chain comparing one value with
// string constants, every branch returning, that fails on any other
// value: its final else fails, or it has none and after fails.
//
//	if v == "json" { return j, nil } else if v == "text" || v == "plain" { return t, nil }
//	return nil, fmt.Errorf("unknown format %q", v)
func (s *state) ifChainSet(ifs *ast.IfStmt, after []ast.Stmt) (typedUse, bool) {
	var x ast.Expr
	var vals []string
	for cur := ifs; cur != nil; {
		cx, cv, ok := s.equalities(cur.Cond, 0)
		n := len(cur.Body.List)
		if !ok || cur.Init != nil || x != nil && types.ExprString(x) != types.ExprString(cx) || n == 0 || !s.terminates(cur.Body.List[n-1]) {
			return typedUse{}, false
		}
		x, vals = cx, append(vals, cv...)
		switch e := cur.Else.(type) {
		case *ast.IfStmt:
			cur = e
			continue
		case *ast.BlockStmt:
			after = e.List
		}
		cur = nil
	}
	if !isSet(vals) || !s.fails(after) || !s.isString(x) {
		return typedUse{}, false
	}
	t := Type{Kind: TypeEnum, Enum: sortedSet(vals), By: "if chain", Site: s.site(ifs)}
	return typedUse{t: t, arg: x, span: [2]token.Pos{ifs.Pos(), ifs.End()}, set: true}, true
}

// equalities returns x and the constants of cond, x == "a" or a || of
// such comparisons of the same x.
func (s *state) equalities(cond ast.Expr, depth int) (ast.Expr, []string, bool) {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || depth > maxDepth {
		return nil, nil, false
	}
	switch b.Op {
	case token.LOR:
		x, xs, ok1 := s.equalities(b.X, depth+1)
		y, ys, ok2 := s.equalities(b.Y, depth+1)
		if !ok1 || !ok2 || types.ExprString(x) != types.ExprString(y) {
			return nil, nil, false
		}
		return x, append(xs, ys...), true
	case token.EQL:
		if c, ok := s.constString(b.Y); ok {
			return b.X, []string{c}, true
		}
		if c, ok := s.constString(b.X); ok {
			return b.Y, []string{c}, true
		}
	}
	return nil, nil, false
}

// lookupSet returns the set of x, ok := m[v] (as) whose miss fails: ifs
// tests !ok and fails, or tests ok, returns, and after fails. m is a map
// literal with string constant keys, or a variable set once to one.
func (s *state) lookupSet(as *ast.AssignStmt, ifs *ast.IfStmt, after []ast.Stmt) (typedUse, bool) {
	if len(as.Lhs) != 2 || len(as.Rhs) != 1 {
		return typedUse{}, false
	}
	ix, ok := ast.Unparen(as.Rhs[0]).(*ast.IndexExpr)
	okVar := s.varOf(as.Lhs[1])
	if !ok || okVar == nil || !s.isString(ix.Index) {
		return typedUse{}, false
	}
	keys, ok := s.mapKeys(ix.X)
	if !ok {
		return typedUse{}, false
	}
	neg, ok := s.testsOK(ifs.Cond, okVar)
	switch {
	case !ok || ifs.Else != nil:
		return typedUse{}, false
	case neg && !s.fails(ifs.Body.List):
		return typedUse{}, false
	case !neg && !(len(ifs.Body.List) > 0 && s.terminates(ifs.Body.List[len(ifs.Body.List)-1]) && s.fails(after)):
		return typedUse{}, false
	}
	t := Type{Kind: TypeEnum, Enum: keys, By: "map lookup", Site: s.site(ix)}
	return typedUse{t: t, arg: ix.Index, span: [2]token.Pos{as.Pos(), ifs.End()}, set: true}, true
}

// testsOK reports whether cond is ok or !ok (neg), ok the variable v.
func (s *state) testsOK(cond ast.Expr, v *types.Var) (neg, ok bool) {
	if u, isNot := ast.Unparen(cond).(*ast.UnaryExpr); isNot && u.Op == token.NOT {
		return true, s.varOf(u.X) == v
	}
	return false, s.varOf(cond) == v
}

// mapKeys returns the keys of the map m, sorted: a composite literal
// whose keys are all string constants, or a variable defined as one and
// never written again.
func (s *state) mapKeys(m ast.Expr) ([]string, bool) {
	if v := s.varOf(m); v != nil {
		def, ok := s.defOf(v)
		if !ok || s.writesOf(v) != 1 {
			return nil, false
		}
		m = def
	}
	lit, ok := ast.Unparen(m).(*ast.CompositeLit)
	if !ok || len(lit.Elts) == 0 {
		return nil, false
	}
	if tv, ok := s.info.Types[lit]; !ok || tv.Type == nil {
		return nil, false
	} else if mt, ok := tv.Type.Underlying().(*types.Map); !ok || !isStringType(mt.Key()) {
		return nil, false
	}
	var keys []string
	for _, e := range lit.Elts {
		kv, ok := e.(*ast.KeyValueExpr)
		if !ok {
			return nil, false
		}
		k, ok := s.constString(kv.Key)
		if !ok {
			return nil, false
		}
		keys = append(keys, k)
	}
	return sortedSet(keys), true
}

// fails reports whether stmts, run in order, always end in a failure: a
// return of an error that is not nil, panic, os.Exit, log.Fatal and the
// like. A statement that may branch (if, for, a nested switch) before
// the failure makes it uncertain: false.
func (s *state) fails(stmts []ast.Stmt) bool {
	return failsFirst(stmts, s.returnsError, func(e *ast.ExprStmt) bool {
		call, ok := ast.Unparen(e.X).(*ast.CallExpr)
		return ok && s.isFatal(call)
	})
}

// failsFirst reports whether stmts, run in order, reach a failing
// statement (a return for which ret holds, an expression statement for
// which expr holds) with only assignments, declarations, increments and
// empty statements before it: a statement that may branch first makes
// the failure uncertain.
func failsFirst(stmts []ast.Stmt, ret func(*ast.ReturnStmt) bool, expr func(*ast.ExprStmt) bool) bool {
	for _, st := range stmts {
		switch st := st.(type) {
		case *ast.ReturnStmt:
			return ret(st)
		case *ast.ExprStmt:
			if expr(st) {
				return true
			}
		case *ast.AssignStmt, *ast.DeclStmt, *ast.IncDecStmt, *ast.EmptyStmt:
		default:
			return false
		}
	}
	return false
}

// terminates reports whether st leaves the function: a return, or a call
// that fails.
func (s *state) terminates(st ast.Stmt) bool {
	switch st := st.(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.ExprStmt:
		call, ok := ast.Unparen(st.X).(*ast.CallExpr)
		return ok && s.isFatal(call)
	}
	return false
}

// returnsError reports whether ret returns an error that cannot be nil:
// its last result is a call (fmt.Errorf, errors.New), a package-level
// variable (ErrBadFormat) or an error value built in place (&Error{}).
// A local variable (return err) may be nil.
func (s *state) returnsError(ret *ast.ReturnStmt) bool {
	if len(ret.Results) == 0 {
		return false
	}
	last := ast.Unparen(ret.Results[len(ret.Results)-1])
	tv, ok := s.info.Types[last]
	if !ok || tv.Type == nil || tv.IsNil() || !types.Implements(tv.Type, errorType) {
		return false
	}
	switch e := last.(type) {
	case *ast.CallExpr:
		return !tv.IsType()
	case *ast.UnaryExpr, *ast.CompositeLit:
		return true
	case *ast.Ident, *ast.SelectorExpr:
		id, ok := e.(*ast.Ident)
		if sel, isSel := e.(*ast.SelectorExpr); isSel {
			id, ok = sel.Sel, true
		}
		v, isVar := s.info.Uses[id].(*types.Var)
		return ok && isVar && v.Pkg() != nil && v.Parent() == v.Pkg().Scope()
	}
	return false
}

var errorType = types.Universe.Lookup("error").Type().Underlying().(*types.Interface)

// isFatal reports whether call ends the program or the goroutine with a
// failure: panic, os.Exit, and functions or methods named Fatal, Fatalf,
// Fatalln, Panic, Panicf, Panicln (log, logrus, klog; zap's Fatalw).
func (s *state) isFatal(call *ast.CallExpr) bool {
	if s.callsBuiltin(call, "panic") {
		return true
	}
	fn, ok := s.calleeFunc(call)
	if !ok {
		return false
	}
	if fn.Name() == "Exit" && fn.Pkg() != nil && fn.Pkg().Path() == "os" {
		return true
	}
	return passutil.FatalName(fn.Name())
}

// isString reports whether e is of a string type.
func (s *state) isString(e ast.Expr) bool {
	tv, ok := s.info.Types[e]
	return ok && isStringType(tv.Type)
}

// setType adapts t, a value set, to the flow of the value to it: a value
// lower- or upper-cased on the way is compared in any case; one cut
// (strings.TrimPrefix, Trim with a cut set) is compared in part, and so
// accepts values envvet cannot list.
func setType(t Type, fl *flow) (Type, bool) {
	if fl.cut {
		return Type{}, false
	}
	t.Fold = fl.fold
	return t, true
}

// widens reports whether a variable holding the value is tested outside
// span in a way that may let values the set does not list go another way
// before it: a prefix, a substring, a compare in any case.
func (s *state) widens(vars []*types.Var, span [2]token.Pos) bool {
	for _, v := range vars {
		for _, u := range s.usesOf(v) {
			if u.id.Pos() >= span[0] && u.id.End() <= span[1] {
				continue
			}
			if call, ok := u.parent.(*ast.CallExpr); ok {
				if fn, ok := s.calleeFunc(call); ok && fn.Pkg() != nil && fn.Pkg().Path() == "strings" {
					return true
				}
			}
		}
	}
	return false
}
