package envgraph

import (
	"go/ast"
	"go/types"
)

// koanfCall records what koanf's env provider reads: every key with its
// prefix (a Prefix reference), or, with no prefix, the whole environment.
// Provider(prefix, delim, cb) and ProviderWithValue of providers/env;
// Provider(delim, env.Opt{Prefix: ...}) of providers/env/v2. A v2 Opt
// with an EnvironFunc reads that function's list, not the environment.
func (s *state) koanfCall(call *ast.CallExpr, fn *types.Func) bool {
	if fn.Name() != "Provider" && fn.Name() != "ProviderWithValue" {
		return false
	}
	var prefix ast.Expr
	switch fn.Pkg().Path() {
	case "github.com/knadh/koanf/providers/env":
		if len(call.Args) > 0 {
			prefix = call.Args[0]
		}
	case "github.com/knadh/koanf/providers/env/v2":
		if len(call.Args) != 2 {
			return true
		}
		lit := s.compositeOf(call.Args[1])
		if lit == nil {
			return true // options built elsewhere: unknown
		}
		m := litFields(lit)
		if e, ok := m["EnvironFunc"]; ok && !isNil(s.info, e) {
			return true
		}
		prefix = m["Prefix"]
	}
	r := Ref{Kind: Prefix, Loader: LoaderKoanf, Pos: call.Pos(), End: call.End()}
	p, known := "", true
	if prefix != nil {
		p, known = s.constString(prefix)
	}
	switch {
	case !known:
		r.Dynamic, r.Expr = true, exprString(prefix)
	case p == "":
		r.Kind = Environ
	default:
		r.Prefix = p
	}
	s.add(r)
	return true
}
