package envgraph

import (
	"go/ast"
	"go/types"
	"slices"
	"strings"
)

// urfaveFlag records the keys of a urfave/cli flag literal: EnvVars
// []string{...} (v2), EnvVar "A,B" (v1) or Sources: cli.EnvVars(...) (v3),
// each at the string that names it, with the flag's Name, Value as
// default and Required.
func (s *state) urfaveFlag(lit *ast.CompositeLit) {
	m := litFields(lit)
	r := Ref{Kind: Lookup, Loader: LoaderUrfave}
	r.Flag, _ = s.constString(m["Name"])
	if v, ok := m["Value"]; ok {
		r.Default, r.HasDefault = s.defaultValue(v)
	}
	r.Required, _ = s.constBool(m["Required"])
	r.Type = urfaveType(lit, s.site(lit))
	if e, ok := m["EnvVars"]; ok {
		s.keyList(r, e)
	}
	if e, ok := m["EnvVar"]; ok {
		s.urfaveV1Keys(r, e)
	}
	if e, ok := m["Sources"]; ok {
		ast.Inspect(e, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			if fn, ok := s.calleeFunc(call); ok && s.urfaveSources(r, call, fn) {
				if s.libDone == nil {
					s.libDone = make(map[*ast.CallExpr]bool)
				}
				s.libDone[call] = true
			}
			return true
		})
	}
}

// keyList records a reference per element of e, a []string of keys: at
// each element of a literal, else at e when its elements are constant;
// a dynamic reference otherwise.
func (s *state) keyList(r Ref, e ast.Expr) {
	if tv, ok := s.info.Types[ast.Unparen(e)]; !ok || tv.IsNil() || !isStringSlice(tv.Type) {
		return
	}
	if lit, ok := ast.Unparen(e).(*ast.CompositeLit); ok {
		s.keysAt(r, lit.Elts)
		return
	}
	r.Pos, r.End = e.Pos(), e.End()
	if keys, ok := s.listStrings(e, false, 0); ok {
		s.addGroup(r, keys)
		return
	}
	r.Dynamic, r.Expr = true, exprString(e)
	s.add(r)
}

// keysAt records r with the keys that es, strings tried in order, name,
// each at its expression.
func (s *state) keysAt(r Ref, es []ast.Expr) {
	var refs []Ref
	for _, e := range es {
		if tv, ok := s.info.Types[ast.Unparen(e)]; !ok || !isStringType(tv.Type) {
			continue
		}
		r := r
		r.Pos, r.End = e.Pos(), e.End()
		if k, ok := s.constString(e); ok {
			if r.Key = strings.TrimSpace(k); r.Key != "" {
				refs = append(refs, r)
			}
			continue
		}
		r.Dynamic, r.Expr, r.Prefix = true, exprString(e), s.constPrefix(e)
		refs = append(refs, r)
	}
	var group []string
	for _, r := range refs {
		if !r.Dynamic && len(refs) > 1 {
			group = append(group, r.Key)
		}
	}
	for _, r := range refs {
		if !r.Dynamic {
			r.Group = group
		}
		s.add(r)
	}
}

// addGroup records r once for each of keys, tried in order.
func (s *state) addGroup(r Ref, keys []string) {
	var group []string
	for _, k := range keys {
		if k = strings.TrimSpace(k); k != "" && !slices.Contains(group, k) {
			group = append(group, k)
		}
	}
	for _, k := range group {
		r.Key = k
		if len(group) > 1 {
			r.Group = group
		}
		s.add(r)
	}
}

// urfaveV1Keys records urfave/cli v1's EnvVar: "A, B", keys separated by
// commas, tried in order.
func (s *state) urfaveV1Keys(r Ref, e ast.Expr) {
	v, ok := s.constString(e)
	if !ok {
		s.keysAt(r, []ast.Expr{e})
		return
	}
	r.Pos, r.End = e.Pos(), e.End()
	s.addGroup(r, strings.Split(v, ","))
}

// urfaveSources records the keys of a urfave/cli v3 source: EnvVars(keys...)
// or EnvVar(key); false for any other call.
func (s *state) urfaveSources(r Ref, call *ast.CallExpr, fn *types.Func) bool {
	if fn.Pkg() == nil || fn.Pkg().Path() != "github.com/urfave/cli/v3" {
		return false
	}
	switch fn.Name() {
	case "EnvVars", "EnvVar":
	default:
		return false
	}
	if call.Ellipsis.IsValid() && len(call.Args) > 0 {
		s.keyList(r, call.Args[len(call.Args)-1])
		return true
	}
	s.keysAt(r, call.Args)
	return true
}

// urfaveCall records cli.EnvVars and cli.EnvVar calls outside a flag
// literal (a source chain built apart from its flag).
func (s *state) urfaveCall(call *ast.CallExpr, fn *types.Func) bool {
	if s.libDone[call] {
		return true
	}
	return s.urfaveSources(Ref{Kind: Lookup, Loader: LoaderUrfave}, call, fn)
}

// urfaveType returns the type a urfave/cli flag literal (cli.IntFlag{...},
// v1 to v3) parses its env value as: ParseInt and ParseUint with base 0,
// ParseFloat, ParseBool, ParseDuration, and slices split at commas.
func urfaveType(lit *ast.CompositeLit, at Site) Type {
	var name string
	switch t := ast.Unparen(lit.Type).(type) {
	case *ast.SelectorExpr:
		name = t.Sel.Name
	case *ast.Ident:
		name = t.Name
	}
	elem, slice := strings.CutSuffix(strings.TrimSuffix(name, "Flag"), "Slice")
	var t Type
	switch elem {
	case "Int", "Int64":
		t = Type{Kind: TypeInt, Bits: 64}
	case "Int32":
		t = Type{Kind: TypeInt, Bits: 32}
	case "Uint", "Uint64":
		t = Type{Kind: TypeUint, Bits: 64}
	case "Uint32":
		t = Type{Kind: TypeUint, Bits: 32}
	case "Float64", "Float":
		t = Type{Kind: TypeFloat, Bits: 64}
	case "Bool":
		t = Type{Kind: TypeBool}
	case "Duration":
		t = Type{Kind: TypeDuration}
	default:
		return Type{}
	}
	if slice {
		if t.Kind == TypeBool || t.Kind == TypeDuration {
			return Type{}
		}
		t.Sep = ","
	}
	t.By, t.Site = "urfave/cli "+name, at
	return t
}
