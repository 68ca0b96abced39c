package ctxsum

import (
	"go/ast"
	"go/types"
)

// FieldWork returns the first place in root (nested function literals
// included) where field, a struct field of a context type, selected from
// any value (c.ctx), is used for work, as a use of a context variable is
// classified for a goroutine: c.ctx.Done() or c.ctx.Err() only watch,
// http.NewRequestWithContext(c.ctx, ...) works; an alias (ctx := c.ctx)
// is followed. It returns nil when there is none.
func (r *Result) FieldWork(root ast.Node, field *types.Var) ast.Node {
	if root == nil || field == nil {
		return nil
	}
	aliases := make(map[*types.Var]bool)
	var work ast.Node
	ast.PreorderStack(root, nil, func(n ast.Node, stack []ast.Node) bool {
		if work != nil {
			return false
		}
		sel, ok := n.(*ast.SelectorExpr)
		if !ok {
			return true
		}
		s, ok := r.info.Selections[sel]
		if !ok || s.Kind() != types.FieldVal || s.Obj() == nil {
			return true
		}
		if v, ok := s.Obj().(*types.Var); !ok || v.Origin() != field {
			return true
		}
		if r.classify(nil, stack, sel, aliases) {
			work = sel
		}
		return false
	})
	if work == nil && len(aliases) > 0 {
		work = r.workIn(nil, root, aliases, nil)
	}
	return work
}
