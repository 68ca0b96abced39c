package envparse

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/types"
	"slices"
	"strings"

	"github.com/envvet/envvet/internal/passutil"
)

// fallbacks returns the findings of rule fallback: parses of env values
// under constant keys whose error is only compared with nil, where the
// branch a bad value takes keeps a default without failing, returning an
// error or logging (if err != nil { n = 10 }). A step of a try-chain
// (the bad path parses the same value again) and an inverted check are
// not fallbacks.
func (s *state) fallbacks() []finding {
	var out []finding
	for _, p := range s.parses {
		if p.outcome != outcomeSilent || len(p.src.keys) == 0 || s.inTest(p.call) || s.parsesAgain(p) || s.inverted(p) != "" || s.saidAfter(p) {
			continue
		}
		runs := s.fallbackText(p)
		outcome, to := "runs as its default", "its default"
		if runs != "" {
			outcome, to = "runs as "+runs, runs
		}
		for _, k := range p.src.keys {
			out = append(out, finding{
				pos: p.call.Pos(), end: p.call.End(), keys: []string{k}, category: CategoryFallback,
				message: fmt.Sprintf("env key %q falls back to %s when %s cannot parse its value, and nothing reports it", k, to, p.parser.name),
				by:      p.parser.name, outcome: outcome,
			})
		}
	}
	return out
}

// saidAfter reports whether a bad value of p, after the if's branch
// that keeps the default, runs into a log or a failure that names the
// value in force: a variable the branch writes ("configured to reject
// %d%% of good nonces", percent). A branch that ends in a return or a
// panic goes no further; a log of something else says nothing of it.
func (s *state) saidAfter(p *parseSite) bool {
	if p.badKind != pathBody && p.badKind != pathElse {
		return false
	}
	if n := len(p.badPath); n > 0 && terminates(p.badPath[n-1]) {
		return false
	}
	written := s.writtenIn(p.badPath)
	if len(written) == 0 {
		return false
	}
	found := false
	for _, st := range passutil.StmtsAfter(p.badIf) {
		ast.Inspect(st, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if found || !ok || !(isFailCall(s.info, call) || isLogCall(s.info, call)) {
				return !found
			}
			for _, a := range call.Args {
				ast.Inspect(a, func(m ast.Node) bool {
					if id, ok := m.(*ast.Ident); ok && written[s.info.Uses[id]] {
						found = true
					}
					return !found
				})
			}
			return !found
		})
	}
	return found
}

// writtenIn returns the variables that the statements of path assign.
func (s *state) writtenIn(path []ast.Stmt) map[types.Object]bool {
	out := make(map[types.Object]bool)
	for _, st := range path {
		ast.Inspect(st, func(n ast.Node) bool {
			if as, ok := n.(*ast.AssignStmt); ok {
				for _, l := range as.Lhs {
					if id, ok := ast.Unparen(l).(*ast.Ident); ok && id.Name != "_" {
						if obj := s.info.Uses[id]; obj != nil {
							out[obj] = true
						}
					}
				}
			}
			return true
		})
	}
	return out
}

// terminates reports whether st leaves the function or the loop: return,
// panic, break, continue, goto.
func terminates(st ast.Stmt) bool {
	switch st := st.(type) {
	case *ast.ReturnStmt, *ast.BranchStmt:
		return true
	case *ast.ExprStmt:
		call, ok := st.X.(*ast.CallExpr)
		if !ok {
			return false
		}
		id, ok := call.Fun.(*ast.Ident)
		return ok && id.Name == "panic"
	case *ast.BlockStmt:
		return len(st.List) > 0 && terminates(st.List[len(st.List)-1])
	case *ast.IfStmt:
		return st.Else != nil && terminates(st.Body) && terminates(st.Else)
	}
	return false
}

// fallbackText returns what a bad value of p runs as when it is a
// constant: assigned or returned first in the if's own branch, or
// returned first after it; "" otherwise.
func (s *state) fallbackText(p *parseSite) string {
	if p.badKind == pathAfter {
		if len(p.badPath) == 0 {
			return ""
		}
		ret, ok := p.badPath[0].(*ast.ReturnStmt)
		if !ok || len(ret.Results) == 0 || !s.isConst(ret.Results[0]) {
			return ""
		}
		return shortExpr(ret.Results[0])
	}
	return p.fallback
}

// parsesAgain reports whether the path a bad value of p takes parses the
// same env value again: p is a step of a try-chain (time.ParseDuration,
// then strconv.Atoi), and the last step is where a bad value is kept.
func (s *state) parsesAgain(p *parseSite) bool {
	for _, q := range s.parses {
		if q == p || !slices.Equal(q.src.keys, p.src.keys) {
			continue
		}
		for _, st := range p.badPath {
			if st.Pos() <= q.call.Pos() && q.call.End() <= st.End() {
				return true
			}
		}
	}
	return false
}

// namesValueAfter reports whether path, the statements after the if
// whose body a good value takes and falls out of (if v, err := ...; err
// == nil && v > 0 { n = v }), reports p's value: a log or a failure
// call, or a return of a non-nil error, whose arguments name it, or an
// if whose condition names it and whose branches fail. Good values run
// these statements too, so a log or failure that names something else
// says nothing of a bad value (pebble's main fails on its config file
// after PEBBLE_CHAIN_LENGTH has kept its default). The error itself is
// classifyVar's: any read of it other than a comparison is a report.
func (s *state) namesValueAfter(path []ast.Stmt, ifs *ast.IfStmt, sc *scope, p *parseSite) bool {
	return s.reports(path, sc, s.valueNames(ifs, sc, p))
}

// valueNames returns a test of whether an expression names p's value:
// its key (a constant string holding it), its key parameter, a variable
// holding the env value or the parse's results, or a variable or field
// the if's body writes (the value in force: "configured to reuse %d%%").
func (s *state) valueNames(ifs *ast.IfStmt, sc *scope, p *parseSite) func(ast.Expr) bool {
	vars := s.writtenIn(ifs.Body.List)
	fields := s.fieldsWrittenIn(ifs.Body.List)
	for v, src := range sc.vars {
		if slices.Equal(src.keys, p.src.keys) && src.param == p.src.param {
			vars[v] = true
		}
	}
	for v, i := range s.paramsOf(sc) {
		if i == p.src.param && len(p.src.keys) == 0 {
			vars[v] = true
		}
	}
	s.resultVars(p, vars)
	return func(e ast.Expr) bool {
		found := false
		ast.Inspect(e, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.Ident:
				found = vars[s.info.Uses[n]]
			case *ast.SelectorExpr:
				found = fields[types.ExprString(n)]
			}
			if e, ok := n.(ast.Expr); ok && !found {
				found = s.holdsKey(e, p.src.keys)
			}
			return !found
		})
		return found
	}
}

// resultVars adds to vars the variables the parse p assigns its value
// to (v in v, err := strconv.Atoi(...)). The error is left out: its reads
// are classifyVar's, and a later statement may give it a new value.
func (s *state) resultVars(p *parseSite, vars map[types.Object]bool) {
	if p.cur.Inspector() == nil {
		return // a loader's call: no cursor
	}
	as, ok := p.cur.Parent().Node().(*ast.AssignStmt)
	if !ok {
		return
	}
	for _, l := range as.Lhs {
		id, ok := ast.Unparen(l).(*ast.Ident)
		if !ok {
			continue
		}
		obj := s.info.Defs[id]
		if obj == nil {
			obj = s.info.Uses[id]
		}
		if obj != nil && !isError(obj.Type()) {
			vars[obj] = true
		}
	}
}

// holdsKey reports whether e is a constant string holding one of keys.
func (s *state) holdsKey(e ast.Expr, keys []string) bool {
	tv, ok := s.info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return false
	}
	v := constant.StringVal(tv.Value)
	return slices.ContainsFunc(keys, func(k string) bool { return strings.Contains(v, k) })
}

// fieldsWrittenIn returns the source text of the fields that the
// statements of path assign (cfg.Port = v).
func (s *state) fieldsWrittenIn(path []ast.Stmt) map[string]bool {
	out := make(map[string]bool)
	for _, st := range path {
		ast.Inspect(st, func(n ast.Node) bool {
			if as, ok := n.(*ast.AssignStmt); ok {
				for _, l := range as.Lhs {
					if sel, ok := ast.Unparen(l).(*ast.SelectorExpr); ok {
						out[types.ExprString(sel)] = true
					}
				}
			}
			return true
		})
	}
	return out
}
