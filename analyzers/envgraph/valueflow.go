package envgraph

import (
	"cmp"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
)

// isParserName reports whether a call's selector may name one of
// ParserOf's functions: a cheap filter for index.
func isParserName(name string) bool {
	switch name {
	case "Atoi", "ParseInt", "ParseUint", "ParseFloat", "ParseBool", "ParseDuration", "Parse",
		"ParseRequestURI", "ParseIP", "ParseCIDR", "ParseAddr", "ParsePrefix", "ParseAddrPort", "Unmarshal":
		return true
	}
	return false
}

// parseType returns the type that call, a parse, expects its value in, and
// the argument holding the value; false when call parses in a form envvet
// cannot check (time.Parse) or with a base or bit size that is not constant.
func (s *state) parseType(call *ast.CallExpr) (Type, ast.Expr, bool) {
	fn, ok := s.calleeFunc(call)
	if !ok {
		return Type{}, nil, false
	}
	p, ok := ParserOf(fn)
	if !ok || !p.Type.Known() || p.Arg >= len(call.Args) {
		return Type{}, nil, false
	}
	t := p.Type
	switch p.Name {
	case "strconv.ParseInt", "strconv.ParseUint":
		base, ok1 := s.constInt(call.Args, 1)
		bits, ok2 := s.constInt(call.Args, 2)
		if !ok1 || !ok2 {
			return Type{}, nil, false
		}
		t.Base, t.Bits = base, bits
	case "strconv.ParseFloat":
		bits, ok := s.constInt(call.Args, 1)
		if !ok {
			return Type{}, nil, false
		}
		t.Bits = bits
	case "json.Unmarshal":
		t.Shape = s.jsonShape(call.Args)
	}
	t.By, t.Site = p.Name, s.site(call)
	return t, call.Args[p.Arg], true
}

// jsonShape returns the JSON value json.Unmarshal(data, &v) needs for v:
// "array" for a slice or array, "object" for a map or struct, "" for
// anything else (an interface, a type that unmarshals itself, a []byte).
func (s *state) jsonShape(args []ast.Expr) string {
	if len(args) < 2 {
		return ""
	}
	tv, ok := s.info.Types[args[1]]
	if !ok || tv.Type == nil {
		return ""
	}
	p, ok := tv.Type.Underlying().(*types.Pointer)
	if !ok {
		return ""
	}
	t := p.Elem()
	if hasMethod(t, "UnmarshalJSON", "UnmarshalText") {
		return ""
	}
	switch u := t.Underlying().(type) {
	case *types.Slice:
		if b, ok := u.Elem().Underlying().(*types.Basic); ok && b.Kind() == types.Byte {
			return "" // base64 in a JSON string
		}
		return "array"
	case *types.Array:
		return "array"
	case *types.Map, *types.Struct:
		return "object"
	}
	return ""
}

// constInt returns args[i] as a constant int.
func (s *state) constInt(args []ast.Expr, i int) (int, bool) {
	if i >= len(args) {
		return 0, false
	}
	tv, ok := s.info.Types[args[i]]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.Int {
		return 0, false
	}
	n, ok := constant.Int64Val(tv.Value)
	return int(n), ok && n >= 0 && n <= 64
}

// A flow is what valueSources met between a value and its reads: the
// local variables holding it, and what was done to it on the way.
type flow struct {
	vars []*types.Var
	fold bool // strings.ToLower or ToUpper
	cut  bool // strings.Trim, TrimPrefix and the like: a part of the value
}

// valueSources returns the calls whose result e is: the env read or
// helper call itself, through parentheses, []byte(v), strings.TrimSpace and
// the like, and local variables (every value assigned to them).
func (s *state) valueSources(e ast.Expr, depth int, fl *flow) []*ast.CallExpr {
	if depth > maxDepth {
		return nil
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		if tv, ok := s.info.Types[e.Fun]; ok && tv.IsType() {
			if len(e.Args) == 1 {
				return s.valueSources(e.Args[0], depth+1, fl)
			}
			return nil
		}
		if fn, ok := s.calleeFunc(e); ok && fn.Pkg() != nil && fn.Pkg().Path() == "strings" && len(e.Args) > 0 {
			switch fn.Name() {
			case "ToLower", "ToUpper":
				fl.fold = true
			case "Trim", "TrimPrefix", "TrimSuffix", "TrimLeft", "TrimRight":
				fl.cut = true
			case "TrimSpace":
			default:
				return nil
			}
			return s.valueSources(e.Args[0], depth+1, fl)
		}
		if s.returnsValue(e) {
			return []*ast.CallExpr{e}
		}
	case *ast.Ident:
		v := s.varOf(e)
		if v == nil || !isLocalString(v) {
			return nil // only local variables: a package one may be set anywhere
		}
		if slices.Contains(fl.vars, v) {
			return nil
		}
		fl.vars = append(fl.vars, v)
		var out []*ast.CallExpr
		for _, set := range s.setsOf(v) {
			if as, ok := set.stmt.(*ast.AssignStmt); ok && len(as.Lhs) > len(as.Rhs) && s.varOf(as.Lhs[0]) != v {
				return nil // hostport in scheme, hostport, ok := strings.Cut(s, "://")
			}
			if tv, ok := s.info.Types[set.value]; ok && tv.Value != nil {
				continue // a constant default
			}
			sub := s.valueSources(set.value, depth+1, fl)
			if len(sub) == 0 {
				return nil // also set from something other than the environment
			}
			out = append(out, sub...)
		}
		return out
	}
	return nil
}

// returnsValue reports whether call reads a key and returns its value, a
// string, first: os.Getenv, os.LookupEnv, or a helper returning a string.
func (s *state) returnsValue(call *ast.CallExpr) bool {
	_, kps := s.keyParams(call)
	if !slices.ContainsFunc(kps, func(p helperParam) bool { return p.Kind == Read || p.Kind == Lookup }) {
		return false
	}
	tv, ok := s.info.Types[call]
	if !ok || tv.Type == nil {
		return false
	}
	t := tv.Type
	if tup, ok := t.(*types.Tuple); ok {
		if tup.Len() == 0 {
			return false
		}
		t = tup.At(0).Type()
	}
	return isStringType(t)
}

// typeRefs gives each read of the package the type its value is parsed
// as, or the value set it must be one of, where a parse or a value set
// of the package takes it (directly or through a local variable). A read
// taken in two forms that differ keeps no type.
func (s *state) typeRefs() {
	at := make(map[[2]token.Pos][]int)
	for i, r := range s.refs {
		if (r.Kind == Read || r.Kind == Lookup) && !r.Dynamic {
			at[[2]token.Pos{r.Pos, r.End}] = append(at[[2]token.Pos{r.Pos, r.End}], i)
		}
	}
	if len(at) == 0 {
		return
	}
	mixed := make(map[int]bool)
	for _, use := range s.typedUses(s.parseCalls, s.readingFuncs(at)) {
		t, srcs, ok := s.useSources(use)
		if !ok {
			continue
		}
		for _, src := range srcs {
			for _, a := range src.Args {
				for _, i := range at[[2]token.Pos{a.Pos(), a.End()}] {
					r := &s.refs[i]
					switch {
					case mixed[i]:
					case !r.Type.Known():
						r.Type = t
					case !sameForm(r.Type, t):
						r.Type, mixed[i] = Type{}, true
					}
				}
			}
		}
	}
}

// typedUses returns the uses of the parse calls among calls and the value
// sets of funcs.
func (s *state) typedUses(calls []*ast.CallExpr, funcs []ast.Node) []typedUse {
	var out []typedUse
	for _, call := range calls {
		if !s.parseCall[call] {
			continue
		}
		if t, arg, ok := s.parseType(call); ok {
			out = append(out, typedUse{t: t, arg: arg, span: [2]token.Pos{call.Pos(), call.End()}})
		}
	}
	for _, fn := range funcs {
		out = append(out, s.valueSets(fn)...)
	}
	return out
}

// useSources returns the type use takes its value in, with the values
// the program tests for before, and the calls the value comes from;
// false when the value is also used in another form, or reaches a value
// set in part.
func (s *state) useSources(use typedUse) (Type, []*ast.CallExpr, bool) {
	var fl flow
	srcs := s.valueSources(use.arg, 0, &fl)
	if len(srcs) == 0 || !s.onlyParsed(fl.vars, use.span) {
		return Type{}, nil, false
	}
	t := use.t
	if use.set {
		var ok bool
		if t, ok = setType(t, &fl); !ok || s.widens(fl.vars, use.span) {
			return Type{}, nil, false
		}
	}
	t.Also = s.alsoAccepted(fl.vars, t.Enum)
	return t, srcs, true
}

// readingFuncs returns the outermost functions of the package that hold
// one of the reads at: those whose value sets typeRefs looks for.
func (s *state) readingFuncs(at map[[2]token.Pos][]int) []ast.Node {
	var out []ast.Node
	for _, fi := range s.order {
		if fi.parent != nil || fi.node == nil {
			continue
		}
		for k := range at {
			if fi.node.Pos() <= k[0] && k[1] <= fi.node.End() {
				out = append(out, fi.node)
				break
			}
		}
	}
	return out
}

// paramTypes sets the Type of each of fi's key parameters whose value fi
// parses, or compares with a value set: func Int(key string, def int)
// int { v := os.Getenv(key); n, err := strconv.Atoi(v); ... }.
func (s *state) paramTypes(fi *funcInfo, params []helperParam) {
	calls := make([]*ast.CallExpr, 0, fi.end-fi.first)
	for _, c := range s.calls[fi.first:fi.end] {
		calls = append(calls, c.call)
	}
	for _, use := range s.typedUses(calls, []ast.Node{fi.node}) {
		t, srcs, ok := s.useSources(use)
		if !ok {
			continue
		}
		for _, src := range srcs {
			_, kps := s.keyParams(src)
			for _, kp := range kps {
				form, ok := s.forwardedKey(src, kp, fi)
				if !ok {
					continue
				}
				for i := range params {
					p := &params[i]
					if p.Index == form.param && p.Prefix == form.prefix && p.Suffix == form.suffix && p.Upper == form.upper {
						p.mergeType(t)
					}
				}
			}
		}
	}
}

// mergeType records that p's value is parsed as t; two forms that differ
// leave it unknown (Mixed).
func (p *helperParam) mergeType(t Type) {
	switch {
	case p.Mixed || !t.Known():
	case !p.Type.Known():
		p.Type = t
	case !sameForm(p.Type, t):
		p.Type, p.Mixed = Type{}, true
	}
}

// sameForm reports whether t and u accept the same values.
func sameForm(t, u Type) bool {
	return t.Kind == u.Kind && t.Bits == u.Bits && slices.Equal(t.Also, u.Also) && t.Base == u.Base && t.Sep == u.Sep && slices.Equal(t.Enum, u.Enum)
}

// genericType returns the type of a call of a generic helper whose result
// is its type parameter: get[int]("K", 4) reads an integer.
func (s *state) genericType(call *ast.CallExpr, name string) Type {
	fn, ok := s.calleeFunc(call)
	if !ok {
		return Type{}
	}
	sig, ok := fn.Origin().Type().(*types.Signature)
	if !ok || sig.TypeParams().Len() == 0 || sig.Results().Len() == 0 {
		return Type{}
	}
	if _, ok := types.Unalias(sig.Results().At(0).Type()).(*types.TypeParam); !ok {
		return Type{}
	}
	tv, ok := s.info.Types[call]
	if !ok || tv.Type == nil {
		return Type{}
	}
	rt := tv.Type
	if tup, ok := rt.(*types.Tuple); ok {
		rt = tup.At(0).Type()
	}
	t := basicType(rt, "")
	if !t.Known() {
		return Type{}
	}
	if t.Kind == TypeInt || t.Kind == TypeUint {
		t.Base = 0
	}
	t.By = name + "[" + types.TypeString(rt, (*types.Package).Name) + "]"
	t.Site = s.site(call)
	return t
}

// alsoAccepted returns the string constants that vars are compared with
// (v == "auto", switch v { case "off": }), sorted: values the program
// handles before or instead of parsing.
func (s *state) alsoAccepted(vars []*types.Var, enum []string) []string {
	var out []string
	for _, v := range vars {
		for _, c := range s.compared[v] {
			if !slices.Contains(enum, c) {
				out = append(out, c)
			}
		}
	}
	return sortedSet(out)
}

// noteCompared records, for a comparison x == y (or !=) or a switch tag x
// with case values ys, the string constants a local variable is compared
// with, through strings.ToLower and the like.
func (s *state) noteCompared(x ast.Expr, ys ...ast.Expr) {
	v := s.comparedVar(x, 0)
	if v == nil {
		return
	}
	for _, y := range ys {
		if tv, ok := s.info.Types[y]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
			if c := constant.StringVal(tv.Value); c != "" {
				s.compared[v] = append(s.compared[v], c)
			}
		}
	}
}

func (s *state) comparedVar(x ast.Expr, depth int) *types.Var {
	if depth > maxDepth {
		return nil
	}
	if call, ok := ast.Unparen(x).(*ast.CallExpr); ok && len(call.Args) > 0 {
		if fn, ok := s.calleeFunc(call); ok && fn.Pkg() != nil && fn.Pkg().Path() == "strings" {
			return s.comparedVar(call.Args[0], depth+1)
		}
		return nil
	}
	return s.varOf(x)
}

// A useSite is a use of a variable and the node enclosing it.
type useSite struct {
	id     *ast.Ident
	parent ast.Node
}

// usesOf returns the uses of v, a local string variable, with their
// parents, in source order. They are collected the first time a variable
// declared in the same top-level declaration is asked about, for every
// local string variable that declaration uses: the uses of a local
// variable all lie in the declaration declaring it. Most packages ask
// about none, where a lookup of every identifier in index cost a tenth
// of envgraph's run on a root.
func (s *state) usesOf(v *types.Var) []useSite {
	if !s.usesAll {
		d := s.declAt(v.Pos())
		if d == nil {
			// No declaration holds v's position: collect them all.
			s.usesAll = true
			for _, f := range s.pass.Files {
				for _, d := range f.Decls {
					s.collectUses(d)
				}
			}
		} else {
			s.collectUses(d)
		}
	}
	return s.uses[v]
}

// declAt returns the top-level declaration of the package's files that
// holds pos, or nil.
func (s *state) declAt(pos token.Pos) ast.Decl {
	if !pos.IsValid() {
		return nil
	}
	for _, f := range s.pass.Files {
		if pos < f.FileStart || pos > f.FileEnd {
			continue
		}
		i, _ := slices.BinarySearchFunc(f.Decls, pos, func(d ast.Decl, pos token.Pos) int {
			return cmp.Compare(d.End(), pos+1)
		})
		if i < len(f.Decls) && f.Decls[i].Pos() <= pos {
			return f.Decls[i]
		}
		return nil
	}
	return nil
}

// collectUses records in s.uses the uses of local string variables in d,
// once: the identifiers that Uses maps to one, but for the selector of
// x.f or pkg.F (a field, method or package member).
func (s *state) collectUses(d ast.Decl) {
	if s.usesIn[d] {
		return
	}
	if s.usesIn == nil {
		s.usesIn = make(map[ast.Decl]bool)
	}
	s.usesIn[d] = true
	ast.PreorderStack(d, nil, func(n ast.Node, stack []ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok || len(stack) == 0 {
			return true
		}
		parent := stack[len(stack)-1]
		if sel, ok := parent.(*ast.SelectorExpr); ok && sel.Sel == id {
			return true
		}
		if v, ok := s.info.Uses[id].(*types.Var); ok && v != nil && isLocalString(v) {
			s.uses[v] = append(s.uses[v], useSite{id, parent})
		}
		return true
	})
}

// isLocalString reports whether v is a string variable local to a function.
func isLocalString(v *types.Var) bool {
	return v.Pkg() != nil && v.Parent() != nil && v.Parent() != v.Pkg().Scope() && isStringType(v.Type())
}

// onlyParsed reports whether the variables holding a value are used for
// nothing but the parse: compared, measured, logged, passed from one to
// the next or set. A value also used as it is (host = hostport when
// net.ParseIP fails) may be meant in another form, so its parse says
// nothing of the values the program accepts.
func (s *state) onlyParsed(vars []*types.Var, span [2]token.Pos) bool {
	for _, v := range vars {
		for _, u := range s.usesOf(v) {
			if u.id.Pos() >= span[0] && u.id.End() <= span[1] {
				continue
			}
			if !s.harmlessUse(u, vars) {
				return false
			}
		}
	}
	return true
}

// harmlessUse reports whether u is a use that does not take the value
// as meaningful in some form other than the parse's.
func (s *state) harmlessUse(u useSite, vars []*types.Var) bool {
	switch p := u.parent.(type) {
	case *ast.BinaryExpr:
		return p.Op == token.EQL || p.Op == token.NEQ
	case *ast.SwitchStmt:
		return p.Tag == ast.Expr(u.id)
	case *ast.AssignStmt:
		if slices.Contains(p.Lhs, ast.Expr(u.id)) {
			return true // a set
		}
		for i, r := range p.Rhs {
			if r == ast.Expr(u.id) && i < len(p.Lhs) && slices.Contains(vars, s.varOf(p.Lhs[i])) {
				return true // passed on to the next variable holding the value
			}
		}
	case *ast.CallExpr:
		return s.harmlessCall(p)
	}
	return false
}

// harmlessCall reports whether call only measures, compares or logs its
// arguments: len, strings.HasPrefix and the like, fmt, log, errors and
// logger methods.
func (s *state) harmlessCall(call *ast.CallExpr) bool {
	if s.callsBuiltin(call, "len") {
		return true
	}
	fn, ok := s.calleeFunc(call)
	if !ok {
		return false
	}
	if fn.Pkg() != nil {
		switch fn.Pkg().Path() {
		case "fmt", "log", "log/slog", "errors":
			return true
		case "strings":
			switch fn.Name() {
			case "HasPrefix", "HasSuffix", "Contains", "EqualFold":
				return true
			}
		}
	}
	switch fn.Name() {
	case "Printf", "Errorf", "Fatalf", "Panicf", "Warnf", "Infof", "Debugf", "Error", "Warn", "Info", "Debug", "Fatal", "Print", "Println", "Str":
		return true
	}
	return false
}
