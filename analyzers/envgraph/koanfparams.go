package envgraph

import (
	"go/ast"
	"go/types"
)

// A koanf instance is often built once (ko = koanf.New(".")) and handed to
// the functions of the package that ask keys of it (initDB(ko)). The keys a
// function asks of its *koanf.Koanf parameter are asked of every instance
// variable the package passes to it: koanfParams maps such parameters to
// those variables, and koanfRoots follows the chain of hand-offs.

// A koanfArg is an instance variable passed to a parameter, and the
// identifier that names it there.
type koanfArg struct {
	v  *types.Var
	id *ast.Ident
}

// koanfHandOffs holds, for each *koanf.Koanf parameter of a function of the
// package, the variables passed to it, and how often each variable is
// passed so.
type koanfHandOffs struct {
	params map[*types.Var][]koanfArg
	passed map[*types.Var]int
}

// koanfParams records the koanf instance variables passed to the
// parameters of the package's own functions and methods.
func (s *state) koanfParams() koanfHandOffs {
	h := koanfHandOffs{params: make(map[*types.Var][]koanfArg), passed: make(map[*types.Var]int)}
	for i, site := range s.calls {
		s.atSite = i
		s.koanfFlagArg(site.call, h)
		sig, ok := s.ownCallee(site.call)
		if !ok {
			continue
		}
		for i, arg := range site.call.Args {
			if i >= sig.Params().Len() || (sig.Variadic() && i >= sig.Params().Len()-1) {
				break
			}
			id, ok := ast.Unparen(arg).(*ast.Ident)
			if !ok {
				continue
			}
			v, ok := s.info.Uses[id].(*types.Var)
			p := sig.Params().At(i)
			if !ok || v == nil || !isKoanfPtr(v.Type()) || !types.Identical(p.Type(), v.Type()) {
				continue
			}
			h.params[p] = append(h.params[p], koanfArg{v, id})
			h.passed[v]++
		}
	}
	return h
}

// koanfFlagArg counts as held an instance handed to posflag's providers:
// they only ask it whether a flag's key Exists.
func (s *state) koanfFlagArg(call *ast.CallExpr, h koanfHandOffs) {
	fn, ok := s.calleeFunc(call)
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "github.com/knadh/koanf/providers/posflag" || len(call.Args) < 3 {
		return
	}
	id, ok := ast.Unparen(call.Args[2]).(*ast.Ident)
	if !ok {
		return
	}
	if v, ok := s.info.Uses[id].(*types.Var); ok && v != nil && isKoanfPtr(v.Type()) {
		h.passed[v]++
	}
}

// ownCallee returns the signature of the function or concrete method of
// the package that call calls, its generic origin for an instance.
func (s *state) ownCallee(call *ast.CallExpr) (*types.Signature, bool) {
	fn, ok := s.calleeFunc(call)
	if !ok || fn.Pkg() != s.pass.Pkg || s.isMethodExpr(call.Fun) {
		return nil, false // a method expression's arguments start with the receiver
	}
	sig, ok := fn.Origin().Type().(*types.Signature)
	if !ok || sig.Params() == nil {
		return nil, false
	}
	if r := sig.Recv(); r != nil && types.IsInterface(r.Type()) {
		return nil, false // any implementation may be called
	}
	return sig, true
}

// isMethodExpr reports whether fun is a method expression, T.m.
func (s *state) isMethodExpr(fun ast.Expr) bool {
	sel, ok := ast.Unparen(fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	x, ok := s.info.Selections[sel]
	return ok && x.Kind() == types.MethodExpr
}

// isKoanfPtr reports whether t is *koanf.Koanf.
func isKoanfPtr(t types.Type) bool {
	p, ok := types.Unalias(t).(*types.Pointer)
	if !ok {
		return false
	}
	n, ok := types.Unalias(p.Elem()).(*types.Named)
	return ok && n.Obj().Name() == "Koanf" && isKoanfPath(n.Obj().Pkg())
}

// roots returns the variables whose instances v may hold: v itself unless
// it is a parameter the package hands instances to, else those of the
// variables passed to it, recursively.
func (h koanfHandOffs) roots(v *types.Var, id *ast.Ident) []koanfArg {
	var out []koanfArg
	seen := make(map[*types.Var]bool)
	var walk func(a koanfArg)
	walk = func(a koanfArg) {
		if seen[a.v] {
			return
		}
		seen[a.v] = true
		args, ok := h.params[a.v]
		if !ok {
			out = append(out, a)
			return
		}
		for _, b := range args {
			walk(b)
		}
	}
	walk(koanfArg{v, id})
	return out
}

// escapes reports whether v is used other than as the receiver of a
// method call or as an argument handed to a parameter of the package.
func (s *state) escapes(v *types.Var, h koanfHandOffs) bool {
	return !s.onlyReceiver(v, h.passed[v])
}
