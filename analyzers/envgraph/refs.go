package envgraph

import (
	"go/ast"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
)

// collectRefs turns every call of the package that references the
// environment into Refs.
func (s *state) collectRefs() {
	for _, lit := range s.libLits {
		s.libLitRefs(lit)
	}
	for i, site := range s.calls {
		s.atSite = i
		call := site.call
		fn, _ := s.callee(call).(*types.Func)
		if fn != nil && fn.Pkg() != nil {
			path := fn.Pkg().Path()
			switch {
			case path == "os" && (fn.Name() == "ExpandEnv" || fn.Name() == "Expand"):
				s.expandCall(site, fn)
				continue
			case path == "github.com/spf13/viper":
				s.viperCall(site, fn)
				continue
			case configLib(path) != "" && s.libCall(site, fn):
				continue
			case isCaarlosPath(path), isKelseyPath(path), path == "github.com/sethvargo/go-envconfig":
				if target, typ, spec, ok := s.loaderCall(call, fn); ok {
					s.loadRefs(target, typ, spec, call, nil)
				}
				continue
			}
			if !isEnvFuncPackage(path) {
				s.keyCall(site)
				continue
			}
			if k, ok := wholeKind(fn.FullName()); ok {
				s.add(Ref{Kind: k, Pos: call.Pos(), End: call.End(), Passed: k == Environ && s.passedOn(call)})
				continue
			}
		}
		s.keyCall(site)
	}
	// os.Getenv as a value (expand.FuncEnviron(os.Getenv)): whoever calls
	// it reads keys that cannot be known here.
	for _, sel := range s.funcValues {
		if s.called[sel] {
			continue
		}
		fn, ok := s.info.Uses[sel.Sel].(*types.Func)
		if !ok || fn == nil {
			continue
		}
		if k, ok := directKindOf(fn); ok && k.IsRead() {
			s.add(Ref{Kind: k, Pos: sel.Pos(), End: sel.End(), Dynamic: true, Expr: exprString(sel)})
		}
	}
}

// calleeFunc returns the function a call calls, if static or an interface
// method.
func (s *state) calleeFunc(call *ast.CallExpr) (*types.Func, bool) {
	fn, ok := s.callee(call).(*types.Func)
	return fn, ok && fn != nil
}

// callee returns typeutil.Callee of call: the callee its callSite holds
// when call is the one a pass over s.calls is at (s.atSite), else as
// remembered. The passes over the package's calls (references, helpers,
// koanf and viper keys) each ask it of every call, five times a call on
// a root in all, and of the calls in their arguments.
func (s *state) callee(call *ast.CallExpr) types.Object {
	if s.atSite < len(s.calls) && s.calls[s.atSite].call == call {
		return s.calls[s.atSite].callee
	}
	if call == s.lastCall {
		return s.lastCallee
	}
	obj, ok := s.callees[call]
	if !ok {
		if s.callees == nil {
			s.callees = make(map[*ast.CallExpr]types.Object)
		}
		obj = typeutil.Callee(s.info, call)
		s.callees[call] = obj
	}
	s.lastCall, s.lastCallee = call, obj
	return obj
}

// at returns the call of s.calls at index i, and makes it the one a
// pass over them is at (see callee).
func (s *state) at(i int32) *ast.CallExpr {
	s.atSite = int(i)
	return s.calls[i].call
}

// keyCall records the references of a call to an env function or helper.
func (s *state) keyCall(site callSite) {
	call := site.call
	from := len(s.refs)
	name, params := s.keyParams(call)
	s.helperLoads(call, name)
	for _, ka := range s.keyArgs(site, name, params) {
		s.keyArgRefs(site, name, ka)
	}
	s.groupBinds(call, from)
}

// helperLoads records the references of the loads that the helper call
// calls hands its arguments to.
func (s *state) helperLoads(call *ast.CallExpr, name string) {
	h := s.calleeHelper(call)
	if h == nil {
		return
	}
	for _, l := range h.Loads {
		if l.Index < len(call.Args) {
			s.loadRefs(call.Args[l.Index], nil, l, call, append([]string{name}, l.Via...))
		}
	}
}

// A keyArg is an argument passed for a key parameter.
type keyArg struct {
	p   helperParam
	arg ast.Expr
}

// keyArgs returns the arguments of the call at site that are keys, one
// by one; a list of keys passed whole gets its references here
// (listRefs).
func (s *state) keyArgs(site callSite, name string, params []helperParam) []keyArg {
	call := site.call
	var args []keyArg
	for _, p := range params {
		if p.Kind == 0 || p.Index >= len(call.Args) {
			continue
		}
		if p.List && !call.Ellipsis.IsValid() {
			// helper([]string{"A", "B"}): the keys are the list's elements.
			s.listRefs(site, name, p, call.Args[p.Index], "")
			continue
		}
		if !p.Variadic {
			if !p.List {
				args = append(args, keyArg{p, call.Args[p.Index]})
			}
			continue
		}
		if call.Ellipsis.IsValid() {
			// helper(keys...): the keys are whatever the slice holds.
			s.listRefs(site, name, p, call.Args[len(call.Args)-1], "...")
			continue
		}
		for _, a := range call.Args[min(p.Index+p.Skip, len(call.Args)):] {
			args = append(args, keyArg{p, a})
		}
	}
	return args
}

// keyArgRefs records the references of one key argument: its constant
// key, one per key of the list it ranges over, or a dynamic key.
func (s *state) keyArgRefs(site callSite, name string, ka keyArg) {
	call := site.call
	p, arg := ka.p, ka.arg
	if tv, ok := s.info.Types[arg]; !ok || !isStringType(tv.Type) {
		return // ill-typed: os.Getenv(1)
	}
	r := s.keyRef(call, name, p, arg)
	key, ok := s.constString(arg)
	if ok && !(call.Ellipsis.IsValid() && arg == call.Args[len(call.Args)-1]) {
		r.Key = helperForm(p).apply(key)
	} else if keys, ok := s.rangeKeys(arg); ok {
		// One reference per key of the list ranged over.
		for _, k := range keys {
			r.Key = helperForm(p).apply(k)
			s.add(r)
		}
		return
	} else {
		if s.isDefinition(site, arg) {
			return
		}
		r.Dynamic = true
		r.Expr = exprString(arg)
		prefix := s.constPrefix(arg)
		if p.Upper {
			prefix = strings.ToUpper(prefix)
		}
		r.Prefix = p.Prefix + prefix
	}
	s.add(r)
}

// keyRef is the reference of arg, passed for the key parameter p of
// call (of helper name, if any), but for its key: its kind, loader,
// helper path, default and type.
func (s *state) keyRef(call *ast.CallExpr, name string, p helperParam, arg ast.Expr) Ref {
	r := Ref{Kind: p.Kind, Pos: arg.Pos(), End: arg.End(), Loader: p.Loader}
	if name != "" {
		r.Via = append([]string{name}, p.Via...)
		r.Steps = steps(r.Via, p)
	} else if len(p.Via) > 0 {
		r.Via = append([]string(nil), p.Via...)
	}
	s.setDefault(&r, p, call)
	r.Type = p.Type
	if !r.Type.Known() && name != "" {
		r.Type = s.genericType(call, name)
	}
	return r
}

// setDefault sets the default of r, a reference through the key
// parameter p of the helper call calls.
func (s *state) setDefault(r *Ref, p helperParam, call *ast.CallExpr) {
	if p.DefaultParam >= 0 && p.DefaultParam < len(call.Args) &&
		!(call.Ellipsis.IsValid() && p.DefaultParam >= len(call.Args)-1) && !(p.Variadic && p.DefaultParam >= p.Index) {
		if v, ok := s.defaultValue(call.Args[p.DefaultParam]); ok {
			r.Default, r.HasDefault = v, true
		}
	} else if p.HasConstDefault {
		r.Default, r.HasDefault = p.ConstDefault, true
	}
}

// listRefs records the references of arg, a list of keys given to the
// list or variadic key parameter p of a helper: one per element when the
// list is constant (a literal of constants, or a variable of the package
// assigned once from one), else a dynamic reference.
func (s *state) listRefs(site callSite, name string, p helperParam, arg ast.Expr, suffix string) {
	r := Ref{Kind: p.Kind, Loader: p.Loader, Pos: arg.Pos(), End: arg.End()}
	if name != "" {
		r.Via = append([]string{name}, p.Via...)
		r.Steps = steps(r.Via, p)
	} else if len(p.Via) > 0 {
		r.Via = append([]string(nil), p.Via...)
	}
	s.setDefault(&r, p, site.call)
	r.Type = p.Type
	if tv, ok := s.info.Types[ast.Unparen(arg)]; !ok || tv.IsNil() || !isStringSlice(tv.Type) {
		return // no keys, or ill-typed: helper(&dst, 1)
	}
	if keys, ok := s.listStrings(arg, false, 0); ok {
		keys = keys[min(p.Skip, len(keys)):] // bind(input...): input[0] is no key
		for _, k := range sortedSet(keys) {
			r.Key = helperForm(p).apply(k)
			s.add(r)
		}
		return
	}
	if s.isDefinition(site, arg) {
		return
	}
	r.Dynamic, r.Expr, r.Prefix = true, exprString(arg)+suffix, p.Prefix
	s.add(r)
}

func helperForm(p helperParam) keyForm {
	return keyForm{param: p.Index, prefix: p.Prefix, suffix: p.Suffix, upper: p.Upper}
}

// isDefinition reports whether arg, a non-constant key, is the parameter
// of an enclosing helper: the read is the helper's definition, and its
// callers hold the references.
func (s *state) isDefinition(site callSite, arg ast.Expr) bool {
	for f := site.fn; f != nil; f = f.parent {
		if f.helper == nil {
			continue
		}
		lit, isLit := f.node.(*ast.FuncLit)
		if f.obj == nil && !(isLit && s.mappings[lit]) {
			continue
		}
		if form, ok := s.paramKey(arg, f.params); ok {
			if _, ok := f.helper.param(form.param); ok {
				return true
			}
		}
		// inner(keys) or inner(keys...) in a helper of keys.
		if form, ok := s.listParam(arg, f.params); ok {
			if hp, ok := f.helper.param(form.param); ok && (hp.List || hp.Variadic) {
				return true
			}
		}
	}
	return false
}

// expandCall records the keys of os.ExpandEnv(s) and os.Expand(s, mapping)
// when mapping reads the environment.
func (s *state) expandCall(site callSite, fn *types.Func) {
	call := site.call
	if len(call.Args) == 0 {
		return
	}
	mapping := helperParam{Index: 0, Kind: Read, Loader: LoaderOS, DefaultParam: -1}
	var via []string
	if fn.Name() == "Expand" {
		if len(call.Args) != 2 {
			return
		}
		var ok bool
		mapping, via, ok = s.mappingHelper(call.Args[1])
		if !ok {
			return // a mapping of its own: not the environment
		}
	}
	arg := call.Args[0]
	tmpl, ok := s.constString(arg)
	if !ok {
		if s.isDefinition(site, arg) {
			return
		}
		s.add(Ref{Kind: Expand, Pos: arg.Pos(), End: arg.End(), Dynamic: true, Expr: exprString(arg), Via: via})
		return
	}
	for _, name := range expandNames(tmpl) {
		s.add(Ref{
			Kind: Expand, Key: helperForm(mapping).apply(name),
			Pos: arg.Pos(), End: arg.End(), Via: via, Steps: steps(via, mapping),
		})
	}
}

// mappingHelper reports whether the mapping given to os.Expand reads the
// environment with its argument as key, and through which helpers.
func (s *state) mappingHelper(e ast.Expr) (helperParam, []string, bool) {
	e = ast.Unparen(e)
	var obj types.Object
	switch e := e.(type) {
	case *ast.FuncLit:
		if fi := s.funcs[e]; fi != nil && fi.helper != nil {
			if p, ok := fi.helper.param(0); ok && p.Kind.IsRead() {
				return p, p.Via, true
			}
		}
		return helperParam{}, nil, false
	case *ast.Ident:
		obj = s.info.Uses[e]
	case *ast.SelectorExpr:
		obj = s.info.Uses[e.Sel]
	}
	switch obj := obj.(type) {
	case *types.Func:
		if obj.FullName() == "os.Getenv" {
			return helperParam{Index: 0, Kind: Read, Loader: LoaderOS, DefaultParam: -1}, nil, true
		}
		if h := s.helperOf(obj); h != nil {
			if p, ok := h.param(0); ok && p.Kind.IsRead() {
				return p, append([]string{FuncName(obj)}, p.Via...), true
			}
		}
	case *types.Var:
		if fi := s.byObj[obj]; fi != nil && fi.helper != nil {
			if p, ok := fi.helper.param(0); ok && p.Kind.IsRead() {
				return p, append([]string{fi.name}, p.Via...), true
			}
		}
	}
	return helperParam{}, nil, false
}

// expandNames returns the names os.Expand looks up in tmpl, in order,
// following its syntax exactly; shell special variables ($1, $*, ${#}) are
// left out, since no program configures them through the environment.
func expandNames(tmpl string) []string {
	var names []string
	for j := 0; j < len(tmpl); j++ {
		if tmpl[j] == '$' && j+1 < len(tmpl) {
			name, w := shellName(tmpl[j+1:])
			if name != "" && !(len(name) == 1 && isShellSpecialVar(name[0])) {
				names = append(names, name)
			}
			j += w
		}
	}
	return names
}

// shellName mirrors os.getShellName.
func shellName(s string) (string, int) {
	switch {
	case s[0] == '{':
		if len(s) > 2 && isShellSpecialVar(s[1]) && s[2] == '}' {
			return s[1:2], 3
		}
		for i := 1; i < len(s); i++ {
			if s[i] == '}' {
				if i == 1 {
					return "", 2
				}
				return s[1:i], i + 1
			}
		}
		return "", 1
	case isShellSpecialVar(s[0]):
		return s[0:1], 1
	}
	var i int
	for i = 0; i < len(s) && isAlphaNum(s[i]); i++ {
	}
	return s[:i], i
}

func isShellSpecialVar(c uint8) bool {
	switch c {
	case '*', '#', '$', '@', '!', '?', '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return true
	}
	return false
}

func isAlphaNum(c uint8) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// passedOn reports whether the result of os.Environ() is handed on to a
// child process's Env, as is or appended to: cmd.Env = os.Environ(),
// exec.Cmd{Env: append(os.Environ(), "X=1")}.
func (s *state) passedOn(call *ast.CallExpr) bool {
	var cur ast.Node = call
	for _, parent := range s.ancestors(call) {
		switch p := parent.(type) {
		case *ast.ParenExpr:
		case *ast.CallExpr:
			// append(os.Environ(), ...) or append(env, os.Environ()...)
			if !s.callsBuiltin(p, "append") {
				return false
			}
		case *ast.KeyValueExpr:
			id, ok := p.Key.(*ast.Ident)
			return ok && id.Name == "Env" && p.Value == cur
		case *ast.AssignStmt:
			for i, rhs := range p.Rhs {
				if rhs == cur && i < len(p.Lhs) {
					sel, ok := p.Lhs[i].(*ast.SelectorExpr)
					return ok && sel.Sel.Name == "Env"
				}
			}
			return false
		default:
			return false
		}
		cur = parent
	}
	return false
}

// ancestors returns the maxDepth nodes enclosing call, innermost first
// (fewer at the top of the tree): recorded by index for the calls of a
// function named Environ, else found with the inspector.
func (s *state) ancestors(call *ast.CallExpr) []ast.Node {
	if anc, ok := s.environAnc[call]; ok {
		return anc
	}
	if s.in == nil {
		return nil
	}
	cur, ok := s.cursorOf(call)
	if !ok {
		return nil
	}
	var anc []ast.Node
	for c := cur.Parent(); c.Valid() && len(anc) < maxDepth; c = c.Parent() {
		anc = append(anc, c.Node())
	}
	return anc
}

// groupBinds gives the names that one call binds to one viper key,
// s.refs[from:], their Group: viper.BindEnv("db.url", "APP_DB_URL",
// "DB_URL"), or a helper that hands its arguments on to it, tries them in
// order and takes the first that is set, as urfave/cli's EnvVars does. The
// first argument must be viper's key, a constant with no reference of its
// own: a helper that binds each argument as a key of its own
// (bindAll("a", "b")) keeps them apart.
func (s *state) groupBinds(call *ast.CallExpr, from int) {
	if len(s.refs)-from < 2 || call.Ellipsis.IsValid() || len(call.Args) < 3 {
		return // a group has two names at least
	}
	if _, ok := s.constString(call.Args[0]); !ok {
		return
	}
	var names []*Ref
	for i := from; i < len(s.refs); i++ {
		r := &s.refs[i]
		switch {
		case r.Pos == call.Args[0].Pos():
			return
		case r.Kind == Bind && r.Loader == LoaderViper && !r.Dynamic && r.Key != "" && len(r.Group) == 0:
			names = append(names, r)
		}
	}
	if len(names) < 2 {
		return
	}
	slices.SortFunc(names, func(a, b *Ref) int { return int(a.Pos - b.Pos) })
	group := make([]string, len(names))
	for i, r := range names {
		group[i] = r.Key
	}
	for _, r := range names {
		r.Group = group
	}
}

// setIfEmptyDefaults gives a default to a read whose empty value the code
// replaces in the environment itself:
//
//	if os.Getenv("SPAN_STORAGE_TYPE") == "" {
//		os.Setenv("SPAN_STORAGE_TYPE", "memory")
//	}
//
// (jaeger's all-in-one). Every later read of the key sees the value set,
// so the key is an optional setting with that default, as if a helper's
// default parameter gave it.
func (s *state) setIfEmptyDefaults() {
	for _, n := range s.emptyIfs {
		call := s.emptyCompared(ast.Unparen(n.Cond).(*ast.BinaryExpr))
		if call == nil || len(call.Args) != 1 || call.Ellipsis.IsValid() {
			continue
		}
		if fn, ok := s.calleeFunc(call); !ok || fn.FullName() != "os.Getenv" {
			continue
		}
		arg := call.Args[0]
		key, ok := s.constString(arg)
		if !ok {
			continue
		}
		def, ok := s.setsEnv(n.Body, key)
		if !ok {
			continue
		}
		for i := range s.refs {
			r := &s.refs[i]
			if r.Pos == arg.Pos() && r.End == arg.End() && r.Kind == Read && r.Key == key && !r.Dynamic && !r.HasDefault {
				r.Default, r.HasDefault = def, true
			}
		}
	}
}

// setsEnv returns the value that a statement of body (not a nested one)
// sets key to with os.Setenv(key, value), as a statement of its own or
// the right-hand side of an assignment (err := os.Setenv(...)); false
// when none does, or the value is not constant.
func (s *state) setsEnv(body *ast.BlockStmt, key string) (string, bool) {
	for _, st := range body.List {
		var e ast.Expr
		switch st := st.(type) {
		case *ast.ExprStmt:
			e = st.X
		case *ast.AssignStmt:
			if len(st.Rhs) == 1 {
				e = st.Rhs[0]
			}
		}
		call, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok || len(call.Args) != 2 {
			continue
		}
		if fn, ok := s.calleeFunc(call); !ok || fn.FullName() != "os.Setenv" {
			continue
		}
		if k, ok := s.constString(call.Args[0]); !ok || k != key {
			continue
		}
		return s.defaultValue(call.Args[1])
	}
	return "", false
}

// emptyCompared returns the call of b when b is call == "" or "" == call
// (any constant empty string), nil otherwise.
func (s *state) emptyCompared(b *ast.BinaryExpr) *ast.CallExpr {
	x, y := ast.Unparen(b.X), ast.Unparen(b.Y)
	if _, ok := x.(*ast.CallExpr); !ok {
		x, y = y, x
	}
	call, ok := x.(*ast.CallExpr)
	if v, isConst := s.constString(y); !ok || !isConst || v != "" {
		return nil
	}
	return call
}
