package envgraph

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"
	"strings"
	"time"

	"golang.org/x/tools/go/types/typeutil"
)

// maxDepth bounds how many single-assignment variables a key is followed
// through.
const maxDepth = 4

// constString returns the value of e if it is a constant string: a literal,
// a constant or constant expression (of any package), or a variable of
// this package assigned once, from such a value.
func (s *state) constString(e ast.Expr) (string, bool) {
	return s.constStringDepth(e, 0)
}

func (s *state) constStringDepth(e ast.Expr, depth int) (string, bool) {
	if e == nil {
		return "", false
	}
	e = ast.Unparen(e)
	if tv, ok := s.info.Types[e]; ok && tv.Value != nil {
		if tv.Value.Kind() == constant.String {
			return constant.StringVal(tv.Value), true
		}
		return "", false
	}
	switch e := e.(type) {
	case *ast.Ident:
		if def := s.singleDef(e, depth); def != nil {
			return s.constStringDepth(def, depth+1)
		}
	case *ast.BinaryExpr:
		if e.Op == token.ADD {
			x, okx := s.constStringDepth(e.X, depth)
			y, oky := s.constStringDepth(e.Y, depth)
			if okx && oky {
				return x + y, true
			}
		}
	case *ast.CallExpr:
		fn, ok := typeutil.Callee(s.info, e).(*types.Func)
		if !ok || depth >= maxDepth {
			break
		}
		switch fn.FullName() {
		case "fmt.Sprintf":
			if texts, holes, ok := s.sprintfDepth(e, depth+1); ok && len(holes) == 0 {
				return texts[0], true
			}
		case "strings.ToUpper", "strings.ToLower", "strings.TrimSpace":
			if len(e.Args) == 1 {
				if v, ok := s.constStringDepth(e.Args[0], depth+1); ok {
					switch fn.Name() {
					case "ToUpper":
						return strings.ToUpper(v), true
					case "ToLower":
						return strings.ToLower(v), true
					}
					return strings.TrimSpace(v), true
				}
			}
		case "strings.Join":
			if len(e.Args) == 2 {
				sep, ok := s.constStringDepth(e.Args[1], depth+1)
				lit, isLit := ast.Unparen(e.Args[0]).(*ast.CompositeLit)
				if ok && isLit {
					var parts []string
					for _, elt := range lit.Elts {
						v, ok := s.constStringDepth(elt, depth+1)
						if !ok {
							return "", false
						}
						parts = append(parts, v)
					}
					return strings.Join(parts, sep), true
				}
			}
		}
	}
	return "", false
}

// singleDef returns the value of the variable id names when the variable
// belongs to this package, is assigned exactly once (at its definition) and
// never has its address taken. Exported package-level variables are left
// out, since other packages may assign them, except in package main, which
// no other package imports.
func (s *state) singleDef(id *ast.Ident, depth int) ast.Expr {
	if depth >= maxDepth {
		return nil
	}
	v, ok := s.info.Uses[id].(*types.Var)
	if !ok || v == nil || v.Pkg() != s.pass.Pkg || v.IsField() {
		return nil
	}
	if v.Parent() == v.Pkg().Scope() && v.Exported() && v.Pkg().Name() != "main" {
		return nil
	}
	if s.writesOf(v) != 1 {
		return nil
	}
	def, _ := s.defOf(v)
	return def
}

// A keyForm is a key computed from a parameter: Prefix + p + Suffix, with p
// upper-cased when Upper.
type keyForm struct {
	param          int
	prefix, suffix string
	upper          bool
	variadic       bool // param is a ...string parameter whose elements are the keys
	list           bool // param is a []string parameter whose elements are the keys
	skip           int  // for variadic and list: the elements before the keys (see helperParam.Skip)
}

// apply returns the key that form computes from the argument arg.
func (k keyForm) apply(arg string) string {
	if k.upper {
		arg = strings.ToUpper(arg)
	}
	return k.prefix + arg + k.suffix
}

// compose returns the form of inner(outer(p)): the key a helper reads when
// it gives outer(p) to a helper reading inner(arg).
func compose(inner helperParam, outer keyForm) keyForm {
	if inner.Upper {
		outer.prefix = strings.ToUpper(outer.prefix)
		outer.suffix = strings.ToUpper(outer.suffix)
		outer.upper = true
	}
	outer.prefix = inner.Prefix + outer.prefix
	outer.suffix += inner.Suffix
	if outer.variadic || outer.list {
		outer.skip = inner.Skip // inner(keys...) hands the whole list on
	}
	return outer
}

// paramKey reports whether e is computed from one of params (and constants)
// in a form paramKey understands.
func (s *state) paramKey(e ast.Expr, params map[*types.Var]int) (keyForm, bool) {
	return s.paramKeyDepth(e, params, 0)
}

func (s *state) paramKeyDepth(e ast.Expr, params map[*types.Var]int, depth int) (keyForm, bool) {
	if e == nil || len(params) == 0 || depth > maxDepth {
		return keyForm{}, false
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return s.paramKeyIdent(e, params, depth)
	case *ast.BinaryExpr:
		return s.paramKeyConcat(e, params, depth)
	case *ast.CallExpr:
		return s.paramKeyCall(e, params, depth)
	}
	return keyForm{}, false
}

// paramKeyIdent is paramKeyDepth of a name: one of params, a variable
// defined once from one, or the element of a list parameter ranged over.
func (s *state) paramKeyIdent(e *ast.Ident, params map[*types.Var]int, depth int) (keyForm, bool) {
	v, ok := s.info.Uses[e].(*types.Var)
	if !ok || v == nil {
		return keyForm{}, false
	}
	if i, ok := params[v]; ok {
		if s.writesOf(v) != 0 || !isStringType(v.Type()) {
			return keyForm{}, false
		}
		return keyForm{param: i}, true
	}
	if def := s.singleDef(e, depth); def != nil {
		return s.paramKeyDepth(def, params, depth+1)
	}
	// for _, k := range keys { ... } over a ...string or []string
	// parameter.
	if rv, ok := s.ranges[v]; ok && !rv.key && s.writesOf(v) == 1 && isStringType(v.Type()) {
		if form, ok := s.listParam(rv.x, params); ok {
			return form, true
		}
	}
	return keyForm{}, false
}

// paramKeyConcat is paramKeyDepth of a sum: a constant before or after a
// key computed from a parameter.
func (s *state) paramKeyConcat(e *ast.BinaryExpr, params map[*types.Var]int, depth int) (keyForm, bool) {
	if e.Op != token.ADD {
		return keyForm{}, false
	}
	if x, ok := s.constString(e.X); ok {
		if k, ok := s.paramKeyDepth(e.Y, params, depth+1); ok {
			k.prefix = x + k.prefix
			return k, true
		}
	}
	if y, ok := s.constString(e.Y); ok {
		if k, ok := s.paramKeyDepth(e.X, params, depth+1); ok {
			k.suffix += y
			return k, true
		}
	}
	return keyForm{}, false
}

// paramKeyCall is paramKeyDepth of a call: a conversion to a string type,
// strings.ToUpper, or fmt.Sprintf with one verb.
func (s *state) paramKeyCall(e *ast.CallExpr, params map[*types.Var]int, depth int) (keyForm, bool) {
	fn, _ := typeutil.Callee(s.info, e).(*types.Func)
	if fn == nil {
		// A conversion to a string type: string(key).
		if tv, ok := s.info.Types[e.Fun]; ok && tv.IsType() && len(e.Args) == 1 {
			return s.paramKeyDepth(e.Args[0], params, depth+1)
		}
		return keyForm{}, false
	}
	switch fn.FullName() {
	case "strings.ToUpper":
		if len(e.Args) == 1 {
			if k, ok := s.paramKeyDepth(e.Args[0], params, depth+1); ok {
				k.prefix, k.suffix, k.upper = strings.ToUpper(k.prefix), strings.ToUpper(k.suffix), true
				return k, true
			}
		}
	case "fmt.Sprintf":
		texts, holes, ok := s.sprintfDepth(e, depth)
		if !ok || len(holes) != 1 {
			break
		}
		if k, ok := s.paramKeyDepth(holes[0], params, depth+1); ok {
			k.prefix = texts[0] + k.prefix
			k.suffix += texts[1]
			return k, true
		}
	}
	return keyForm{}, false
}

// listParam reports whether e is one of params holding a list of keys: a
// final ...string parameter or a []string parameter, never assigned.
func (s *state) listParam(e ast.Expr, params map[*types.Var]int) (keyForm, bool) {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return keyForm{}, false
	}
	p, ok := s.info.Uses[id].(*types.Var)
	if !ok || p == nil || s.writesOf(p) != 0 {
		return keyForm{}, false
	}
	i, ok := params[p]
	switch {
	case !ok:
		return keyForm{}, false
	case s.variadic[p]:
		return keyForm{param: i, variadic: true}, true
	case isStringSlice(p.Type()):
		return keyForm{param: i, list: true}, true
	}
	return keyForm{}, false
}

// isStringSlice reports whether t's underlying type is a slice of strings.
func isStringSlice(t types.Type) bool {
	if t == nil {
		return false
	}
	sl, ok := t.Underlying().(*types.Slice)
	return ok && isStringType(sl.Elem())
}

// sprintf splits a fmt.Sprintf call with a constant format into the text
// around its non-constant arguments: texts has one more element than
// holes. Constant arguments are folded into the text. ok is false for
// verbs other than %s, %v, %d and %%, or a mismatched argument count.
func (s *state) sprintf(call *ast.CallExpr) (texts []string, holes []ast.Expr, ok bool) {
	return s.sprintfDepth(call, 0)
}

func (s *state) sprintfDepth(call *ast.CallExpr, depth int) (texts []string, holes []ast.Expr, ok bool) {
	if len(call.Args) == 0 || call.Ellipsis.IsValid() || depth > maxDepth {
		return nil, nil, false
	}
	format, ok := s.constStringDepth(call.Args[0], depth+1)
	if !ok {
		return nil, nil, false
	}
	args := call.Args[1:]
	var cur strings.Builder
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' {
			cur.WriteByte(c)
			continue
		}
		if i+1 >= len(format) {
			return nil, nil, false
		}
		i++
		verb := format[i]
		if verb == '%' {
			cur.WriteByte('%')
			continue
		}
		if (verb != 's' && verb != 'v' && verb != 'd') || len(args) == 0 {
			return nil, nil, false
		}
		arg := args[0]
		args = args[1:]
		if v, ok := s.constStringDepth(arg, depth+1); ok && verb != 'd' {
			cur.WriteString(v)
			continue
		}
		if tv, ok := s.info.Types[ast.Unparen(arg)]; ok && tv.Value != nil && tv.Value.Kind() == constant.Int && verb != 's' {
			cur.WriteString(tv.Value.ExactString())
			continue
		}
		texts = append(texts, cur.String())
		cur.Reset()
		holes = append(holes, arg)
	}
	if len(args) != 0 {
		return nil, nil, false
	}
	return append(texts, cur.String()), holes, true
}

// constPrefix returns the constant prefix of a non-constant string
// expression: "APP_" for "APP_" + name or fmt.Sprintf("APP_%s", name).
func (s *state) constPrefix(e ast.Expr) string {
	return s.constPrefixDepth(e, 0)
}

func (s *state) constPrefixDepth(e ast.Expr, depth int) string {
	if e == nil || depth > maxDepth {
		return ""
	}
	e = ast.Unparen(e)
	if v, ok := s.constString(e); ok {
		return v
	}
	switch e := e.(type) {
	case *ast.Ident:
		if def := s.singleDef(e, depth); def != nil {
			return s.constPrefixDepth(def, depth+1)
		}
	case *ast.BinaryExpr:
		if e.Op == token.ADD {
			if x, ok := s.constString(e.X); ok {
				return x + s.constPrefixDepth(e.Y, depth+1)
			}
			return s.constPrefixDepth(e.X, depth+1)
		}
	case *ast.CallExpr:
		fn, _ := typeutil.Callee(s.info, e).(*types.Func)
		if fn != nil && fn.FullName() == "fmt.Sprintf" {
			if texts, _, ok := s.sprintfDepth(e, depth); ok {
				return texts[0]
			}
			if len(e.Args) > 0 {
				if format, ok := s.constString(e.Args[0]); ok {
					before, _, _ := strings.Cut(format, "%")
					return before
				}
			}
		}
	}
	return ""
}

// exprString returns the source form of e.
func exprString(e ast.Expr) string {
	if e == nil {
		return ""
	}
	return types.ExprString(e)
}

// defaultValue renders a default value: a constant (see formatConst), or a
// string variable whose value constString knows (a variable of the package
// assigned once: var DefaultDir = ".").
func (s *state) defaultValue(e ast.Expr) (string, bool) {
	if v, ok := s.formatConst(e); ok {
		return v, true
	}
	if tv, ok := s.info.Types[ast.Unparen(e)]; !ok || !isStringType(tv.Type) {
		return "", false
	}
	return s.constString(e)
}

// formatConst renders a constant default value as the program would see
// it once converted to a string.
func (s *state) formatConst(e ast.Expr) (string, bool) {
	if e == nil {
		return "", false
	}
	tv, ok := s.info.Types[ast.Unparen(e)]
	if !ok || tv.Value == nil {
		return "", false
	}
	v := tv.Value
	switch v.Kind() {
	case constant.String:
		return constant.StringVal(v), true
	case constant.Bool:
		return strconv.FormatBool(constant.BoolVal(v)), true
	case constant.Int:
		if isDuration(tv.Type) {
			if n, exact := constant.Int64Val(v); exact {
				return time.Duration(n).String(), true
			}
		}
		return v.ExactString(), true
	case constant.Float:
		if f, exact := constant.Float64Val(v); exact {
			return strconv.FormatFloat(f, 'g', -1, 64), true
		}
		return v.String(), true
	}
	return "", false
}

func isDuration(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "time" && n.Obj().Name() == "Duration"
}

// isStringType reports whether t's underlying type is string.
func isStringType(t types.Type) bool {
	if t == nil {
		return false
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// A rangeVar is a variable defined by a range clause over x: its key
// variable (key) or its value variable.
type rangeVar struct {
	x   ast.Expr
	key bool
}

// rangeKeys returns the keys that e may hold when it is a variable ranging
// over a literal list of constant strings (directly or through a variable
// assigned once, and through nested lists): for _, k := range
// []string{"HTTP_PROXY", "http_proxy"} { os.Getenv(k) }.
func (s *state) rangeKeys(e ast.Expr) ([]string, bool) {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil, false
	}
	v, ok := s.info.Uses[id].(*types.Var)
	if !ok || v == nil || s.writesOf(v) != 1 {
		return nil, false
	}
	rv, ok := s.ranges[v]
	if !ok || !isStringType(v.Type()) {
		return nil, false
	}
	keys, ok := s.listStrings(rv.x, rv.key, 0)
	if !ok || len(keys) == 0 {
		return nil, false
	}
	return sortedSet(keys), true
}

// listStrings returns the constant strings that the elements (or, for a
// map, the keys when keys is set) of the list e holds, flattening nested
// lists; ok is false if any is not constant.
func (s *state) listStrings(e ast.Expr, keys bool, depth int) ([]string, bool) {
	if depth > maxDepth {
		return nil, false
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		if def := s.singleDef(x, depth); def != nil {
			return s.listStrings(def, keys, depth+1)
		}
		v, ok := s.info.Uses[x].(*types.Var)
		if ok && v != nil && s.writesOf(v) == 1 {
			if rv, ok := s.ranges[v]; ok && !rv.key {
				return s.listStrings(rv.x, false, depth+1)
			}
		}
	case *ast.CompositeLit:
		var out []string
		for _, elt := range x.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				if keys {
					elt = kv.Key
				} else {
					elt = kv.Value
				}
			} else if keys {
				return nil, false
			}
			if v, ok := s.constString(elt); ok {
				out = append(out, v)
				continue
			}
			inner, ok := s.listStrings(elt, false, depth+1)
			if !ok {
				return nil, false
			}
			out = append(out, inner...)
		}
		return out, true
	}
	return nil, false
}
