package ctxsum

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/envvet/envvet/internal/passutil"
)

// exits reports whether the body of a loop (labelled label) has a
// statement that leaves the loop (a return, a goto, a break of the loop, a
// continue of an outer loop), and whether every such statement is a stop
// (stopExit).
func (r *Result) exits(body *ast.BlockStmt, label string, tracked func(ast.Expr) bool) (exits, stops bool) {
	stops = true
	ast.PreorderStack(body, nil, func(n ast.Node, stack []ast.Node) bool {
		leave := false
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			leave = true
		case *ast.BranchStmt:
			named := n.Label != nil && n.Label.Name != label && !Labelled(stack, n.Label.Name)
			switch n.Tok {
			case token.GOTO:
				leave = true
			case token.BREAK:
				leave = n.Label != nil && (n.Label.Name == label || named) || n.Label == nil && !Breakable(stack)
			case token.CONTINUE:
				leave = named // continues an outer loop
			}
		}
		if leave {
			exits = true
			stops = stops && r.stopExit(stack, n, tracked)
		}
		return stops
	})
	return exits, stops
}

// stopExit reports whether the exit whose ancestors (inside the loop
// body) are stack is taken at a stop: the innermost condition guarding it
// is a receive from a done channel (case <-ctx.Done(), case <-stop with a
// chan struct{}), a test of a context (ctx.Err() != nil), of an error
// other than err == nil, or of a closed channel (!ok). An exit on another
// condition (a result is ready) or on none is not a stop.
func (r *Result) stopExit(stack []ast.Node, exit ast.Node, tracked func(ast.Expr) bool) bool {
	child := exit
	for i := len(stack) - 1; i >= 0; i-- {
		switch p := stack[i].(type) {
		case *ast.IfStmt:
			if child == p.Body {
				return r.stopCond(p.Cond, false, tracked)
			}
			if child == p.Else {
				return r.stopCond(p.Cond, true, tracked)
			}
		case *ast.CaseClause:
			if i < 2 {
				return false
			}
			sw, ok := stack[i-2].(*ast.SwitchStmt)
			if !ok {
				return false
			}
			if sw.Tag != nil && (r.mentions(sw.Tag, tracked) || r.mentionsError(sw.Tag)) {
				return true
			}
			for _, e := range p.List {
				if r.stopCond(e, false, tracked) {
					return true
				}
			}
			return false
		case *ast.CommClause:
			return r.doneRecv(p.Comm)
		}
		child = stack[i]
	}
	return false
}

// stopCond reports whether an exit taken when cond holds (or, if negated,
// when it does not) is a stop.
func (r *Result) stopCond(cond ast.Expr, negated bool, tracked func(ast.Expr) bool) bool {
	if cond == nil {
		return false
	}
	if r.mentions(cond, tracked) {
		return true
	}
	if negated {
		return r.errNilCmp(cond, token.EQL) // if err == nil { ... } else { return }
	}
	if r.errNilCmp(cond, token.EQL) {
		return false // if err == nil { return res }: a result
	}
	if u, ok := ast.Unparen(cond).(*ast.UnaryExpr); ok && u.Op == token.NOT {
		if _, ok := ast.Unparen(u.X).(*ast.Ident); ok {
			return true // if !ok { return }: a closed channel
		}
	}
	return r.mentionsError(cond)
}

// doneRecv reports whether comm receives from x.Done() or a channel of
// struct{}.
func (r *Result) doneRecv(comm ast.Stmt) bool {
	u, ok := ast.Unparen(StmtValue(comm)).(*ast.UnaryExpr)
	if !ok || u.Op != token.ARROW {
		return false
	}
	if call, ok := ast.Unparen(u.X).(*ast.CallExpr); ok {
		if s, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && s.Sel.Name == "Done" {
			return true
		}
	}
	tv, ok := r.info.Types[u.X]
	if !ok || tv.Type == nil {
		return false
	}
	ch, ok := tv.Type.Underlying().(*types.Chan)
	if !ok {
		return false
	}
	st, ok := ch.Elem().Underlying().(*types.Struct)
	return ok && st.NumFields() == 0
}

// errNilCmp reports whether e is x op nil with x of type error.
func (r *Result) errNilCmp(e ast.Expr, op token.Token) bool {
	b, ok := ast.Unparen(e).(*ast.BinaryExpr)
	if !ok || b.Op != op {
		return false
	}
	for _, pair := range [][2]ast.Expr{{b.X, b.Y}, {b.Y, b.X}} {
		if id, ok := ast.Unparen(pair[1]).(*ast.Ident); ok && id.Name == "nil" && r.isError(pair[0]) {
			return true
		}
	}
	return false
}

// mentions reports whether e refers to a tracked context.
func (r *Result) mentions(e ast.Expr, tracked func(ast.Expr) bool) bool {
	return passutil.Contains(e, true, func(n ast.Node) bool {
		x, ok := n.(ast.Expr)
		return ok && tracked(x)
	})
}

// mentionsError reports whether e has an operand of type error.
func (r *Result) mentionsError(e ast.Expr) bool {
	return passutil.Contains(e, true, func(n ast.Node) bool {
		x, ok := n.(ast.Expr)
		return ok && r.isError(x)
	})
}

func (r *Result) isError(e ast.Expr) bool {
	tv, ok := r.info.Types[e]
	if !ok || tv.Type == nil || tv.IsType() {
		return false
	}
	return types.Identical(tv.Type, types.Universe.Lookup("error").Type())
}

// Breakable reports whether stack (inside a loop body) holds a statement
// that an unlabeled break would leave instead of the loop.
func Breakable(stack []ast.Node) bool {
	for _, s := range stack {
		switch s.(type) {
		case *ast.ForStmt, *ast.RangeStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
			return true
		}
	}
	return false
}

// Labelled reports whether stack holds the statement labelled name.
func Labelled(stack []ast.Node, name string) bool {
	for _, s := range stack {
		if l, ok := s.(*ast.LabeledStmt); ok && l.Label.Name == name {
			return true
		}
	}
	return false
}

// StmtValue returns the value s computes: the expression of an expression
// statement, the one right-hand side of an assignment; nil otherwise.
func StmtValue(s ast.Stmt) ast.Expr {
	switch s := s.(type) {
	case *ast.ExprStmt:
		return s.X
	case *ast.AssignStmt:
		if len(s.Rhs) == 1 {
			return s.Rhs[0]
		}
	}
	return nil
}
