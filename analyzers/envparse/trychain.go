package envparse

import (
	"go/ast"
	"slices"
)

// handsOn reports whether p is a step of a try-chain: its error is dropped
// in the init of an if statement whose else branch parses the same env
// value again (if b, _ := strconv.ParseBool(s); b {...} else if i, _ :=
// strconv.Atoi(s); ...). A value that fails p goes on to the next parse,
// where a bad value is lost and reported.
func (s *state) handsOn(p *parseSite) bool {
	assign, ok := p.cur.Parent().Node().(*ast.AssignStmt)
	if !ok {
		return false
	}
	ifs, ok := p.cur.Parent().Parent().Node().(*ast.IfStmt)
	if !ok || ifs.Init != assign || ifs.Else == nil {
		return false
	}
	for _, q := range s.parses {
		if q != p && ifs.Else.Pos() <= q.call.Pos() && q.call.End() <= ifs.Else.End() && slices.Equal(q.src.keys, p.src.keys) {
			return true
		}
	}
	return false
}
