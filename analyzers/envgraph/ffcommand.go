package envgraph

import (
	"go/ast"
	"go/token"
	"go/types"
)

// ffPath4 is ff v4's package, whose Command parses a tree of commands.
const ffPath4 = "github.com/peterbourgon/ff/v4"

// An ffTree resolves the commands of an ff v4 command tree built in the
// package: ff.Command literals, the variables and fields they are
// assigned to, and the Flags and Subcommands fields set on them.
type ffTree struct {
	s       *state
	assigns []fieldAssign // X.F = value statements of the package
	seen    map[any]bool  // the literals and variables already walked
	flags   []ast.Expr    // the flag sets found
}

// A fieldAssign is one assignment to a field: lhs = value.
type fieldAssign struct {
	lhs   *ast.SelectorExpr
	value ast.Expr
}

// ffCommandCall records the keys of an ff v4 command tree that
// cmd.Parse(args, options...) or cmd.ParseAndRun(ctx, args, options...)
// reads with WithEnvVars or WithEnvVarPrefix: Parse parses cmd's flag set
// and then that of the subcommand its arguments select, with the same
// options, so each flag of a command reachable from cmd through
// Subcommands has its key. cmd's other methods read none.
func (s *state) ffCommandCall(call *ast.CallExpr, fn *types.Func) bool {
	first := 1
	switch fn.Name() {
	case "Parse":
	case "ParseAndRun":
		first = 2
	default:
		return true
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || len(call.Args) < first {
		return true
	}
	opts := call.Args[first:]
	if call.Ellipsis.IsValid() {
		if len(opts) != 1 {
			return true
		}
		opts = s.optionList(opts[0])
	}
	p, ok := s.ffOptions(opts)
	if !ok {
		return true
	}
	p.load, p.loadFunc = call, "ff.Command."+fn.Name()
	t := &ffTree{s: s, assigns: s.fieldAssigns(), seen: make(map[any]bool)}
	t.walk(sel.X, 0)
	for _, fs := range t.flags {
		p.fs = fs
		s.ffFlags(p)
	}
	return true
}

// isFFCommandMethod reports whether fn is a method of ff v4's *Command.
func isFFCommandMethod(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil || fn.Pkg() == nil || fn.Pkg().Path() != ffPath4 {
		return false
	}
	n, ok := types.Unalias(deref(sig.Recv().Type())).(*types.Named)
	return ok && n.Obj().Name() == "Command"
}

// walk adds the flag sets of the command e denotes and of its
// subcommands.
func (t *ffTree) walk(e ast.Expr, depth int) {
	e = unAddr(e)
	if depth > maxNesting || t.visited(e) {
		return
	}
	for _, lit := range t.commandLits(e, 0) {
		f := litFields(lit)
		t.addFlags(f["Flags"])
		for _, sub := range t.subcommands(f["Subcommands"], 0) {
			t.walk(sub, depth+1)
		}
	}
	for _, a := range t.assigns {
		if !t.isCommandField(a.lhs) || !t.s.sameValue(a.lhs.X, e) {
			continue
		}
		switch a.lhs.Sel.Name {
		case "Flags":
			t.addFlags(a.value)
		case "Subcommands":
			for _, sub := range t.subcommands(a.value, 0) {
				t.walk(sub, depth+1)
			}
		}
	}
}

// visited reports whether the literal or variable e names was walked
// already, and marks it walked.
func (t *ffTree) visited(e ast.Expr) bool {
	var key any = e
	if id, ok := e.(*ast.Ident); ok {
		if obj := t.s.objOf(id); obj != nil {
			key = obj
		}
	}
	if t.seen[key] {
		return true
	}
	t.seen[key] = true
	return false
}

// addFlags notes the flag set fs, unwrapping ff.NewFlagSetFrom(name,
// std), whose flags are those of the standard *flag.FlagSet std.
func (t *ffTree) addFlags(fs ast.Expr) {
	if fs == nil {
		return
	}
	if c, ok := ast.Unparen(fs).(*ast.CallExpr); ok && len(c.Args) == 2 {
		fn, ok := t.s.calleeFunc(c)
		if ok && fn.Pkg() != nil && fn.Pkg().Path() == ffPath4 && fn.Name() == "NewFlagSetFrom" && t.isStdFlagSet(c.Args[1]) {
			fs = c.Args[1]
		}
	}
	t.flags = append(t.flags, fs)
}

// isStdFlagSet reports whether e is a *flag.FlagSet.
func (t *ffTree) isStdFlagSet(e ast.Expr) bool {
	tv, ok := t.s.info.Types[e]
	if !ok || tv.Type == nil {
		return false
	}
	n, ok := types.Unalias(deref(tv.Type)).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "flag" && n.Obj().Name() == "FlagSet"
}

// commandLits returns the ff.Command literals e may hold: e itself, the
// values assigned to its variable or field, the results of the
// package's function it calls.
func (t *ffTree) commandLits(e ast.Expr, depth int) []*ast.CompositeLit {
	e = unAddr(e)
	if depth > maxDepth {
		return nil
	}
	var values []ast.Expr
	switch x := e.(type) {
	case *ast.CompositeLit:
		if t.isCommandLit(x) {
			return []*ast.CompositeLit{x}
		}
		return nil
	case *ast.Ident:
		if v := t.s.varOf(x); v != nil {
			for _, set := range t.s.setsOf(v) {
				values = append(values, set.value)
			}
		}
	case *ast.SelectorExpr:
		for _, a := range t.assigns {
			if t.s.sameValue(a.lhs, x) {
				values = append(values, a.value)
			}
		}
	case *ast.CallExpr:
		values = t.results(x)
	}
	var out []*ast.CompositeLit
	for _, v := range values {
		out = append(out, t.commandLits(v, depth+1)...)
	}
	return out
}

// results returns the first result of each return statement of the
// package's function call calls.
func (t *ffTree) results(call *ast.CallExpr) []ast.Expr {
	fn, ok := t.s.calleeFunc(call)
	if !ok {
		return nil
	}
	info := t.s.byObj[fn]
	if info == nil {
		return nil
	}
	var out []ast.Expr
	for _, r := range info.returns {
		if len(r.Results) > 0 {
			out = append(out, r.Results[0])
		}
	}
	return out
}

// subcommands returns the commands of a Subcommands value: the elements
// of a slice literal, the commands appended (append(cmd.Subcommands, a,
// b)), and those of the slices a variable holds.
func (t *ffTree) subcommands(e ast.Expr, depth int) []ast.Expr {
	if e == nil || depth > maxDepth {
		return nil
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		return x.Elts
	case *ast.CallExpr:
		if !t.s.callsBuiltin(x, "append") || len(x.Args) < 2 {
			return nil
		}
		if x.Ellipsis.IsValid() {
			return t.subcommands(x.Args[1], depth+1)
		}
		return x.Args[1:]
	case *ast.Ident:
		var out []ast.Expr
		if v := t.s.varOf(x); v != nil {
			for _, set := range t.s.setsOf(v) {
				out = append(out, t.subcommands(set.value, depth+1)...)
			}
		}
		return out
	}
	return nil
}

// isCommandLit reports whether lit is an ff v4 Command.
func (t *ffTree) isCommandLit(lit *ast.CompositeLit) bool {
	tv, ok := t.s.info.Types[lit]
	if !ok || tv.Type == nil {
		return false
	}
	n, ok := types.Unalias(tv.Type).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == ffPath4 && n.Obj().Name() == "Command"
}

// isCommandField reports whether sel selects a field of ff v4's Command.
func (t *ffTree) isCommandField(sel *ast.SelectorExpr) bool {
	v, ok := t.s.info.Uses[sel.Sel].(*types.Var)
	if !ok || !v.IsField() || v.Pkg() == nil || v.Pkg().Path() != ffPath4 {
		return false
	}
	tv, ok := t.s.info.Types[sel.X]
	if !ok || tv.Type == nil {
		return false
	}
	n, ok := types.Unalias(deref(tv.Type)).(*types.Named)
	return ok && n.Obj().Name() == "Command"
}

// fieldAssigns returns the package's assignments of one value to a field
// (cfg.Command = &ff.Command{...}, root.Subcommands = append(...)).
func (s *state) fieldAssigns() []fieldAssign {
	if s.in == nil {
		return nil
	}
	var out []fieldAssign
	for cur := range s.in.Root().Preorder((*ast.AssignStmt)(nil)) {
		as := cur.Node().(*ast.AssignStmt)
		if as.Tok != token.ASSIGN || len(as.Lhs) != len(as.Rhs) {
			continue
		}
		for i, lhs := range as.Lhs {
			if sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr); ok {
				out = append(out, fieldAssign{sel, as.Rhs[i]})
			}
		}
	}
	return out
}

// unAddr returns e without parentheses and a leading &.
func unAddr(e ast.Expr) ast.Expr {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		return ast.Unparen(u.X)
	}
	return e
}
