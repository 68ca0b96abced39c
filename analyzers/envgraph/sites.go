package envgraph

import (
	"go/ast"
	"go/token"
	"slices"
	"strconv"
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
// file's name as the FileSet knows it, without //line adjustment.
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
	p := s.pass.Fset.PositionFor(n.Pos(), false)
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

// commonSites returns the longest common prefix of two chains of sites:
// a site both chains share is one call, so it calls the same function.
func commonSites(a, b []Site) []Site {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	if n == 0 {
		return nil
	}
	return slices.Clip(a[:n])
}

// Resolve returns the position of site in fset: in one of files when
// site lies in one of them, else nothing (ok false). Callers that need
// sites in other files (an imported helper's) add the file themselves.
func (site Site) Resolve(fset *token.FileSet, files []*ast.File) (token.Pos, bool) {
	if !site.IsValid() {
		return token.NoPos, false
	}
	for _, f := range files {
		tf := fset.File(f.FileStart)
		if tf == nil || tf.Name() != site.File {
			continue
		}
		return PosIn(tf, site.Line, site.Col)
	}
	return token.NoPos, false
}

// PosIn returns the position of line:col in tf, if tf has it.
func PosIn(tf *token.File, line, col int) (token.Pos, bool) {
	if tf == nil || line < 1 || line > tf.LineCount() || col < 1 {
		return token.NoPos, false
	}
	start := tf.LineStart(line)
	end := tf.Base() + tf.Size() // the line's end: the next line's start or the file's
	if line < tf.LineCount() {
		end = int(tf.LineStart(line + 1))
	}
	pos := start + token.Pos(col-1)
	if int(pos) >= end {
		return token.NoPos, false
	}
	return pos, true
}
