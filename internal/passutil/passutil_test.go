package passutil

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"maps"
	"slices"
	"testing"
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
