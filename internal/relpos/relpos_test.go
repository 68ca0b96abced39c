package relpos

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis"
)

func TestFiles(t *testing.T) {
	dir := t.TempDir()
	own := filepath.Join(dir, "own.go")
	other := filepath.Join(dir, "other.go")
	for name, src := range map[string]string{own: "package p\n\nvar X = 1\n", other: "package q\n\nfunc F() {}\n"} {
		if err := os.WriteFile(name, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, own, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	r := New(&analysis.Pass{Fset: fset, Files: []*ast.File{f}})

	pos, ok := r.PosString(Format(fset, f.Decls[0].Pos()))
	if !ok || pos != f.Decls[0].Pos() {
		t.Errorf("own file: %v %v, want %v", pos, ok, f.Decls[0].Pos())
	}
	pos, ok = r.Pos(other, 3, 6)
	if p := fset.Position(pos); !ok || p.Filename != other || p.Line != 3 || p.Column != 6 {
		t.Errorf("other file: %v %v", p, ok)
	}
	again, _ := r.Pos(other, 3, 1)
	if fset.File(again) != fset.File(pos) {
		t.Error("other file added twice")
	}
	for _, bad := range []struct {
		file      string
		line, col int
	}{
		{other, 4, 1},  // past the last line
		{other, 3, 13}, // past the line's end
		{other, 0, 1},
		{filepath.Join(dir, "gone.go"), 1, 1},
		{filepath.Join(dir, ".env"), 1, 1},
	} {
		if pos, ok := r.Pos(bad.file, bad.line, bad.col); ok || pos.IsValid() {
			t.Errorf("%s:%d:%d resolved to %v", bad.file, bad.line, bad.col, fset.Position(pos))
		}
	}
	if _, _, _, ok := Parse("C:\\x\\a.go:3:4"); !ok {
		t.Error("a name with a colon does not parse")
	}
}

// TestLineDirectives checks that a position under a //line directive is
// kept as the Go file the directive names (cgo's generated files), and
// as the file itself when the directive names something else.
func TestLineDirectives(t *testing.T) {
	dir := t.TempDir()
	orig := filepath.Join(dir, "orig.go")
	gen := filepath.Join(dir, "gen.go")
	src := "package p\n\n//line " + orig + ":3:1\nvar X = 1\n\n//line gram.y:7\nvar Y = 2\n"
	for name, content := range map[string]string{orig: "package p\n\nvar X = 1\n", gen: src} {
		if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, gen, nil, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := Format(fset, f.Decls[0].Pos()), orig+":3:1"; got != want {
		t.Errorf("cgo-style directive: %s, want %s", got, want)
	}
	if got, want := Format(fset, f.Decls[1].Pos()), gen+":7:1"; got != want {
		t.Errorf("directive naming a non-Go file: %s, want %s", got, want)
	}
	r := New(&analysis.Pass{Fset: fset, Files: []*ast.File{f}})
	pos, ok := r.PosString(Format(fset, f.Decls[0].Pos()))
	if p := fset.Position(pos); !ok || p.Filename != orig || p.Line != 3 {
		t.Errorf("resolved to %v %v, want %s:3", p, ok, orig)
	}
}

func TestSplit(t *testing.T) {
	for _, c := range []struct {
		posn      string
		file      string
		line, col int
	}{
		{"/a/b.go:3:4", "/a/b.go", 3, 4},
		{"/a/b.go:3", "/a/b.go", 3, 0},
		{"/a/b.go", "/a/b.go", 0, 0},
		{"C:/a:b.go:3:4", "C:/a:b.go", 3, 4},
		{"-", "-", 0, 0},
	} {
		file, line, col := Split(c.posn)
		if file != c.file || line != c.line || col != c.col {
			t.Errorf("Split(%q) = %q, %d, %d, want %q, %d, %d", c.posn, file, line, col, c.file, c.line, c.col)
		}
	}
}
