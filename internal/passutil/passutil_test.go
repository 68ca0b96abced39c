package passutil

import (
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"maps"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

func TestSplitList(t *testing.T) {
	for in, want := range map[string][]string{
		"":           nil,
		"A":          {"A"},
		" A , B,,C ": {"A", "B", "C"},
		",":          nil,
		"AWS_*,CI":   {"AWS_*", "CI"},
	} {
		if got := SplitList(in); !slices.Equal(got, want) {
			t.Errorf("SplitList(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParams(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", "package p\n\nfunc F(a, _ int, b string, c ...bool) {}\n\nvar G = func(int, string) {}\n", 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Defs: make(map[*ast.Ident]types.Object)}
	if _, err := new(types.Config).Check("p", fset, []*ast.File{f}, info); err != nil {
		t.Fatal(err)
	}
	fn := f.Decls[0].(*ast.FuncDecl)
	got := make(map[string]int)
	for v, i := range Params(info, fn.Type) {
		got[v.Name()] = i
	}
	if want := map[string]int{"a": 0, "_": 1, "b": 2, "c": 3}; !maps.Equal(got, want) {
		t.Errorf("Params(F) = %v, want %v", got, want)
	}
	lit := f.Decls[1].(*ast.GenDecl).Specs[0].(*ast.ValueSpec).Values[0].(*ast.FuncLit)
	if got := Params(info, lit.Type); len(got) != 0 {
		t.Errorf("Params of unnamed parameters = %v, want none", got)
	}
	if got := Params(info, nil); len(got) != 0 {
		t.Errorf("Params(nil) = %v, want none", got)
	}
}

// TestImportName checks the name of an import at a position: as written,
// renamed, shadowed by a local, blank, and not imported at all.
func TestImportName(t *testing.T) {
	const src = `package p

import (
	ctx "context"
	_ "embed"
	"strings"
)

func f() {
	_, _ = ctx.Background(), strings.ToUpper("")
	strings := 1 // shadows the import below this line
	_ = strings
}
`
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	pkg, err := (&types.Config{Importer: importer.Default()}).Check("p", fset, []*ast.File{file}, nil)
	if err != nil {
		t.Fatal(err)
	}
	pass := &analysis.Pass{Pkg: pkg, Files: []*ast.File{file}}
	tf := fset.File(file.Pos())
	body := tf.LineStart(10) // _, _ = ctx.Background(), strings.ToUpper("")
	after := tf.LineStart(12)
	for _, c := range []struct {
		pos            token.Pos
		path, name     string
		imported, isOK bool
	}{
		{body, "context", "ctx", true, true},
		{body, "strings", "strings", true, true},
		{after, "strings", "", true, false},
		{body, "embed", "", true, false},
		{body, "fmt", "", false, false},
	} {
		name, imported, ok := ImportName(pass, file, c.pos, c.path)
		if name != c.name || imported != c.imported || ok != c.isOK {
			t.Errorf("ImportName(%s at line %d) = %q, %v, %v; want %q, %v, %v",
				c.path, fset.Position(c.pos).Line, name, imported, ok, c.name, c.imported, c.isOK)
		}
	}
	if got := FileOf(pass, body); got != file {
		t.Errorf("FileOf = %v, want the file", got)
	}
	if got := FileOf(pass, token.NoPos); got != nil {
		t.Errorf("FileOf(NoPos) = %v, want nil", got)
	}
}

func TestAssignSides(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "a.go", "package a\nvar a, b = 1, 2\nfunc f() { c, d := 3, 4; _, _ = c, d; f() }\n", 0)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	ast.Inspect(f, func(n ast.Node) bool {
		if lhs, rhs := AssignSides(n); lhs != nil {
			got = append(got, fmt.Sprintf("%d=%d %s", len(lhs), len(rhs), lhs[0].(*ast.Ident).Name))
		}
		return true
	})
	if want := []string{"2=2 a", "2=2 c", "2=2 _"}; !slices.Equal(got, want) {
		t.Errorf("AssignSides: got %q, want %q", got, want)
	}
}

func TestCalleeName(t *testing.T) {
	src := "package a\nfunc f() { F(); x.G(); H[int](); x.I[int, string](); (J)(); func() {}(); f()() }\n"
	f, err := parser.ParseFile(token.NewFileSet(), "a.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	ast.Inspect(f, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			got = append(got, CalleeName(call.Fun))
		}
		return true
	})
	if want := []string{"F", "G", "H", "I", "J", "", "", "f"}; !slices.Equal(got, want) {
		t.Errorf("CalleeName: got %q, want %q", got, want)
	}
}

func TestFatalName(t *testing.T) {
	for name, want := range map[string]bool{
		"Fatal": true, "Fatalf": true, "Fatalln": true, "Fatalw": true,
		"Panic": true, "Panicf": true, "Panicln": true, "Panicw": true,
		"Print": false, "Error": false, "Errorf": false, "Exit": false, "fatal": false, "Must": false,
	} {
		if got := FatalName(name); got != want {
			t.Errorf("FatalName(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestStmtsAfter: the statements after one in a block, a case and a
// select's clause; none after an if's init, which is in no list.
func TestStmtsAfter(t *testing.T) {
	src := "package a\nfunc f(x int, c chan int) {\n\ta := 1\n\tif b := a; b > 0 { x++; x-- }\n\tswitch x { case 1: x = 2; x = 3 }\n\tselect { case <-c: x = 4; x = 5 }\n}\n"
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "a.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for c := range inspector.New([]*ast.File{f}).Root().Preorder((*ast.AssignStmt)(nil), (*ast.IncDecStmt)(nil)) {
		var rest []string
		for _, st := range StmtsAfter(c) {
			rest = append(rest, fmt.Sprint(fset.Position(st.Pos()).Column))
		}
		got = append(got, fmt.Sprintf("%d:%d->%v", fset.Position(c.Node().Pos()).Line, fset.Position(c.Node().Pos()).Column, rest))
	}
	want := []string{"3:2->[2 2 2]", "4:5->[]", "4:21->[26]", "4:26->[]", "5:21->[28]", "5:28->[]", "6:21->[28]", "6:28->[]"}
	if !slices.Equal(got, want) {
		t.Errorf("StmtsAfter: got %q, want %q", got, want)
	}
}

// TestContains: a match below a function literal counts only with
// enterLits; the walk stops at the first match.
func TestContains(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "a.go", "package a\nfunc f() { g(); go func() { h() }() }\n", 0)
	if err != nil {
		t.Fatal(err)
	}
	callsTo := func(name string, seen *int) func(ast.Node) bool {
		return func(n ast.Node) bool {
			*seen++
			call, ok := n.(*ast.CallExpr)
			return ok && CalleeName(call.Fun) == name
		}
	}
	var all, upToG int
	for _, tc := range []struct {
		name      string
		enterLits bool
		want      bool
	}{{"h", true, true}, {"h", false, false}, {"g", false, true}} {
		if got := Contains(f, tc.enterLits, callsTo(tc.name, &all)); got != tc.want {
			t.Errorf("Contains(call of %s, enterLits %v) = %v, want %v", tc.name, tc.enterLits, got, tc.want)
		}
	}
	Contains(f, true, callsTo("g", &upToG))
	if whole := 0; Contains(f, true, callsTo("none", &whole)) || upToG >= whole {
		t.Errorf("the walk for g matched %d nodes of %d: it did not stop at the first match", upToG, whole)
	}
	if all == 0 {
		t.Error("no node matched")
	}
}
