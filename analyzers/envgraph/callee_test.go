package envgraph

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"golang.org/x/tools/go/types/typeutil"
)

// calleeSrc has calls of functions, a method, a generic function, a
// variable, a builtin and a conversion (no callee), nested in each other.
const calleeSrc = `package p

type T struct{}

func (T) M(s string) string { return s }

func get(k string) string { return k }

func upper[S ~string](s S) S { return s }

func f() {
	v := get(upper(T{}.M("a")))
	g := func(s string) { print(s, len(s)) }
	g(v)
	println(upper(get("B")), string([]byte(v)), get(T{}.M(v)))
}
`

// TestCallee: callee answers typeutil.Callee for every call, whether the
// call is the one a pass over s.calls is at (atSite: the callee its
// callSite holds), another call is, the hint is out of range, or the call
// is not in s.calls at all (the map), in turn, backwards and from both
// ends.
func TestCallee(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", calleeSrc, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}, Uses: map[*ast.Ident]types.Object{},
		Defs: map[*ast.Ident]types.Object{}, Instances: map[*ast.Ident]types.Instance{}}
	if _, err := new(types.Config).Check("p", fset, []*ast.File{f}, info); err != nil {
		t.Fatal(err)
	}
	var all []*ast.CallExpr
	ast.Inspect(f, func(n ast.Node) bool {
		if c, ok := n.(*ast.CallExpr); ok {
			all = append(all, c)
		}
		return true
	})
	if len(all) < 10 {
		t.Fatalf("%d calls: the test proves little", len(all))
	}
	s := &state{info: info}
	for _, c := range all[:len(all)-2] { // the last two are asked about outside s.calls
		s.calls = append(s.calls, callSite{call: c, callee: typeutil.Callee(info, c)})
	}
	var order []int
	for i := range all {
		order = append(order, i, i) // each twice, in turn
	}
	for i := len(all) - 1; i >= 0; i-- {
		order = append(order, i) // backwards
	}
	for i := 0; i < len(all); i += 2 {
		order = append(order, i, len(all)-1-i) // from both ends
	}
	for _, hint := range []string{"at", "next", "first", "out"} {
		for _, i := range order {
			switch {
			case hint == "at" && i < len(s.calls):
				s.at(int32(i))
			case hint == "next":
				s.atSite = (i + 1) % len(s.calls)
			case hint == "first":
				s.atSite = 0
			case hint == "out":
				s.atSite = len(s.calls)
			}
			c := all[i]
			if got, want := s.callee(c), typeutil.Callee(info, c); got != want {
				t.Errorf("%s, atSite %s %d: callee = %v, typeutil.Callee %v", fset.Position(c.Pos()), hint, s.atSite, got, want)
			}
		}
	}
	if len(s.callees) != len(all) {
		t.Errorf("%d of %d calls in the map: want every call asked about with another call's hint", len(s.callees), len(all))
	}
}
