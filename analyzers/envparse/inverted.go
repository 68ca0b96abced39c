package envparse

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
)

// inverteds returns the findings of rule inverted: parses of env values
// under constant keys whose parsed value is read only on the branch that
// a bad value takes (if b, err := strconv.ParseBool(v); err != nil {
// cfg.On = b }): a good value is never used, and the zero value runs.
func (s *state) inverteds() []finding {
	var out []finding
	for _, p := range s.parses {
		if p.outcome != outcomeSilent || len(p.src.keys) == 0 || s.inTest(p.call) {
			continue
		}
		name := s.inverted(p)
		if name == "" {
			continue
		}
		zero := p.parser.zeroText()
		if zero == "" {
			zero = "the zero value"
		}
		for _, k := range p.src.keys {
			out = append(out, finding{
				pos: p.call.Pos(), end: p.call.End(), keys: []string{k}, category: CategoryInverted,
				message: fmt.Sprintf("env key %q: %s from %s is read only when the parse fails, so it is always %s (an inverted error check)", k, name, p.parser.name, zero),
				by:      p.parser.name, outcome: "runs as " + zero,
			})
		}
	}
	return out
}

// inverted returns the name of the variable holding p's parsed value when
// the branch of the if that a bad value takes (its body on err != nil,
// its else on err == nil) reads it before writing it; "" otherwise.
func (s *state) inverted(p *parseSite) string {
	if p.badKind != pathBody && p.badKind != pathElse || p.parser.nilCheck || p.parser.res != 1 {
		return ""
	}
	ifs, ok := p.badIf.Node().(*ast.IfStmt)
	if !ok {
		return ""
	}
	if cond, ok := ast.Unparen(ifs.Cond).(*ast.BinaryExpr); !ok || cond.Op != token.EQL && cond.Op != token.NEQ {
		return "" // err != nil || n < 1: the branch also runs on good values
	}
	as, ok := p.cur.Parent().Node().(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 || ast.Unparen(as.Rhs[0]) != p.call || len(as.Lhs) != 2 {
		return ""
	}
	id, ok := ast.Unparen(as.Lhs[0]).(*ast.Ident)
	if !ok || id.Name == "_" {
		return ""
	}
	obj := s.info.Defs[id]
	if obj == nil {
		obj = s.info.Uses[id]
	}
	v, ok := obj.(*types.Var)
	if !ok || v == nil {
		return ""
	}
	if s.readFirst(p.badPath, v) {
		return id.Name
	}
	return ""
}

// readFirst reports whether the first use of v in path, in source order,
// is a read (a write first, n = 10, makes the later reads the default's).
func (s *state) readFirst(path []ast.Stmt, v *types.Var) bool {
	decided, read := false, false
	for _, st := range path {
		ast.Inspect(st, func(n ast.Node) bool {
			if decided {
				return false
			}
			switch n := n.(type) {
			case *ast.AssignStmt:
				for _, l := range n.Lhs {
					if id, ok := ast.Unparen(l).(*ast.Ident); ok && s.info.Uses[id] == v {
						decided = true
						return false
					}
				}
			case *ast.Ident:
				if s.info.Uses[n] == v {
					decided, read = true, true
				}
			}
			return true
		})
		if decided {
			return read
		}
	}
	return false
}
