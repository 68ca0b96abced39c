package ctxsum

import (
	"go/ast"
	"go/parser"
	"testing"
)

// TestMayBeRoot checks the syntactic filter that lets ctxgo's cutShort
// skip a Flow: every shape of call under which DeferredCancel or
// IsRequestContext may hold passes it.
func TestMayBeRoot(t *testing.T) {
	for _, tc := range []struct {
		call string
		want bool
	}{
		{"context.WithCancel(ctx)", true},
		{"context.WithCancelCause(ctx)", true},
		{"context.WithTimeout(ctx, d)", true},
		{"context.WithTimeoutCause(ctx, d, err)", true},
		{"context.WithDeadline(ctx, t)", true},
		{"(context.WithDeadlineCause)(ctx, t, err)", true},
		{"WithCancel(ctx)", true}, // a dot import
		{"r.Context()", true},
		{"c.Request.Context()", true},
		{"c.Request().Context()", true},
		{"(r.Context)()", true},
		{"context.WithValue(ctx, k, v)", false},
		{"context.Background()", false},
		{"r.Context(x)", false},
		{"Context()", false}, // not a method: no request context path ends here
		{"r.Done()", false},
		{"f(ctx)", false},
	} {
		e, err := parser.ParseExpr(tc.call)
		if err != nil {
			t.Fatal(err)
		}
		if got := MayBeRoot(e.(*ast.CallExpr)); got != tc.want {
			t.Errorf("MayBeRoot(%s) = %v, want %v", tc.call, got, tc.want)
		}
	}
}
