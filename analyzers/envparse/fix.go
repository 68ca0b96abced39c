package envparse

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/envvet/envvet/internal/passutil"
)

// dropFix returns a suggested fix for p, a parse of key whose error is
// dropped, where one is safe: the error is assigned to _ in a := of its
// own statement, or the parse (json.Unmarshal) is a statement of its own;
// the enclosing function returns an error last, and every other result
// has a literal zero value (the fix returns fmt.Errorf("KEY: %w", err)),
// or it is func main (log.Fatalf); err is not declared in the
// statement's scope; fmt or log is imported, or can be, under its name.
func (s *state) dropFix(p *parseSite, key string) []analysis.SuggestedFix {
	stmt, blank := s.dropStmt(p)
	if !stmt.Valid() || passutil.StmtList(stmt.Parent().Node()) == nil || !s.ownLine(stmt.Node()) {
		return nil
	}
	pkg, failIn := s.failWith(stmt, key)
	if failIn == nil {
		return nil
	}
	file := passutil.FileOf(s.pass, stmt.Node().Pos())
	qual, importEdits, ok := s.importName(file, stmt.Node().Pos(), pkg)
	if !ok {
		return nil
	}
	fail := failIn(qual)
	indent := strings.Repeat("\t", s.pass.Fset.PositionFor(stmt.Node().Pos(), false).Column-1)
	body := "\n" + indent + "\t" + fail + "\n" + indent + "}"
	eol := s.lineEnd(stmt.Node().End()) // after a trailing comment
	var edits []analysis.TextEdit
	if blank != nil {
		if sc := s.pass.Pkg.Scope().Innermost(stmt.Node().Pos()); sc == nil || sc.Lookup("err") != nil {
			return nil
		}
		edits = []analysis.TextEdit{
			{Pos: blank.Pos(), End: blank.End(), NewText: []byte("err")},
			{Pos: eol, End: eol, NewText: []byte("\n" + indent + "if err != nil {" + body)},
		}
	} else {
		edits = []analysis.TextEdit{
			{Pos: stmt.Node().Pos(), End: stmt.Node().Pos(), NewText: []byte("if err := ")},
			{Pos: stmt.Node().End(), End: stmt.Node().End(), NewText: []byte("; err != nil {")},
			{Pos: eol, End: eol, NewText: []byte(body)},
		}
	}
	msg := "Return an error when " + key + " does not parse"
	if pkg == "log" {
		msg = "Stop the program when " + key + " does not parse"
	}
	return []analysis.SuggestedFix{{Message: msg, TextEdits: append(edits, importEdits...)}}
}

// dropStmt returns the statement of p's call when a fix can rewrite it:
// an expression statement (blank is nil), or a := whose result p.parser.res
// is _ (blank is that identifier).
func (s *state) dropStmt(p *parseSite) (stmt inspector.Cursor, blank *ast.Ident) {
	if !p.cur.Valid() || p.parser.nilCheck {
		return inspector.Cursor{}, nil
	}
	parent := p.cur.Parent()
	switch n := parent.Node().(type) {
	case *ast.ExprStmt:
		if n.X == p.call {
			return parent, nil
		}
	case *ast.AssignStmt:
		if n.Tok != token.DEFINE || len(n.Rhs) != 1 || n.Rhs[0] != p.call || p.parser.res >= len(n.Lhs) {
			break
		}
		if id, ok := n.Lhs[p.parser.res].(*ast.Ident); ok && id.Name == "_" {
			return parent, id
		}
	}
	return inspector.Cursor{}, nil
}

// failWith returns the package the failing statement needs ("fmt" or
// "log") and the statement, given the name the file uses for that
// package, for the function around stmt; nil if there is no safe one.
func (s *state) failWith(stmt inspector.Cursor, key string) (pkg string, fail func(qual string) string) {
	for enc := range stmt.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		var sig *types.Signature
		switch f := enc.Node().(type) {
		case *ast.FuncDecl:
			if fn, ok := s.info.Defs[f.Name].(*types.Func); ok {
				sig, _ = fn.Type().(*types.Signature)
				if f.Recv == nil && f.Name.Name == "main" && s.pass.Pkg.Name() == "main" {
					return "log", func(q string) string { return q + ".Fatalf(" + strconv.Quote(key+": %v") + ", err)" }
				}
			}
		case *ast.FuncLit:
			if tv, ok := s.info.Types[f]; ok {
				sig, _ = tv.Type.(*types.Signature)
			}
		}
		if sig == nil || sig.Results().Len() == 0 {
			return "", nil
		}
		res := sig.Results()
		if !types.Identical(res.At(res.Len()-1).Type(), types.Universe.Lookup("error").Type()) {
			return "", nil
		}
		var vals []string
		for i := range res.Len() - 1 {
			z := zeroLit(res.At(i).Type())
			if z == "" {
				return "", nil
			}
			vals = append(vals, z)
		}
		return "fmt", func(q string) string {
			return "return " + strings.Join(append(vals, q+".Errorf("+strconv.Quote(key+": %w")+", err)"), ", ")
		}
	}
	return "", nil
}

// zeroLit returns a literal for the zero value of t, "" if there is none.
func zeroLit(t types.Type) string {
	switch u := t.Underlying().(type) {
	case *types.Basic:
		switch {
		case u.Info()&types.IsBoolean != 0:
			return "false"
		case u.Info()&types.IsString != 0:
			return `""`
		case u.Info()&types.IsNumeric != 0:
			return "0"
		}
	case *types.Pointer, *types.Slice, *types.Map, *types.Chan, *types.Signature, *types.Interface:
		return "nil"
	}
	return ""
}

// ownLine reports whether n has its lines to itself: only blanks before it
// on its first line, and only blanks or a // comment after it on its last
// (not func() { json.Unmarshal(b, &v) }()).
func (s *state) ownLine(n ast.Node) bool {
	tf := s.pass.Fset.File(n.Pos())
	if tf == nil || s.pass.ReadFile == nil {
		return false
	}
	src, err := s.pass.ReadFile(tf.Name())
	if err != nil || tf.Size() != len(src) {
		return false
	}
	start, end := tf.Offset(n.Pos()), tf.Offset(n.End())
	lineStart := tf.Offset(tf.LineStart(tf.PositionFor(n.Pos(), false).Line))
	eol := tf.Offset(s.lineEnd(n.End()))
	if lineStart > start || start > end || end > eol || eol > len(src) {
		return false
	}
	before := strings.TrimSpace(string(src[lineStart:start]))
	after := strings.TrimSpace(string(src[end:eol]))
	return before == "" && (after == "" || strings.HasPrefix(after, "//"))
}

// lineEnd returns the position of the end of pos's line (its newline).
func (s *state) lineEnd(pos token.Pos) token.Pos {
	tf := s.pass.Fset.File(pos)
	if tf == nil {
		return pos
	}
	line := tf.PositionFor(pos, false).Line // the file's own lines, not //line's
	if line >= tf.LineCount() {
		return token.Pos(tf.Base() + tf.Size())
	}
	return tf.LineStart(line+1) - 1
}

// importName returns the name under which file refers to the standard
// package path at pos, and the edits that import it when the file does
// not; ok is false when it cannot be named (imported as _ or ., or the
// name is shadowed or taken).
func (s *state) importName(file *ast.File, pos token.Pos, path string) (string, []analysis.TextEdit, bool) {
	if file == nil {
		return "", nil, false
	}
	if name, imported, ok := passutil.ImportName(s.pass, file, pos, path); imported {
		return name, nil, ok
	}
	if sc := s.pass.Pkg.Scope().Innermost(pos); sc != nil {
		if _, obj := sc.LookupParent(path, pos); obj != nil {
			return "", nil, false
		}
	}
	for _, d := range file.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.IMPORT {
			continue
		}
		if g.Lparen.IsValid() {
			return path, []analysis.TextEdit{{Pos: g.Lparen + 1, End: g.Lparen + 1, NewText: []byte("\n\t" + strconv.Quote(path))}}, true
		}
		return path, []analysis.TextEdit{{Pos: g.Pos(), End: g.Pos(), NewText: []byte("import " + strconv.Quote(path) + "\n")}}, true
	}
	return path, []analysis.TextEdit{{Pos: file.Name.End(), End: file.Name.End(), NewText: []byte("\n\nimport " + strconv.Quote(path))}}, true
}
