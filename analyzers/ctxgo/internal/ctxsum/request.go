package ctxsum

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/envvet/envvet/internal/passutil"
)

// A requestContext is one framework's way to the context of a request,
// which ends when the handler returns: from the handler's parameter of
// type Pkg.Type (or a pointer to it), follow Path, each step a field or,
// ending in "()", a method called without arguments. With names the type
// (in Pkg) of a parameter before it, if the handler has one: net/http's
// handlers take (http.ResponseWriter, *http.Request); the others take
// their parameter alone.
type requestContext struct {
	Pkg, Type, With string
	Path            []string
}

// requestContexts lists the request contexts ctxgo knows. Adding a
// framework is one entry. fiber is left out: its UserContext() is
// context.Background() unless middleware sets one, and its Context() (a
// *fasthttp.RequestCtx) is not cancelled when the handler returns.
func requestContexts() []requestContext {
	return []requestContext{
		{Pkg: "net/http", Type: "Request", With: "ResponseWriter", Path: []string{"Context()"}},
		{Pkg: "github.com/gin-gonic/gin", Type: "Context", Path: []string{"Request", "Context()"}},
		{Pkg: "github.com/labstack/echo/v4", Type: "Context", Path: []string{"Request()", "Context()"}},
		{Pkg: "github.com/labstack/echo/v5", Type: "Context", Path: []string{"Request()", "Context()"}},
	}
}

// IsRequestContext reports whether e is the context of the request of a
// handler (requestContexts: r.Context() in a net/http handler,
// c.Request.Context() in a gin handler, c.Request().Context() in an echo
// handler), reached from a parameter that the function does not reassign
// before pos.
func (f *Flow) IsRequestContext(e ast.Expr, pos token.Pos) bool {
	for _, rc := range requestContexts() {
		if v := f.requestParam(e, rc); v != nil {
			_, entry, ok := f.reach(v, pos)
			return ok && entry
		}
	}
	return false
}

// requestParam returns the handler parameter from which e follows rc's
// path, or nil.
func (f *Flow) requestParam(e ast.Expr, rc requestContext) *types.Var {
	x := ast.Unparen(e)
	for j := len(rc.Path) - 1; j >= 0; j-- {
		name, method := strings.CutSuffix(rc.Path[j], "()")
		if method {
			call, ok := x.(*ast.CallExpr)
			if !ok || len(call.Args) != 0 {
				return nil
			}
			x = ast.Unparen(call.Fun)
		}
		sel, ok := x.(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != name {
			return nil
		}
		x = ast.Unparen(sel.X)
	}
	id, ok := x.(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := f.info.Uses[id].(*types.Var)
	if !ok || !f.isHandlerParam(v, rc) {
		return nil
	}
	return v
}

// isHandlerParam reports whether v is the parameter of rc's type of a
// handler of rc's shape: the function's parameters are exactly (v), or
// begin with (With, v). More parameters after the request are a handler
// still: httprouter's Handle takes (w, r, params), and a hook or helper
// that a handler calls with its own w and r runs within that request,
// which ends when the handler returns (kratos's
// ExecuteLoginPreHook(w, r, flow)).
func (f *Flow) isHandlerParam(v *types.Var, rc requestContext) bool {
	if f.ftype == nil || f.ftype.Params == nil {
		return false
	}
	var params []types.Type
	at := -1 // v's index among the parameters
	for _, field := range f.ftype.Params.List {
		t, ok := f.info.Types[field.Type]
		if !ok {
			return false
		}
		for _, name := range field.Names {
			if f.info.Defs[name] == v {
				at = len(params)
			}
			params = append(params, t.Type)
		}
		if len(field.Names) == 0 {
			params = append(params, t.Type)
		}
	}
	if at < 0 || !isNamedOrPtr(v.Type(), rc.Pkg, rc.Type) {
		return false
	}
	if rc.With == "" {
		return len(params) == 1
	}
	return at == 1 && isNamed(params[0], rc.Pkg, rc.With)
}

func isNamedOrPtr(t types.Type, path, name string) bool {
	return isNamed(t, path, name) || isPtrTo(t, path, name)
}

// RPCContext returns the context parameter of decl when decl is a gRPC,
// Connect or Twirp service method, whose context ends when the RPC
// returns: a method whose first parameter is a context.Context, of a
// struct type that embeds the generated Unimplemented...Server (grpc-go)
// or Unimplemented...Handler (connect-go) type, which declares a method of
// the same name, or of a type that implements a Twirp service interface
// of an imported package (twirpServices) with a method of that name. Nil
// otherwise.
func (r *Result) RPCContext(decl *ast.FuncDecl) *types.Var {
	if decl == nil || decl.Recv == nil {
		return nil
	}
	fn, ok := r.info.Defs[decl.Name].(*types.Func)
	if !ok || fn == nil {
		return nil
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil || sig.Params().Len() == 0 || !IsContext(sig.Params().At(0).Type()) {
		return nil
	}
	recv := sig.Recv().Type()
	if p, ok := types.Unalias(recv).(*types.Pointer); ok {
		recv = p.Elem()
	}
	st, ok := types.Unalias(recv).Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	for field := range st.Fields() {
		if !field.Embedded() || !isUnimplemented(field.Type()) {
			continue
		}
		obj, _, _ := types.LookupFieldOrMethod(field.Type(), true, field.Pkg(), fn.Name())
		if m, ok := obj.(*types.Func); ok && m != fn {
			return sig.Params().At(0)
		}
	}
	if r.isTwirpMethod(fn, sig.Recv().Type()) {
		return sig.Params().At(0)
	}
	return nil
}

// isTwirpMethod reports whether fn, a method of recv, implements a method
// of a Twirp service interface (twirpServices) that recv implements.
func (r *Result) isTwirpMethod(fn *types.Func, recv types.Type) bool {
	if _, ok := types.Unalias(recv).(*types.Pointer); !ok {
		recv = types.NewPointer(recv)
	}
	for _, iface := range r.twirp {
		for m := range iface.Methods() {
			if m.Name() == fn.Name() && types.Implements(recv, iface) {
				return true
			}
		}
	}
	return false
}

// twirpServices returns the service interfaces of the Twirp packages pkg
// imports: an interface I of a package that declares func NewIServer(I,
// ...) TwirpServer, where TwirpServer is an interface of that package with
// a ServeHTTP method (the generated server calls the service's methods with
// the request's context, which ends when ServeHTTP returns). In the order
// of pkg's imports and of their names.
func twirpServices(pkg *types.Package) []*types.Interface {
	var out []*types.Interface
	for _, imp := range pkg.Imports() {
		scope := imp.Scope()
		// Only a package declaring TwirpServer has constructors: skip the
		// others before Names, which sorts the whole scope (a tenth of
		// envvet lsp's CPU per edit on tailscale's cmd/derper).
		if _, ok := scope.Lookup("TwirpServer").(*types.TypeName); !ok {
			continue
		}
		for _, name := range scope.Names() {
			fn, ok := scope.Lookup(name).(*types.Func)
			if !ok || !strings.HasPrefix(name, "New") || !strings.HasSuffix(name, "Server") {
				continue
			}
			if iface := twirpConstructor(fn); iface != nil {
				out = append(out, iface)
			}
		}
	}
	return out
}

// twirpConstructor returns I when fn is func NewIServer(svc I, ...)
// TwirpServer of a generated Twirp package; nil otherwise.
func twirpConstructor(fn *types.Func) *types.Interface {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Params().Len() == 0 || sig.Results().Len() != 1 {
		return nil
	}
	svc, ok := types.Unalias(sig.Params().At(0).Type()).(*types.Named)
	if !ok || fn.Name() != "New"+svc.Obj().Name()+"Server" {
		return nil
	}
	res, ok := types.Unalias(sig.Results().At(0).Type()).(*types.Named)
	if !ok || res.Obj().Name() != "TwirpServer" || res.Obj().Pkg() != fn.Pkg() {
		return nil
	}
	handler, ok := res.Underlying().(*types.Interface)
	if !ok {
		return nil
	}
	if obj, _, _ := types.LookupFieldOrMethod(handler, false, fn.Pkg(), "ServeHTTP"); obj == nil {
		return nil
	}
	iface, _ := svc.Underlying().(*types.Interface)
	return iface
}

// isUnimplemented reports whether t (or what it points to) is a named
// type Unimplemented...Server or Unimplemented...Handler.
func isUnimplemented(t types.Type) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	name := n.Obj().Name()
	return strings.HasPrefix(name, "Unimplemented") && (strings.HasSuffix(name, "Server") || strings.HasSuffix(name, "Handler"))
}

// MayBeRoot reports whether a Flow may find call to be a root, that is
// DeferredCancel(call) or IsRequestContext(call, pos) may hold: call names
// a cancelable function of package context (by the name it uses: a
// function cannot be renamed), or it takes no arguments and calls a method
// named as the last step of a request context's path. It looks at the
// syntax only, so that a caller can skip building a Flow for a function
// in which no call may be one.
func MayBeRoot(call *ast.CallExpr) bool {
	if isCancelableName(passutil.CalleeName(call.Fun)) {
		return true
	}
	if len(call.Args) != 0 {
		return false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	for _, rc := range requestContexts() {
		if name, method := strings.CutSuffix(rc.Path[len(rc.Path)-1], "()"); method && sel.Sel.Name == name {
			return true
		}
	}
	return false
}
