package envgraph

import (
	"go/ast"
	"strconv"

	"github.com/envvet/envvet/internal/relpos"
)

// A Step is one helper of a reference's chain (see Ref.Steps): Func calls
// Callee, the next helper or the env function itself (os.Getenv), at Site.
type Step struct {
	Func, Callee string
	Site         Site
}

// A Site is a source position kept as file, line and column rather than a
// token.Pos, so that it survives a fact's encoding: under go vet each
// package is analyzed in its own process, and a token.Pos from another
// package would mean nothing. Line and Col are 1-based; File is the
// file's name as relpos.Position gives it; relpos.Files turns a Site
// back into a token.Pos.
type Site struct {
	File      string
	Line, Col int
}

func (s Site) String() string {
	return s.File + ":" + strconv.Itoa(s.Line) + ":" + strconv.Itoa(s.Col)
}

// IsValid reports whether s names a position.
func (s Site) IsValid() bool { return s.File != "" && s.Line > 0 && s.Col > 0 }

// site returns the Site of n's start, the zero Site when unknown.
func (s *state) site(n ast.Node) Site {
	if n == nil || !n.Pos().IsValid() {
		return Site{}
	}
	p := relpos.Position(s.pass.Fset, n.Pos())
	if !p.IsValid() {
		return Site{}
	}
	return Site{File: p.Filename, Line: p.Line, Col: p.Column}
}

// steps returns the Steps of a reference through the helper chain via
// (the helper called, then p.Via) whose key parameter is p.
func steps(via []string, p helperParam) []Step {
	if len(via) == 0 || len(via) != len(p.Via)+1 {
		return nil
	}
	var out []Step
	for i, site := range p.Sites {
		if i >= len(via) || !site.IsValid() {
			break
		}
		callee := p.Reader
		if i+1 < len(via) {
			callee = via[i+1]
		}
		if callee == "" {
			break
		}
		out = append(out, Step{Func: via[i], Callee: callee, Site: site})
	}
	return out
}
