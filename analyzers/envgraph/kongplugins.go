package envgraph

import (
	"go/ast"
	"go/types"
)

// isKongPlugins reports whether t is kong.Plugins, the slice of grammars
// kong embeds one by one (flattenedFields descends into each element).
func isKongPlugins(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Name() == "Plugins" && isKongPkg(n.Obj().Pkg())
}

// walkKongPlugins walks the grammars this package puts in the kong.Plugins
// field f, with the field's prefixes: the elements of kong.Plugins{...}
// literals and of appends assigned to it (cli.Plugins = append(cli.Plugins,
// &dbFlags)) or given for it in a struct literal. An element whose struct
// is unknown (a value from a map, a parameter) adds no key.
func (s *state) walkKongPlugins(f *types.Var, spec kongSpec, depth int, out *[]tagField) {
	for _, elem := range s.kongPluginElems(f) {
		st, name := s.structOf(elem)
		if st == nil {
			continue
		}
		s.walkKong(st, rootName(elem, name), spec, depth+1, out)
	}
}

// kongPluginElems returns the elements this package assigns to the field
// f, in source order.
func (s *state) kongPluginElems(f *types.Var) []ast.Expr {
	if s.in == nil {
		return nil
	}
	var out []ast.Expr
	for cur := range s.in.Root().Preorder((*ast.AssignStmt)(nil), (*ast.KeyValueExpr)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.AssignStmt:
			if len(n.Lhs) != len(n.Rhs) {
				continue
			}
			for i, lhs := range n.Lhs {
				if sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr); ok && s.info.Uses[sel.Sel] == f {
					out = append(out, s.pluginValues(n.Rhs[i])...)
				}
			}
		case *ast.KeyValueExpr:
			if id, ok := n.Key.(*ast.Ident); ok && s.info.Uses[id] == f {
				out = append(out, s.pluginValues(n.Value)...)
			}
		}
	}
	return out
}

// pluginValues returns the grammars a value of kong.Plugins adds: the
// elements of a literal, or those an append adds.
func (s *state) pluginValues(e ast.Expr) []ast.Expr {
	switch x := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		return x.Elts
	case *ast.CallExpr:
		if s.callsBuiltin(x, "append") && len(x.Args) > 1 && !x.Ellipsis.IsValid() {
			return x.Args[1:]
		}
	}
	return nil
}
