package envgraph

import (
	"go/ast"
	"go/types"
	"reflect"
	"strings"
)

// viperStructAsks records the keys that Unmarshal(&cfg) asks for: one per
// field that mapstructure fills, nested structs as dotted keys, the
// subtree of a map or interface field. false when the target is not a
// pointer to a struct, or a decoder option may rename the fields.
func (s *state) viperStructAsks(u *viperUse, call *ast.CallExpr) bool {
	for _, opt := range call.Args[1:] {
		c, ok := ast.Unparen(opt).(*ast.CallExpr)
		if !ok {
			return false
		}
		if fn, ok := s.calleeFunc(c); !ok || !isViperFunc(fn, "DecodeHook") {
			return false // may set TagName or MatchName
		}
	}
	target := call.Args[0]
	st, root, ok := s.targetStruct(target)
	if !ok {
		st, root, ok = s.targetStructPtr(target)
	}
	if !ok {
		return false
	}
	// viper's own decoder (no DecodeHook option) converts a string as
	// mapstructType says.
	w := keyWalk{s: s, tag: "mapstructure", at: target, out: &u.asks, typed: len(call.Args) == 1}
	return w.walk(st, "", root, 0)
}

// targetStruct returns the struct type that the pointer e points to and
// the name of its root for Ref.Field.
func (s *state) targetStruct(e ast.Expr) (*types.Struct, string, bool) {
	ptr, ok := s.targetPointer(e)
	if !ok {
		return nil, "", false
	}
	return pointee(e, ptr)
}

// targetPointer returns the pointer type of e, false if e is no pointer.
func (s *state) targetPointer(e ast.Expr) (*types.Pointer, bool) {
	tv, ok := s.info.Types[e]
	if !ok || tv.Type == nil {
		return nil, false
	}
	ptr, ok := types.Unalias(tv.Type).Underlying().(*types.Pointer)
	return ptr, ok
}

// pointee returns the struct type ptr points to and the name of its root
// for Ref.Field, e the expression of the decode's target.
func pointee(e ast.Expr, ptr *types.Pointer) (*types.Struct, string, bool) {
	st, ok := types.Unalias(ptr.Elem()).Underlying().(*types.Struct)
	if !ok {
		return nil, "", false
	}
	root := "struct"
	if n, ok := types.Unalias(ptr.Elem()).(*types.Named); ok {
		root = n.Obj().Name()
	}
	return st, rootName(e, root), true
}

// targetStructPtr returns the struct type that e, a pointer to a
// pointer, points to, and the name of its root: mapstructure decodes
// through the inner pointer (allocating it when nil), so
// Unmarshal(&Server) of a Server *T fills T's fields as Unmarshal(Server)
// does (navidrome v0.53.3, conf/configuration.go:171).
func (s *state) targetStructPtr(e ast.Expr) (*types.Struct, string, bool) {
	outer, ok := s.targetPointer(e)
	if !ok {
		return nil, "", false
	}
	inner, ok := types.Unalias(outer.Elem()).(*types.Pointer)
	if !ok {
		return nil, "", false // a named pointer type: mapstructure takes its kind, but keep to the plain form
	}
	return pointee(e, inner)
}

// keyWalk walks the type of the target of a mapstructure decode (viper's
// and koanf's Unmarshal) and records the key of each field it fills.
type keyWalk struct {
	s   *state
	tag string   // the struct tag naming the keys: mapstructure, koanf
	at  ast.Expr // the target, where keys of fields declared elsewhere are reported
	out *[]viperAsk
	// typed is set for viper's Unmarshal without options: each field's
	// ask gets the form its type is decoded in.
	typed bool
}

func (w keyWalk) walk(st *types.Struct, prefix, field string, depth int) bool {
	if depth > maxNesting {
		return false
	}
	for i := range st.NumFields() {
		f := st.Field(i)
		name, opts, _ := strings.Cut(reflect.StructTag(st.Tag(i)).Get(w.tag), ",")
		if name == "-" {
			continue
		}
		if hasTagOpt(opts, "remain") {
			return false // every key left over
		}
		if !f.Exported() {
			continue
		}
		inner, isStruct := types.Unalias(deref(f.Type())).Underlying().(*types.Struct)
		if f.Embedded() && hasTagOpt(opts, "squash") && isStruct {
			if !w.walk(inner, prefix, field, depth+1) {
				return false
			}
			continue
		}
		if name == "" {
			name = f.Name()
		}
		// mapstructure matches names regardless of case; viper's keys
		// are lower case.
		key := prefix + strings.ToLower(name)
		ask := w.ask(f, key, field+"."+f.Name())
		switch t := types.Unalias(deref(f.Type())).Underlying().(type) {
		case *types.Struct:
			if hasExported(t) {
				if !w.walk(t, key+".", field+"."+f.Name(), depth+1) {
					return false
				}
				continue
			}
		case *types.Map, *types.Interface:
			ask.sub = true
		}
		*w.out = append(*w.out, ask)
	}
	return true
}

// ask returns the ask of field f's key, at the field when the package
// declares it, else at the target.
func (w keyWalk) ask(f *types.Var, key, field string) viperAsk {
	a := viperAsk{key: key, pos: w.at.Pos(), end: w.at.End(), field: field}
	if n := w.s.fields[f]; n != nil {
		a.pos, a.end = n.Pos(), n.End()
	}
	if w.typed {
		a.typ = mapstructType(f.Type())
		if a.typ.Known() {
			a.typ.By = "viper Unmarshal field " + strings.TrimPrefix(field, ".")
			a.typ.Site = w.s.objSite(f)
		}
	}
	return a
}

func hasTagOpt(opts, opt string) bool {
	for o := range strings.SplitSeq(opts, ",") {
		if strings.TrimSpace(o) == opt {
			return true
		}
	}
	return false
}

// hasExported reports whether st has an exported field: a struct that
// mapstructure fills field by field, not a value such as time.Time.
func hasExported(st *types.Struct) bool {
	for i := range st.NumFields() {
		if st.Field(i).Exported() {
			return true
		}
	}
	return false
}
