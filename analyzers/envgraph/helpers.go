package envgraph

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
)

// isEnvFuncPackage reports whether the package at path declares env
// functions of its own (as opposed to helpers).
func isEnvFuncPackage(path string) bool {
	switch path {
	case "os", "syscall", "testing", "golang.org/x/sys/unix", "golang.org/x/sys/windows":
		return true
	}
	return false
}

// DirectKind returns the kind of reference a call of fn, a function of
// the standard library or x/sys (os.Getenv, os.LookupEnv, os.Setenv, ...),
// makes with its first argument as key; false for any other function.
func DirectKind(fn *types.Func) (Kind, bool) { return directKindOf(fn) }

// directKindOf returns the kind of reference a call of fn makes with its
// first argument as key.
func directKindOf(fn *types.Func) (Kind, bool) {
	if fn.Pkg() == nil || !isEnvFuncPackage(fn.Pkg().Path()) {
		return 0, false
	}
	return directKind(fn.FullName())
}

// directKind returns the kind of reference a call of the function called
// fullName makes with its first argument as key.
func directKind(fullName string) (Kind, bool) {
	switch fullName {
	case "os.Getenv":
		return Read, true
	case "os.LookupEnv", "syscall.Getenv", "golang.org/x/sys/unix.Getenv", "golang.org/x/sys/windows.Getenv":
		return Lookup, true
	case "os.Setenv", "syscall.Setenv", "golang.org/x/sys/unix.Setenv", "golang.org/x/sys/windows.Setenv",
		"(*testing.T).Setenv", "(*testing.B).Setenv", "(*testing.F).Setenv", "(testing.TB).Setenv",
		"(*testing.common).Setenv":
		return Write, true
	case "os.Unsetenv", "syscall.Unsetenv", "golang.org/x/sys/unix.Unsetenv", "golang.org/x/sys/windows.Unsetenv":
		return Unset, true
	}
	return 0, false
}

// wholeKind returns the kind of reference a call of the function called
// fullName makes to the environment as a whole.
func wholeKind(fullName string) (Kind, bool) {
	switch fullName {
	case "os.Environ", "syscall.Environ", "golang.org/x/sys/unix.Environ", "golang.org/x/sys/windows.Environ":
		return Environ, true
	case "os.Clearenv", "syscall.Clearenv", "golang.org/x/sys/unix.Clearenv", "golang.org/x/sys/windows.Clearenv":
		return Clear, true
	}
	return 0, false
}

// isViperFunc reports whether fn is the viper function or (*viper.Viper)
// method called name.
func isViperFunc(fn *types.Func, names ...string) bool {
	if fn.Pkg() == nil || fn.Pkg().Path() != "github.com/spf13/viper" {
		return false
	}
	return slices.Contains(names, fn.Name())
}

// keyParams returns the key parameters of the function a call calls: the
// env functions' key, a helper's key parameters, viper.BindEnv's names.
// name is the helper's name for Via, "" when the call is not to a helper.
func (s *state) keyParams(call *ast.CallExpr) (name string, params []helperParam) {
	switch obj := s.callee(call).(type) {
	case *types.Func:
		if k, ok := directKindOf(obj); ok {
			return "", []helperParam{{Index: 0, Kind: k, Loader: LoaderOS, DefaultParam: -1}}
		}
		if isViperFunc(obj, "BindEnv", "MustBindEnv") {
			if call.Ellipsis.IsValid() {
				// BindEnv(input...): the names follow viper's key, input[0].
				return "", []helperParam{{Index: 0, Variadic: true, Skip: 1, Kind: Bind, Loader: LoaderViper, DefaultParam: -1}}
			}
			for i := 1; i < len(call.Args); i++ {
				params = append(params, helperParam{Index: i, Kind: Bind, Loader: LoaderViper, DefaultParam: -1})
			}
			return "", params
		}
		if h := s.helperOf(obj); h != nil {
			return FuncName(obj), h.Params
		}
	case *types.Var:
		if fi := s.byObj[obj]; fi != nil && fi.helper != nil {
			return fi.name, fi.helper.Params
		}
	}
	return "", nil
}

// calleeHelper returns the helper summary of the function a call calls.
func (s *state) calleeHelper(call *ast.CallExpr) *envHelper {
	switch obj := s.callee(call).(type) {
	case *types.Func:
		return s.helperOf(obj)
	case *types.Var:
		if fi := s.byObj[obj]; fi != nil {
			return fi.helper
		}
	}
	return nil
}

// helperOf returns the helper summary of fn: inferred in this run for the
// package's own functions, imported as a fact for the others.
func (s *state) helperOf(fn *types.Func) *envHelper {
	if fn.Pkg() == s.pass.Pkg {
		if fi := s.byObj[fn]; fi != nil {
			return fi.helper
		}
		return nil
	}
	if !s.helpersAbove || fn.Pkg() == nil || fn.Signature().Params().Len() == 0 {
		// inferHelpers summarizes only functions with parameters.
		return nil
	}
	if h, ok := s.imported[fn]; ok {
		return h
	}
	var h *envHelper
	if s.spare == nil {
		s.spare = new(envHelper)
	}
	if s.pass.ImportObjectFact(fn, s.spare) {
		h, s.spare = s.spare, nil
	}
	s.imported[fn] = h
	return h
}

// inferHelpers finds the package's helpers, iterating to a fixpoint so that
// helpers calling helpers resolve in any declaration order, and exports a
// fact for each helper function and method.
func (s *state) inferHelpers() {
	var cands []*funcInfo
	for _, fi := range s.order {
		if fi.end > fi.first && (hasStringParam(fi.sig) || s.loaders && fi.sig != nil && fi.sig.Params().Len() > 0) {
			cands = append(cands, fi)
		}
	}
	// Each round resolves one more level of helpers calling helpers
	// declared after them; real chains are a few levels deep.
	for round := 0; round <= min(len(cands), 32); round++ {
		changed := false
		for _, fi := range cands {
			h := s.summarize(fi)
			if !reflect.DeepEqual(h, fi.helper) {
				fi.helper = h
				changed = true
			}
		}
		if !changed {
			break
		}
	}
	for _, fi := range cands {
		if fn, ok := fi.obj.(*types.Func); ok && fi.helper != nil && fn.Pkg() == s.pass.Pkg {
			s.pass.ExportObjectFact(fn, fi.helper)
		}
	}
}

// declaresHelpers reports whether inferHelpers found a helper in the
// package.
func (s *state) declaresHelpers() bool {
	for _, fi := range s.order {
		if fi.helper != nil {
			return true
		}
	}
	return false
}

func hasStringParam(sig *types.Signature) bool {
	if sig == nil {
		return false
	}
	for v := range sig.Params().Variables() {
		if isStringType(v.Type()) {
			return true
		}
	}
	for v := range sig.Params().Variables() {
		if isStringSlice(v.Type()) {
			return true // ...string, []string
		}
	}
	return false
}

// summarize computes fi's helper summary from the calls in its body, nil if
// none of its parameters reaches an env reference.
func (s *state) summarize(fi *funcInfo) *envHelper {
	params := s.forwardedParams(fi)
	var loads []loadSpec
	if s.loaders {
		loads = s.forwardedLoads(fi)
	}
	if len(params) == 0 && len(loads) == 0 {
		return nil
	}
	if len(params) == 0 {
		return &envHelper{Loads: loads}
	}
	s.paramTypes(fi, params)
	s.returnedDefault(fi, params)
	sortHelperParams(params)
	return &envHelper{Params: params, Loads: loads}
}

// forwardedParams returns fi's key parameters: one entry per key form of
// a parameter that a call in fi gives to a key parameter (a helper may
// read "APP_"+key and key).
func (s *state) forwardedParams(fi *funcInfo) []helperParam {
	var params []helperParam
	for i := fi.first; i < fi.end; i++ {
		call := s.at(i)
		name, kps := s.keyParams(call)
		for _, kp := range kps {
			form, ok := s.forwardedKey(call, kp, fi)
			if !ok {
				continue
			}
			params = addParam(params, s.forwardedParam(fi, call, name, kp, form))
		}
	}
	return params
}

// forwardedParam is the key parameter of fi that the call gives (as form)
// to kp, the key parameter of the callee; name is the callee's name when
// it is a helper.
func (s *state) forwardedParam(fi *funcInfo, call *ast.CallExpr, name string, kp helperParam, form keyForm) helperParam {
	var via []string
	sites, reader := []Site{s.site(call)}, kp.Reader
	if name != "" {
		via = append([]string{name}, kp.Via...)
		sites = append(sites, kp.Sites...)
	} else if fn, ok := s.calleeFunc(call); ok {
		reader = FuncName(fn)
	}
	hp := helperParam{
		Index:        form.param,
		Variadic:     form.variadic,
		List:         form.list,
		Skip:         form.skip,
		Kind:         kp.Kind,
		Prefix:       form.prefix,
		Suffix:       form.suffix,
		Upper:        form.upper,
		Loader:       kp.Loader,
		DefaultParam: -1,
		Type:         kp.Type,
		Mixed:        kp.Mixed,
	}
	hp.Via = via
	if sites[0].IsValid() {
		hp.Sites, hp.Reader = sites, reader
	}
	if kp.DefaultParam >= 0 && kp.DefaultParam < len(call.Args) {
		darg := call.Args[kp.DefaultParam]
		if i, ok := s.paramUse(darg, fi.params); ok {
			hp.DefaultParam = i
		} else if v, ok := s.defaultValue(darg); ok {
			hp.ConstDefault, hp.HasConstDefault = v, true
		}
	} else if kp.HasConstDefault {
		hp.ConstDefault, hp.HasConstDefault = kp.ConstDefault, true
	}
	return hp
}

// addParam adds hp to params, or merges it into the entry of the same
// parameter and key form: a write or unset wins over a read (a setenv
// helper that saves the old value first is about writing); two chains to
// the same key keep what they share.
func addParam(params []helperParam, hp helperParam) []helperParam {
	at := slices.IndexFunc(params, func(p helperParam) bool {
		return p.Index == hp.Index && p.Prefix == hp.Prefix && p.Suffix == hp.Suffix && p.Upper == hp.Upper
	})
	switch {
	case at < 0:
		return append(params, hp)
	case params[at].Kind.IsRead() && (hp.Kind == Write || hp.Kind == Unset):
		params[at] = hp
	default:
		params[at].merge(hp)
	}
	return params
}

// merge keeps in p what p and hp, two chains to the same key, share.
func (p *helperParam) merge(hp helperParam) {
	p.Via = commonPrefix(p.Via, hp.Via)
	p.Sites = commonPrefix(p.Sites, hp.Sites)
	if len(p.Sites) > len(p.Via)+1 {
		p.Sites = p.Sites[:len(p.Via)+1]
	}
	if p.Reader != hp.Reader || len(p.Sites) < len(p.Via)+1 {
		p.Reader = ""
	}
	if len(p.Sites) == 0 {
		p.Sites = nil
	}
	// A chain that parses and one that does not: the value's form depends
	// on the path taken, so it stays unknown.
	if hp.Mixed || p.Type.Known() != hp.Type.Known() {
		p.Type, p.Mixed = Type{}, true
	}
	p.mergeType(hp.Type)
	if p.DefaultParam != hp.DefaultParam || p.HasConstDefault != hp.HasConstDefault || p.ConstDefault != hp.ConstDefault {
		p.DefaultParam, p.HasConstDefault, p.ConstDefault = -1, false, "" // the chains disagree
	}
}

// returnedDefault gives the read parameters the parameter fi returns
// when the key is unset, if any. The helper's own default wins over the
// "" an inner call is given to mean unset: Int(key, def) parsing
// Get(key, "") returns def when key is unset. A non-empty inner constant
// stays: it is what an unset key reads as, def only covers a malformed
// value.
func (s *state) returnedDefault(fi *funcInfo, params []helperParam) {
	keys := make(map[int]bool)
	for _, p := range params {
		keys[p.Index] = true
	}
	d, ok := s.returnedParam(fi, keys)
	if !ok {
		return
	}
	for i := range params {
		p := &params[i]
		if !p.Kind.IsRead() || p.DefaultParam >= 0 || p.HasConstDefault && p.ConstDefault != "" {
			continue
		}
		p.DefaultParam, p.HasConstDefault, p.ConstDefault = d, false, ""
	}
}

// sortHelperParams orders params by parameter, then key form.
func sortHelperParams(params []helperParam) {
	slices.SortStableFunc(params, func(a, b helperParam) int {
		if a.Index != b.Index {
			return a.Index - b.Index
		}
		if c := strings.Compare(a.Prefix, b.Prefix); c != 0 {
			return c
		}
		if c := strings.Compare(a.Suffix, b.Suffix); c != 0 {
			return c
		}
		if a.Upper != b.Upper {
			if a.Upper {
				return 1
			}
			return -1
		}
		return 0
	})
}

// forwardedLoads returns the loader parse calls in fi whose struct is one
// of fi's parameters: func load(cfg any) error { return env.Parse(cfg) }.
func (s *state) forwardedLoads(fi *funcInfo) []loadSpec {
	var loads []loadSpec
	add := func(arg ast.Expr, spec loadSpec) {
		id, ok := ast.Unparen(arg).(*ast.Ident)
		if !ok {
			return
		}
		v, ok := s.info.Uses[id].(*types.Var)
		if !ok || s.writesOf(v) != 0 {
			return
		}
		i, ok := fi.params[v]
		if !ok || slices.ContainsFunc(loads, func(l loadSpec) bool { return l.Index == i }) {
			return
		}
		spec.Index = i
		loads = append(loads, spec)
	}
	for i := fi.first; i < fi.end; i++ {
		call := s.at(i)
		fn, ok := s.calleeFunc(call)
		if !ok {
			continue
		}
		if target, typ, spec, ok := s.loaderCall(call, fn); ok && typ == nil && target != nil {
			add(target, spec)
			continue
		}
		if h := s.calleeHelper(call); h != nil {
			for _, l := range h.Loads {
				if l.Index < len(call.Args) {
					l.Via = append([]string{FuncName(fn)}, l.Via...)
					add(call.Args[l.Index], l)
				}
			}
		}
	}
	slices.SortFunc(loads, func(a, b loadSpec) int { return a.Index - b.Index })
	return loads
}

// forwardedKey reports whether the call gives the key parameter kp one of
// fi's parameters (or a form of it), and which.
func (s *state) forwardedKey(call *ast.CallExpr, kp helperParam, fi *funcInfo) (keyForm, bool) {
	if kp.Kind == 0 || kp.Index >= len(call.Args) {
		return keyForm{}, false
	}
	if call.Ellipsis.IsValid() && kp.Index >= len(call.Args)-1 {
		// inner(keys...) with keys fi's own ...string or []string parameter.
		if !kp.Variadic || kp.Index != len(call.Args)-1 {
			return keyForm{}, false
		}
		if form, ok := s.listParam(call.Args[kp.Index], fi.params); ok {
			return compose(kp, form), true
		}
		return keyForm{}, false
	}
	if kp.List {
		// inner(keys) with keys fi's own ...string or []string parameter.
		if form, ok := s.listParam(call.Args[kp.Index], fi.params); ok {
			return compose(kp, form), true
		}
		return keyForm{}, false
	}
	first, last := kp.Index, kp.Index
	if kp.Variadic {
		first, last = kp.Index+kp.Skip, len(call.Args)-1
	}
	for i := first; i <= last; i++ {
		if form, ok := s.paramKey(call.Args[i], fi.params); ok {
			return compose(kp, form), true
		}
	}
	return keyForm{}, false
}

// paramUse reports whether e is one of params, or a conversion of it to a
// string (strconv.Itoa(def), fmt.Sprint(def), def.String(), string(def)).
func (s *state) paramUse(e ast.Expr, params map[*types.Var]int) (int, bool) {
	e = ast.Unparen(e)
	switch e := e.(type) {
	case *ast.Ident:
		if v, ok := s.info.Uses[e].(*types.Var); ok && v != nil {
			if i, ok := params[v]; ok && s.writesOf(v) == 0 {
				return i, true
			}
		}
	case *ast.CallExpr:
		if len(e.Args) == 0 {
			// def.String()
			if sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "String" {
				return s.paramUse(sel.X, params)
			}
			return 0, false
		}
		if tv, ok := s.info.Types[e.Fun]; ok && tv.IsType() {
			if len(e.Args) == 1 {
				return s.paramUse(e.Args[0], params)
			}
			return 0, false
		}
		fn, _ := typeutil.Callee(s.info, e).(*types.Func)
		if fn == nil || fn.Pkg() == nil {
			return 0, false
		}
		switch fn.Pkg().Path() {
		case "strconv", "fmt":
			// strconv.FormatInt(def, 10), fmt.Sprint(def): the first argument.
			if fn.Name() == "Sprintf" {
				if len(e.Args) == 2 {
					return s.paramUse(e.Args[1], params)
				}
				return 0, false
			}
			return s.paramUse(e.Args[0], params)
		}
	}
	return 0, false
}

// returnedParam returns the parameter (other than a key) that fi returns
// when the key is unset: as is or converted (return def), or through the
// variable holding the value read (see defaultThrough).
func (s *state) returnedParam(fi *funcInfo, keys map[int]bool) (int, bool) {
	for _, r := range fi.returns {
		for _, res := range r.Results {
			if i, ok := s.paramUse(res, fi.params); ok && !keys[i] {
				return i, true
			}
			if i, ok := s.defaultThrough(fi, res, keys); ok && !keys[i] {
				return i, true
			}
		}
	}
	return 0, false
}

// defaultThrough reports whether res, a local variable that fi returns,
// holds the parameter i when the key is unset. Either the variable holds
// the value read and is given the parameter when that value is empty:
//
//	v := os.Getenv(key)
//	if v == "" { v = def }
//	return v
//
// or it starts as the parameter and is only ever given values read:
//
//	v := def
//	if x, ok := os.LookupEnv(key); ok { v = x }
//	return v
func (s *state) defaultThrough(fi *funcInfo, res ast.Expr, keys map[int]bool) (int, bool) {
	id, ok := ast.Unparen(res).(*ast.Ident)
	if !ok {
		return 0, false
	}
	v, ok := s.info.Uses[id].(*types.Var)
	if !ok || v == nil || v.IsField() || v.Pkg() != s.pass.Pkg || v.Parent() == nil || v.Parent() == v.Pkg().Scope() {
		return 0, false
	}
	if _, isParam := fi.params[v]; isParam {
		return 0, false
	}
	sets := s.setsOf(v)
	if len(sets) < 2 || s.writesOf(v) != len(sets) {
		return 0, false // written some other way: v++, &v
	}
	// First form: read, then the parameter on the empty path.
	if s.readsKey(fi, sets[0].value) {
		for _, set := range sets[1:] {
			if i, ok := s.paramUse(set.value, fi.params); ok && !keys[i] && s.onEmptyPath(set.stmt, v) {
				return i, true
			}
		}
		return 0, false
	}
	// Second form: the parameter, then only values read.
	i, ok := s.paramUse(sets[0].value, fi.params)
	if !ok || keys[i] {
		return 0, false
	}
	for _, set := range sets[1:] {
		if !s.readsKey(fi, set.value) && !s.holdsRead(fi, set.value) {
			return 0, false
		}
	}
	return i, true
}

// readsKey reports whether e is a call reading one of fi's key parameters.
func (s *state) readsKey(fi *funcInfo, e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	_, kps := s.keyParams(call)
	for _, kp := range kps {
		if _, ok := s.forwardedKey(call, kp, fi); ok && kp.Kind.IsRead() {
			return true
		}
	}
	return false
}

// holdsRead reports whether e is a local variable assigned only values
// that read one of fi's key parameters (x in if x, ok := os.LookupEnv(key)).
func (s *state) holdsRead(fi *funcInfo, e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	x, ok := s.info.Uses[id].(*types.Var)
	if !ok || x == nil {
		return false
	}
	sets := s.setsOf(x)
	if len(sets) == 0 || s.writesOf(x) != len(sets) {
		return false
	}
	for _, set := range sets {
		if !s.readsKey(fi, set.value) {
			return false
		}
	}
	return true
}

// onEmptyPath reports whether stmt lies in the body of an if statement
// (of the same function) that tests v for empty: v == "", len(v) == 0, or
// !ok for v, ok := os.LookupEnv(key).
func (s *state) onEmptyPath(stmt ast.Node, v *types.Var) bool {
	if s.in == nil {
		return false
	}
	cur, ok := s.cursorOf(stmt)
	if !ok {
		return false
	}
	for c := cur.Parent(); c.Valid(); c = c.Parent() {
		switch n := c.Node().(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return false
		case *ast.IfStmt:
			if n.Body != nil && n.Body.Pos() <= stmt.Pos() && stmt.End() <= n.Body.End() && s.testsEmpty(n.Cond, v) {
				return true
			}
		}
	}
	return false
}

// testsEmpty reports whether cond is true when v is empty or unset.
func (s *state) testsEmpty(cond ast.Expr, v *types.Var) bool {
	switch e := ast.Unparen(cond).(type) {
	case *ast.BinaryExpr:
		switch e.Op {
		case token.LOR:
			return s.testsEmpty(e.X, v) || s.testsEmpty(e.Y, v)
		case token.EQL:
			return s.emptyCompare(e.X, e.Y, v) || s.emptyCompare(e.Y, e.X, v)
		}
	case *ast.UnaryExpr:
		// !ok
		return e.Op == token.NOT && s.okOf[v] != nil && s.varOf(e.X) == s.okOf[v]
	}
	return false
}

// emptyCompare reports whether x == y is v == "", len(v) == 0 or ok ==
// false.
func (s *state) emptyCompare(x, y ast.Expr, v *types.Var) bool {
	tv, ok := s.info.Types[ast.Unparen(y)]
	if !ok || tv.Value == nil {
		return false
	}
	val := tv.Value
	if call, ok := ast.Unparen(x).(*ast.CallExpr); ok && len(call.Args) == 1 {
		if !s.callsBuiltin(call, "len") {
			return false
		}
		return s.varOf(call.Args[0]) == v && val.Kind() == constant.Int && constant.Sign(val) == 0
	}
	w := s.varOf(x)
	if w == nil {
		return false
	}
	switch {
	case w == v:
		return val.Kind() == constant.String && constant.StringVal(val) == ""
	case w == s.okOf[v]:
		return val.Kind() == constant.Bool && !constant.BoolVal(val)
	}
	return false
}

// commonPrefix returns the longest common prefix of two chains (of helper
// names, or of their sites: a site both chains share is one call, so it
// calls the same function).
func commonPrefix[T comparable](a, b []T) []T {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	if n == 0 {
		return nil
	}
	return a[:n:n]
}
