package ctxgo

import (
	"go/ast"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/cfg"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/envvet/envvet/analyzers/ctxgo/internal/ctxsum"
	"github.com/envvet/envvet/internal/passutil"
)

// handover reports, in fn, each cancel function of a context.With... call
// whose only uses are inside one goroutine literal that does not use it on
// every path to its end (rule 3). Where go vet's lostcancel already
// reports the cancel function (a path of fn itself misses it), it is left
// to lostcancel.
func handover(pass *analysis.Pass, fn function) {
	info := pass.TypesInfo
	ast.Inspect(fn.body, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		lhs, rhs := passutil.AssignSides(n)
		if len(lhs) != 2 || len(rhs) != 1 {
			return true
		}
		call, ok := ast.Unparen(rhs[0]).(*ast.CallExpr)
		if !ok || !ctxsum.IsCancelable(info, call) {
			return true
		}
		id, ok := ast.Unparen(lhs[1]).(*ast.Ident)
		if !ok || id.Name == "_" {
			return true
		}
		obj := info.Defs[id]
		if obj == nil {
			obj = info.Uses[id]
		}
		v, ok := obj.(*types.Var)
		if !ok || v.Pos() < fn.ftype.Pos() || v.Pos() >= fn.body.End() {
			return true
		}
		// Have: ctx, cancel := context.WithX(...), cancel local to fn.
		g := soleGoroutine(info, fn.body, v)
		if g == nil {
			return true
		}
		lit := ast.Unparen(g.Call.Fun).(*ast.FuncLit)
		stmt := n.(ast.Node)
		// lostcancel's territory: a path of fn from the assignment to a
		// return that never reaches the go statement.
		if lostPath(newCFG(info, fn.body), stmt, usesVar(info, v)) {
			return true
		}
		// In the goroutine, a path that has seen its context end
		// (<-ctx.Done(), ctx.Err()) needs no cancel either.
		uses := usesVar(info, v)
		inGoroutine := func(n ast.Node) bool { return uses(n) || observesEnd(info, n) }
		if !lostPath(newCFG(info, lit.Body), nil, inGoroutine) {
			return true
		}
		line := pass.Fset.Position(g.Pos()).Line
		related := []analysis.RelatedInformation{{
			Pos: g.Pos(), End: g.Call.Lparen,
			Message: "the goroutine that receives " + v.Name() + " starts here",
		}}
		if use := firstUse(info, lit.Body, v); use != nil {
			related = append(related, analysis.RelatedInformation{
				Pos: use.Pos(), End: use.End(),
				Message: "the goroutine uses " + v.Name() + " here, but some of its paths end without calling it",
			})
		}
		pass.Report(analysis.Diagnostic{
			Pos:      call.Pos(),
			End:      call.End(),
			Category: catHandover,
			Message: "the " + v.Name() + " function is handed to the goroutine started on line " + strconv.Itoa(line) +
				", which does not call it on every path (possible context leak)",
			Related: related,
		})
		return true
	})
}

// firstUse returns the first use of v in body: its call, when it is
// called there (cancel()), else the identifier.
func firstUse(info *types.Info, body ast.Node, v *types.Var) ast.Node {
	var use ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		if use != nil {
			return false
		}
		if call, ok := n.(*ast.CallExpr); ok {
			if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok && info.Uses[id] == v {
				use = call
				return false
			}
		}
		if id, ok := n.(*ast.Ident); ok && info.Uses[id] == v {
			use = id
		}
		return true
	})
	return use
}

// soleGoroutine returns the go statement whose function literal holds every
// use of v in body, or nil if v is used outside such a literal, or in two.
func soleGoroutine(info *types.Info, body *ast.BlockStmt, v *types.Var) *ast.GoStmt {
	var g *ast.GoStmt
	ok := true
	uses := 0
	ast.PreorderStack(body, nil, func(n ast.Node, stack []ast.Node) bool {
		id, isID := n.(*ast.Ident)
		if !ok || !isID || info.Uses[id] != v {
			return ok
		}
		uses++
		var owner *ast.GoStmt
		for i := len(stack) - 1; i >= 0; i-- {
			if gs, isGo := stack[i].(*ast.GoStmt); isGo {
				if lit, isLit := ast.Unparen(gs.Call.Fun).(*ast.FuncLit); isLit && lit.Body.Pos() <= id.Pos() && id.End() <= lit.Body.End() {
					owner = gs
				}
			}
		}
		switch {
		case owner == nil:
			ok = false
		case g == nil:
			g = owner
		case g != owner:
			ok = false
		}
		return true
	})
	// The reassignment "ctx, cancel = ..." of an existing variable is a
	// use for go/types; leave those shapes alone.
	if !ok || uses == 0 {
		return nil
	}
	return g
}

func usesVar(info *types.Info, v *types.Var) func(ast.Node) bool {
	return func(root ast.Node) bool { return ctxsum.Mentions(info, root, v) }
}

// observesEnd reports whether root calls the Done or Err method of a
// context: past that point, the context may have ended, and a missing cancel
// call is harmless.
func observesEnd(info *types.Info, root ast.Node) bool {
	found := false
	ast.Inspect(root, func(n ast.Node) bool {
		if found {
			return false
		}
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		if call, ok := n.(*ast.CallExpr); ok {
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && (sel.Sel.Name == "Done" || sel.Sel.Name == "Err") {
				if tv, ok := info.Types[sel.X]; ok && ctxsum.IsContext(tv.Type) {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// newCFG builds the control-flow graph of body; calls that cannot return
// (panic, os.Exit, log.Fatal, runtime.Goexit, t.Fatal, ...) end their block.
func newCFG(info *types.Info, body *ast.BlockStmt) *cfg.CFG {
	return cfg.New(body, func(call *ast.CallExpr) bool { return !noReturn(info, call) })
}

func noReturn(info *types.Info, call *ast.CallExpr) bool {
	switch obj := typeutil.Callee(info, call).(type) {
	case *types.Builtin:
		return obj.Name() == "panic"
	case *types.Func:
		name := obj.Name()
		path := ""
		if obj.Pkg() != nil {
			path = obj.Pkg().Path()
		}
		switch path {
		case "os", "syscall":
			return name == "Exit"
		case "runtime":
			return name == "Goexit"
		case "log", "log/slog":
			return strings.HasPrefix(name, "Fatal") || strings.HasPrefix(name, "Panic")
		case "testing":
			return testingStops(name)
		}
	}
	return false
}

// testingStops reports whether the testing method name ends the test's
// goroutine (runtime.Goexit): Fatal, Fatalf, FailNow, Skip, Skipf, SkipNow.
func testingStops(name string) bool {
	return strings.HasPrefix(name, "Fatal") || name == "FailNow" || strings.HasPrefix(name, "Skip")
}

// lostPath reports whether g has a path to a return statement that never
// passes a node for which uses reports true. The path starts after stmt
// in its block, or at the entry block when stmt is nil.
func lostPath(g *cfg.CFG, stmt ast.Node, uses func(ast.Node) bool) bool {
	if g == nil || len(g.Blocks) == 0 {
		return false
	}
	start := g.Blocks[0]
	var rest []ast.Node
	if stmt == nil {
		rest = start.Nodes
	} else {
		start = nil
	outer:
		for _, b := range g.Blocks {
			for i, n := range b.Nodes {
				if n == stmt {
					start, rest = b, b.Nodes[i+1:]
					break outer
				}
			}
		}
		if start == nil {
			return false // unusual shape: not reported
		}
	}
	for _, n := range rest {
		if uses(n) {
			return false
		}
	}
	if start.Return() != nil {
		return true
	}
	seen := map[*cfg.Block]bool{start: true}
	var search func(bs []*cfg.Block) bool
	search = func(bs []*cfg.Block) bool {
		for _, b := range bs {
			if seen[b] || !b.Live {
				continue
			}
			seen[b] = true
			used := false
			for _, n := range b.Nodes {
				if uses(n) {
					used = true
					break
				}
			}
			if used {
				continue
			}
			if b.Return() != nil || search(b.Succs) {
				return true
			}
		}
		return false
	}
	return search(start.Succs)
}
