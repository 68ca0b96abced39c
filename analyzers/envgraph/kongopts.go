package envgraph

import (
	"go/ast"
	"go/types"
)

// kongOptions resolves the options of a kong.Parse, kong.New or kong.Must
// call: the calls among its direct arguments, and the elements of a slice
// spread into it (kong.Parse(&cli, opts...)) when they are knowable. A
// slice whose elements are not all knowable leaves DefaultEnvars unknown:
// the flags without env tags then get no key.
func (s *state) kongOptions(call *ast.CallExpr, kong *types.Package) kongSpec {
	var spec kongSpec
	opts := call.Args[1:]
	if call.Ellipsis.IsValid() && len(opts) > 0 {
		spread := opts[len(opts)-1]
		opts = opts[:len(opts)-1]
		if elems, ok := s.kongOptionList(spread, 0); ok {
			opts = append(opts, elems...)
		}
	}
	for _, opt := range opts {
		s.kongOption(opt, kong, &spec, 0)
	}
	return spec
}

// kongOption applies one option to spec: DefaultEnvars when it is the
// first; others leave it alone.
func (s *state) kongOption(opt ast.Expr, kong *types.Package, spec *kongSpec, depth int) {
	if spec.envars || depth > maxDepth {
		return
	}
	if id, ok := ast.Unparen(opt).(*ast.Ident); ok {
		if def := s.singleDef(id, 0); def != nil {
			s.kongOption(def, kong, spec, depth+1)
		}
		return
	}
	c, ok := ast.Unparen(opt).(*ast.CallExpr)
	if !ok {
		return
	}
	// Have: kong.DefaultEnvars(prefix)
	if f, ok := s.calleeFunc(c); ok && f.Pkg() == kong && f.Name() == "DefaultEnvars" && len(c.Args) == 1 {
		spec.envars = true
		if p, ok := s.constString(c.Args[0]); ok {
			spec.prefix = p
		} else {
			spec.dynamic = exprString(c.Args[0])
		}
	}
}

// kongOptionList returns the options of a slice spread into a kong call,
// and whether they are all knowable: a []kong.Option literal, an append
// to knowable options, or a variable of this package whose every write is
// one of those (ff's optionList, with the writes counted).
func (s *state) kongOptionList(e ast.Expr, depth int) ([]ast.Expr, bool) {
	if depth > maxDepth {
		return nil, false
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		return x.Elts, s.kongKnowable(x.Elts)
	case *ast.CallExpr:
		return s.kongAppend(x, nil, depth)
	}
	v := s.varOf(e)
	if !s.kongListVar(v) {
		return nil, false
	}
	var out []ast.Expr
	for _, set := range s.setsOf(v) {
		var elems []ast.Expr
		var ok bool
		if c, isCall := ast.Unparen(set.value).(*ast.CallExpr); isCall {
			elems, ok = s.kongAppend(c, v, depth)
		} else {
			elems, ok = s.kongOptionList(set.value, depth+1)
		}
		if !ok {
			return nil, false
		}
		out = append(out, elems...)
	}
	return out, true
}

// kongListVar reports whether every write of v is an assignment that
// setsOf returns: a variable of this package, not a parameter, a range
// variable, a field, an exported variable other packages may assign, or
// one whose address or elements are written.
func (s *state) kongListVar(v *types.Var) bool {
	if v == nil || v.Pkg() != s.pass.Pkg || v.IsField() {
		return false
	}
	if v.Parent() == v.Pkg().Scope() && v.Exported() && v.Pkg().Name() != "main" {
		return false
	}
	sets := s.setsOf(v)
	return len(sets) > 0 && s.writesOf(v) == len(sets)
}

// kongAppend returns the options of append(base, elems...): base's, unless
// base is self (opts = append(opts, ...) adds to what opts already holds),
// and the elements added.
func (s *state) kongAppend(c *ast.CallExpr, self *types.Var, depth int) ([]ast.Expr, bool) {
	if !s.callsBuiltin(c, "append") || len(c.Args) == 0 {
		return nil, false
	}
	var out []ast.Expr
	if self == nil || s.varOf(c.Args[0]) != self {
		base, ok := s.kongOptionList(c.Args[0], depth+1)
		if !ok {
			return nil, false
		}
		out = append(out, base...)
	}
	added := c.Args[1:]
	if c.Ellipsis.IsValid() {
		if len(added) != 1 {
			return nil, false
		}
		more, ok := s.kongOptionList(added[0], depth+1)
		if !ok {
			return nil, false
		}
		return append(out, more...), true
	}
	if !s.kongKnowable(added) {
		return nil, false
	}
	return append(out, added...), true
}

// kongKnowable reports whether each option is one kong builds itself: a
// call of a kong function (kong.DefaultEnvars, kong.Name), a kong type's
// literal (kong.Vars{...}), or a variable defined once as one of those.
// An option from anywhere else (a parameter, a range variable, a call of
// another package) might be DefaultEnvars with an unknown prefix.
func (s *state) kongKnowable(opts []ast.Expr) bool {
	for _, o := range opts {
		if !s.kongBuilt(o, 0) {
			return false
		}
	}
	return true
}

func (s *state) kongBuilt(o ast.Expr, depth int) bool {
	if depth > maxDepth {
		return false
	}
	switch x := ast.Unparen(o).(type) {
	case *ast.Ident:
		def := s.singleDef(x, 0)
		return def != nil && s.kongBuilt(def, depth+1)
	case *ast.CallExpr:
		if f, ok := s.calleeFunc(x); ok {
			return isKongPkg(f.Pkg())
		}
		// A conversion: kong.Vars(m).
		tv, ok := s.info.Types[x.Fun]
		return ok && tv.IsType() && isKongType(tv.Type)
	case *ast.CompositeLit:
		tv, ok := s.info.Types[x]
		return ok && isKongType(tv.Type)
	case *ast.UnaryExpr:
		return s.kongBuilt(x.X, depth+1)
	}
	return false
}

// isKongType reports whether t, or what it points to, is a named type of
// package kong.
func isKongType(t types.Type) bool {
	n, ok := types.Unalias(deref(t)).(*types.Named)
	return ok && isKongPkg(n.Obj().Pkg())
}

func isKongPkg(p *types.Package) bool {
	return p != nil && p.Path() == "github.com/alecthomas/kong"
}
