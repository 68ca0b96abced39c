package ctxgo

import (
	"cmp"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/envvet/envvet/analyzers/ctxgo/internal/ctxsum"
	"github.com/envvet/envvet/internal/passutil"
)

// unobserved reports the go statement at cur when a context is in scope
// but the goroutine loops forever on blocking work and never refers to a
// context or a done channel (rule 2); when it does refer to one, spin
// looks for a loop that only passes the context on.
func unobserved(pass *analysis.Pass, sum *ctxsum.Result, cur inspector.Cursor) {
	g := cur.Node().(*ast.GoStmt)
	info := pass.TypesInfo
	if g.Call == nil {
		return
	}
	for enc := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		if funcOf(pass, enc.Node()).isMain {
			return // process-lifetime goroutines of main and init
		}
	}
	if blindPoll(pass, sum, cur) {
		return
	}
	ftype, body := goroutineBody(info, sum, g)
	if body == nil {
		return
	}
	// (For a literal, g.Call holds its body.)
	if ctxsum.RefersToStop(info, g.Call) || ctxsum.RefersToStop(info, body) {
		// It refers to a context: does it leave its loop when it ends?
		if !processLifetime(info, cur) {
			spin(pass, sum, cur, ftype, body)
			if lit, ok := ast.Unparen(g.Call.Fun).(*ast.FuncLit); ok && pass.Pkg.Name() != "main" {
				blindWait(pass, cur, lit)
			}
		}
		return
	}
	ctx, ctxVar := contextInScope(pass, g.Pos())
	if ctx == "" {
		return
	}
	// In package main, goroutines commonly live as long as the process:
	// only those started under an HTTP request are reported there.
	if pass.Pkg.Name() == "main" && !strings.HasSuffix(ctx, ".Context()") {
		return
	}
	loop, block := foreverLoop(info, body)
	if loop == nil || processLifetime(info, cur) {
		return
	}
	// Have: go func() { for { <-ch; ... } }() with ctx in scope, and no exit.
	reportUnobserved(pass, g, loop, block, ctx, ctxVar)
}

// goroutineBody returns the type and body of the function that g runs: a
// literal, or a function of this package; a nil body if it is neither.
func goroutineBody(info *types.Info, sum *ctxsum.Result, g *ast.GoStmt) (*ast.FuncType, *ast.BlockStmt) {
	if lit, ok := ast.Unparen(g.Call.Fun).(*ast.FuncLit); ok {
		return lit.Type, lit.Body
	}
	if decl := sum.Decl(ctxsum.Callee(info, g.Call)); decl != nil {
		return decl.Type, decl.Body
	}
	return nil, nil
}

// reportUnobserved reports g, whose goroutine loops forever (loop, block
// the blocking work in it if known) and never observes ctx, the context in
// scope (the variable ctxVar if it is one).
func reportUnobserved(pass *analysis.Pass, g *ast.GoStmt, loop *ast.ForStmt, block ast.Node, ctx string, ctxVar *types.Var) {
	line := pass.Fset.Position(loop.Pos()).Line
	var related []analysis.RelatedInformation
	if block != nil {
		related = append(related, analysis.RelatedInformation{
			Pos: block.Pos(), End: block.End(),
			Message: blockingWhat(block) + " on every iteration of the loop, which has no exit",
		})
	}
	if v := ctxVar; v != nil && passutil.FileOf(pass, v.Pos()) != nil {
		related = append(related, analysis.RelatedInformation{
			Pos: v.Pos(), End: v.Pos() + token.Pos(len(v.Name())),
			Message: ctx + " is in scope here, but the goroutine never observes it",
		})
	}
	slices.SortFunc(related, func(a, b analysis.RelatedInformation) int { return cmp.Compare(a.Pos, b.Pos) })
	pass.Report(analysis.Diagnostic{
		Pos:      g.Pos(),
		End:      g.Call.Lparen,
		Category: catUnobserved,
		Message: "the goroutine started here loops forever on blocking work (line " + strconv.Itoa(line) +
			") and never observes " + ctx + " or a done channel, so it outlives " + ctx + "'s cancellation",
		Related: related,
	})
}

// processLifetime reports whether the goroutine started at cur lives as
// long as the process: it is started by a function that handles OS
// signals (a daemon's run loop, which returns only for the process to
// exit), or by one that then blocks forever.
func processLifetime(info *types.Info, cur inspector.Cursor) bool {
	for enc := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		if handlesSignals(info, enc.Node().(*ast.FuncDecl)) {
			return true
		}
	}
	return blocksForeverAfter(cur)
}

// handlesSignals reports whether decl calls signal.Notify or
// signal.NotifyContext of os/signal.
func handlesSignals(info *types.Info, decl *ast.FuncDecl) bool {
	if decl.Body == nil {
		return false
	}
	found := false
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && !found {
			if fn := ctxsum.Callee(info, call); fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "os/signal" &&
				(fn.Name() == "Notify" || fn.Name() == "NotifyContext") {
				found = true
			}
		}
		return !found
	})
	return found
}

// blocksForeverAfter reports whether the statements following the go
// statement at cur in its block include one that blocks forever (select
// {}, a receive from a channel just made, an empty for {}) with no return,
// goto or labeled break before it: the function that started the
// goroutine then never returns, and the goroutine cannot outlive it (a
// watcher started before "<-make(chan struct{})").
func blocksForeverAfter(cur inspector.Cursor) bool {
	block, ok := cur.Parent().Node().(*ast.BlockStmt)
	if !ok {
		return false
	}
	after := false
	for _, s := range block.List {
		if s == cur.Node() {
			after = true
			continue
		}
		if !after {
			continue
		}
		if blocksForever(s) {
			return true
		}
		if mayLeave(s) {
			return false
		}
	}
	return false
}

// blocksForever reports whether s never completes: select {}, <-make(chan
// T) (nobody else holds the channel), for {} with an empty body.
func blocksForever(s ast.Stmt) bool {
	switch s := s.(type) {
	case *ast.SelectStmt:
		return len(s.Body.List) == 0
	case *ast.ForStmt:
		return s.Cond == nil && s.Post == nil && s.Init == nil && len(s.Body.List) == 0
	case *ast.ExprStmt:
		u, ok := ast.Unparen(s.X).(*ast.UnaryExpr)
		if !ok || u.Op != token.ARROW {
			return false
		}
		call, ok := ast.Unparen(u.X).(*ast.CallExpr)
		if !ok {
			return false
		}
		id, ok := ast.Unparen(call.Fun).(*ast.Ident)
		return ok && id.Name == "make" && len(call.Args) == 1
	}
	return false
}

// mayLeave reports whether s contains a return, a goto, a labeled break or
// continue, or a panic call: a way out of the block before a statement
// that blocks forever. (Function literals in s do not count.)
func mayLeave(s ast.Stmt) bool {
	leaves := false
	ast.Inspect(s, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			leaves = true
		case *ast.BranchStmt:
			if n.Tok == token.GOTO || n.Label != nil {
				leaves = true
			}
		case *ast.CallExpr:
			if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok && id.Name == "panic" {
				leaves = true
			}
		}
		return !leaves
	})
	return leaves
}

// blockingWhat describes the blocking work n, as found by blocksInLoop,
// for a related message: "it blocks receiving from ch".
func blockingWhat(n ast.Node) string {
	switch n := n.(type) {
	case *ast.SendStmt:
		return "it blocks sending on " + types.ExprString(n.Chan)
	case *ast.SelectStmt:
		return "it blocks in this select"
	case *ast.UnaryExpr:
		return "it blocks receiving from " + types.ExprString(n.X)
	case *ast.RangeStmt:
		return "it blocks ranging over " + types.ExprString(n.X)
	case *ast.CallExpr:
		return "it blocks in " + types.ExprString(n.Fun)
	}
	return "it blocks here"
}

// contextInScope returns the name of a context.Context (or "r.Context()"
// for an *http.Request) declared in a function scope enclosing pos, before
// pos, and its variable; "" if there is none. Package-level contexts do
// not count.
func contextInScope(pass *analysis.Pass, pos token.Pos) (string, *types.Var) {
	pkgScope := pass.Pkg.Scope()
	scope := pkgScope.Innermost(pos)
	for s := scope; s != nil && s != pkgScope && s != types.Universe; s = s.Parent() {
		for _, name := range s.Names() {
			v, ok := s.Lookup(name).(*types.Var)
			if !ok || !v.Pos().IsValid() || v.Pos() >= pos || name == "_" {
				continue
			}
			if ctxsum.IsContext(v.Type()) {
				return name, v
			}
			if ctxsum.IsRequest(v.Type()) {
				return name + ".Context()", v
			}
		}
	}
	return "", nil
}

// foreverLoop returns a "for { ... }" loop of body (outside nested
// literals) that has no exit (no return, no break or goto leaving it, no
// call that ends the goroutine) and does blocking work (channel send or
// receive, select, range over a channel, Read/Recv/Accept/Receive/Wait
// calls, time.Sleep); nil if there is none.
func foreverLoop(info *types.Info, body *ast.BlockStmt) (*ast.ForStmt, ast.Node) {
	var found *ast.ForStmt
	var block ast.Node
	ast.PreorderStack(body, nil, func(n ast.Node, stack []ast.Node) bool {
		if found != nil {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ForStmt:
			if n.Cond != nil {
				return true
			}
			label := ""
			if len(stack) > 0 {
				if l, ok := stack[len(stack)-1].(*ast.LabeledStmt); ok {
					label = l.Label.Name
				}
			}
			if !hasExit(info, n, label) {
				if b := blocksInLoop(info, n.Body); b != nil {
					found, block = n, b
				}
			}
		}
		return true
	})
	return found, block
}

// hasExit reports whether control can leave loop other than by a panic
// nobody recovers.
func hasExit(info *types.Info, loop *ast.ForStmt, label string) bool {
	exit := false
	ast.PreorderStack(loop.Body, nil, func(n ast.Node, stack []ast.Node) bool {
		if exit {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			exit = true
		case *ast.BranchStmt:
			switch n.Tok {
			case token.GOTO:
				exit = true
			case token.BREAK:
				if n.Label != nil {
					exit = n.Label.Name == label || !ctxsum.Labelled(stack, n.Label.Name)
				} else if !ctxsum.Breakable(stack) {
					exit = true
				}
			case token.CONTINUE:
				if n.Label != nil && n.Label.Name != label && !ctxsum.Labelled(stack, n.Label.Name) {
					exit = true // continues an outer loop
				}
			}
		case *ast.CallExpr:
			if noReturn(info, n) || endsGoroutine(info, n) {
				exit = true
			}
		}
		return true
	})
	return exit
}

// endsGoroutine reports calls that stop the goroutine or the program
// without returning to the loop: log.Fatal-style methods of any logger
// (Fatal*, Panic*), runtime.Goexit, os.Exit, panic.
func endsGoroutine(info *types.Info, call *ast.CallExpr) bool {
	fn := ctxsum.Callee(info, call)
	if fn == nil {
		return false
	}
	name := fn.Name()
	return strings.HasPrefix(name, "Fatal") || strings.HasPrefix(name, "Panic") || name == "Exit" || name == "Goexit"
}

// blocksInLoop returns the first blocking work of body, nil if it does
// none.
func blocksInLoop(info *types.Info, body *ast.BlockStmt) ast.Node {
	var found ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		if found != nil {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit, *ast.GoStmt:
			return false
		case *ast.SendStmt, *ast.SelectStmt:
			found = n
		case *ast.UnaryExpr:
			if n.Op == token.ARROW {
				found = n
			}
		case *ast.RangeStmt:
			if tv, ok := info.Types[n.X]; ok && tv.Type != nil {
				if _, ok := tv.Type.Underlying().(*types.Chan); ok {
					found = n
				}
			}
		case *ast.CallExpr:
			fn := ctxsum.Callee(info, n)
			if fn == nil {
				break
			}
			name := fn.Name()
			if fn.Pkg() != nil && fn.Pkg().Path() == "time" && name == "Sleep" {
				found = n
			}
			for _, p := range []string{"Read", "Recv", "Accept", "Receive", "Wait"} {
				if strings.HasPrefix(name, p) {
					found = n
				}
			}
		}
		return found == nil
	})
	return found
}
