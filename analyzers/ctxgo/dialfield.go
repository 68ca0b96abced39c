package ctxgo

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"strings"
	"unicode"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/envvet/envvet/analyzers/ctxgo/internal/ctxsum"
)

// A dialStore is a struct field that a Dial or Connect function sets to a
// context derived from its own context parameter.
type dialStore struct {
	field *types.Var // the field (its generic origin)
	fn    string     // "Connect", "(*Transport).Connect"
	at    token.Pos  // the store
	decl  *ast.FuncDecl
	flow  *ctxsum.Flow // of decl
}

// dialField reports (rule cutshort) a goroutine that works with a context
// field which a function named Dial... or Connect... set from its context
// parameter (modelcontextprotocol/go-sdk v1.1.0: Connect stores
// context.WithCancel(ctx) in c.ctx, and the standalone SSE stream's
// goroutine makes its requests with c.ctx). By the convention of
// net.Dialer.DialContext, the context given to a dial bounds the setup of
// the connection only, so callers pass one they cancel as soon as the dial
// returns (a timeout with a deferred cancel), and the connection's
// goroutines then fail with context canceled.
// It returns the go statements it reported.
func dialField(pass *analysis.Pass, sum *ctxsum.Result, in *inspector.Inspector, dials []dial) map[*ast.GoStmt]bool {
	reported := make(map[*ast.GoStmt]bool)
	stores := dialStores(pass, dials)
	if len(stores) == 0 {
		return reported
	}
	for cur := range in.Root().Preorder((*ast.GoStmt)(nil)) {
		g := cur.Node().(*ast.GoStmt)
		if g.Call == nil {
			continue
		}
		var encl ast.Node
		for e := range cur.Enclosing((*ast.FuncDecl)(nil)) {
			encl = e.Node()
			break
		}
		for _, s := range stores {
			if encl == ast.Node(s.decl) && s.flow.WaitsAfter(g, nil) {
				continue // the dial waits for it: its context is alive
			}
			if work := goFieldWork(pass, sum, g, s.field); work != nil {
				reportDialField(pass, g, s, work)
				reported[g] = true
				break
			}
		}
	}
	return reported
}

// dialStores lists the context fields of the package's struct types that
// a dial (dialFuncs: a function or method named Dial... or Connect...)
// assigns (c.ctx = x, or T{ctx: x}) a value derived from its context
// parameter (the parameter itself, context.WithCancel(ctx), a local
// variable holding one). A value from context.Background() or
// context.WithoutCancel(ctx) is not derived.
func dialStores(pass *analysis.Pass, dials []dial) []dialStore {
	var stores []dialStore
	for _, d := range dials {
		roots := ctxsum.Roots{Entry: func(v *types.Var) bool { return v == d.param }}
		ast.Inspect(d.decl.Body, func(n ast.Node) bool {
			field, value := storedField(pass, n)
			if field != nil && d.flow.Carries(value, n.Pos(), roots) {
				stores = append(stores, dialStore{field: field, fn: d.name, at: n.Pos(), decl: d.decl, flow: d.flow})
			}
			_, lit := n.(*ast.FuncLit)
			return !lit
		})
	}
	return stores
}

// dialName names decl as the messages do: "Connect", "(*Transport).Connect".
func dialName(pass *analysis.Pass, decl *ast.FuncDecl) string {
	name := decl.Name.Name
	if fn, ok := pass.TypesInfo.Defs[decl.Name].(*types.Func); ok && fn.Signature().Recv() != nil {
		recv := types.TypeString(fn.Signature().Recv().Type(), types.RelativeTo(pass.Pkg))
		if strings.HasPrefix(recv, "*") {
			recv = "(" + recv + ")"
		}
		name = recv + "." + name
	}
	return name
}

// storedField matches n, a key-value pair of a composite literal or an
// assignment, when it stores a value in a context field of a struct type
// of the package: it returns the field and the value.
func storedField(pass *analysis.Pass, n ast.Node) (*types.Var, ast.Expr) {
	ours := func(f *types.Var) bool {
		return f != nil && f.Pkg() == pass.Pkg && ctxsum.IsContext(f.Type())
	}
	switch n := n.(type) {
	case *ast.KeyValueExpr:
		if f := keyedField(pass.TypesInfo, n); ours(f) {
			return f, n.Value
		}
	case *ast.AssignStmt:
		for i, lhs := range n.Lhs {
			sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
			if !ok {
				continue
			}
			f := selectedField(pass.TypesInfo, sel)
			switch {
			case !ours(f):
			case len(n.Lhs) == len(n.Rhs):
				return f, n.Rhs[i]
			case len(n.Rhs) == 1 && i == 0:
				return f, n.Rhs[0] // c.ctx, c.cancel = context.WithCancel(ctx)
			}
		}
	}
	return nil, nil
}

// isDialName reports whether name is Dial or Connect, or starts with one
// followed by an upper-case letter or a digit (DialContext,
// ConnectWithOptions; go-ipmi's Connect15 and Connect20, the IPMI v1.5 and
// v2.0 session setups).
func isDialName(name string) bool {
	for _, p := range []string{"Dial", "Connect"} {
		if rest, ok := strings.CutPrefix(name, p); ok {
			r := []rune(rest)
			if len(r) == 0 || unicode.IsUpper(r[0]) || unicode.IsDigit(r[0]) {
				return true
			}
		}
	}
	return false
}

// A dial is a function of the package with a body whose name is a dial's
// (isDialName) and that has one context parameter; dialField and dialGo
// both ask its flow.
type dial struct {
	decl  *ast.FuncDecl
	param *types.Var   // its context parameter
	name  string       // as the messages name it (dialName)
	flow  *ctxsum.Flow // of decl, built once for both rules
}

// dialFuncs returns the package's dials, in source order.
func dialFuncs(pass *analysis.Pass, sum *ctxsum.Result, in *inspector.Inspector) []dial {
	var dials []dial
	for cur := range in.Root().Preorder((*ast.FuncDecl)(nil)) {
		decl := cur.Node().(*ast.FuncDecl)
		if decl.Body == nil || !isDialName(decl.Name.Name) {
			continue
		}
		if p := ctxParam(pass.TypesInfo, decl.Type); p != nil {
			dials = append(dials, dial{decl: decl, param: p, name: dialName(pass, decl), flow: sum.NewFlow(decl.Type, decl.Body)})
		}
	}
	return dials
}

// ctxParam returns the one named context.Context parameter of ftype, or nil.
func ctxParam(info *types.Info, ftype *ast.FuncType) *types.Var {
	var found *types.Var
	for _, f := range ftype.Params.List {
		for _, id := range f.Names {
			v, ok := info.Defs[id].(*types.Var)
			if !ok || !ctxsum.IsContext(v.Type()) {
				continue
			}
			if found != nil {
				return nil // two contexts: which one bounds the dial?
			}
			found = v
		}
	}
	return found
}

// goFieldWork returns where the goroutine started by g works with field:
// in its arguments or literal, or in a function of the package that it
// runs or calls, up to three calls deep.
func goFieldWork(pass *analysis.Pass, sum *ctxsum.Result, g *ast.GoStmt, field *types.Var) ast.Node {
	seen := make(map[*types.Func]bool)
	level := []ast.Node{g.Call}
	for depth := 0; depth <= 3 && len(level) > 0; depth++ {
		var next []ast.Node
		for _, root := range level {
			if w := sum.FieldWork(root, field); w != nil {
				return w
			}
			ast.Inspect(root, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				fn := ctxsum.Callee(pass.TypesInfo, call)
				if fn == nil || fn.Pkg() != pass.Pkg || seen[fn.Origin()] {
					return true
				}
				seen[fn.Origin()] = true
				if decl := sum.Decl(fn); decl != nil && decl.Body != nil {
					next = append(next, decl.Body)
				}
				return true
			})
		}
		level = next
	}
	return nil
}

func reportDialField(pass *analysis.Pass, g *ast.GoStmt, s dialStore, work ast.Node) {
	owner := s.field.Name()
	if sel, ok := work.(*ast.SelectorExpr); ok {
		owner = types.ExprString(sel)
	}
	dial := s.fn
	if i := strings.LastIndex(dial, "."); i >= 0 {
		dial = dial[i+1:]
	}
	pass.Report(analysis.Diagnostic{
		Pos:      g.Pos(),
		End:      g.Call.Lparen,
		Category: catCutShort,
		Message: fmt.Sprintf("%s holds a context derived from the ctx of %s (%s), which callers may cancel once %s returns "+
			"(a dial's context bounds its setup, as for net.Dialer.DialContext), but the goroutine started here keeps using it (%s); "+
			"did you mean to derive it from context.WithoutCancel(ctx)?",
			owner, s.fn, where(pass, g.Pos(), s.at), dial, where(pass, g.Pos(), work.Pos())),
		Related: []analysis.RelatedInformation{{Pos: s.at, Message: "the context field is set here"}},
	})
}

// where names pos as "line N" when it is in the file of from, or as
// "file.go:N" otherwise.
func where(pass *analysis.Pass, from, pos token.Pos) string {
	p, f := pass.Fset.Position(pos), pass.Fset.Position(from)
	if p.Filename == f.Filename {
		return fmt.Sprintf("line %d", p.Line)
	}
	return fmt.Sprintf("%s:%d", filepath.Base(p.Filename), p.Line)
}
