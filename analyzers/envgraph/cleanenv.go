package envgraph

import (
	"go/ast"
	"go/types"
	"slices"
	"strings"
)

// cleanenvCall records the keys cleanenv reads for the struct given to
// ReadEnv(&cfg), ReadConfig(path, &cfg) or UpdateEnv(&cfg).
func (s *state) cleanenvCall(call *ast.CallExpr, fn *types.Func) bool {
	target, spec, ok := s.cleanenvSpec(call, fn)
	if !ok {
		return false
	}
	if target == nil {
		return true
	}
	st, root := s.structOf(target)
	if st == nil {
		return true
	}
	s.emitTags(LoaderCleanenv, s.cleanenvFields(st, rootName(target, root), spec, target), target, nil, call)
	return true
}

// cleanenvSpec resolves a cleanenv call that reads a struct: the struct's
// expression (nil when the call is malformed) and how it is read.
func (s *state) cleanenvSpec(call *ast.CallExpr, fn *types.Func) (target ast.Expr, spec loadSpec, ok bool) {
	spec = loadSpec{Loader: LoaderCleanenv}
	switch fn.Name() {
	case "ReadEnv", "UpdateEnv":
		spec.Update = fn.Name() == "UpdateEnv"
		if len(call.Args) == 1 {
			target = call.Args[0]
		}
	case "ReadConfig":
		spec.File = true
		if len(call.Args) == 2 {
			target = call.Args[1]
		}
	default:
		return nil, spec, false
	}
	return target, spec, true
}

// cleanenvFields returns the keys cleanenv reads for st. ReadConfig parses
// the file first and lets the environment override it; env-required fails
// only when neither sets the field. So the environment need not set these
// keys, nor those ReadEnv reads into a struct ReadConfig filled.
func (s *state) cleanenvFields(st *types.Struct, root string, spec loadSpec, target ast.Expr) []tagField {
	var fields []tagField
	s.walkCleanenv(st, root, "", spec.Update, 0, &fields)
	if spec.File || s.cleanenvFileRead(target) {
		for i := range fields {
			fields[i].override, fields[i].required = true, false
		}
	}
	return fields
}

// walkCleanenv follows cleanenv's readStructMetadata: a nested struct
// field (not a pointer, not time.Time or url.URL) adds its env-prefix to
// its fields' keys; env:"A,B" lists keys tried in order.
func (s *state) walkCleanenv(st *types.Struct, path, prefix string, update bool, depth int, out *[]tagField) {
	for sf := range exportedFields(st, path, depth) {
		f, tag, fpath := sf.v, sf.tag, sf.path
		if inner, ok := s.nestedStruct(f.Type()); ok {
			s.walkCleanenv(inner, fpath, prefix+tag.Get("env-prefix"), update, depth+1, out)
			continue
		}
		if _, upd := tag.Lookup("env-upd"); update && !upd {
			continue
		}
		envs, ok := tag.Lookup("env")
		if !ok || envs == "" {
			continue
		}
		tf := tagField{field: f, path: fpath, typ: fieldType(f, tag.Get("env-separator"), ","), desc: tag.Get("env-description")}
		tf.def, tf.hasDef = tag.Lookup("env-default")
		_, tf.required = tag.Lookup("env-required")
		appendGroup(out, tf, prefix, strings.Split(envs, ","))
	}
}

// appendGroup appends tf once for each of keys, tried in order, prefixed.
func appendGroup(out *[]tagField, tf tagField, prefix string, keys []string) {
	for _, k := range keys {
		if k != "" && !slices.Contains(tf.group, prefix+k) {
			tf.group = append(tf.group, prefix+k)
		}
	}
	group := tf.group
	if len(group) < 2 {
		tf.group = nil
	}
	for _, k := range group {
		tf.key = k
		*out = append(*out, tf)
	}
}

// cleanenvFileRead reports whether target, the struct given to ReadEnv or
// UpdateEnv, is given to cleanenv.ReadConfig too (cfg := &Config{};
// cleanenv.ReadConfig(path, cfg); cleanenv.ReadEnv(cfg)): a field the
// file sets is not zero, so env-required does not fail without its key.
func (s *state) cleanenvFileRead(target ast.Expr) bool {
	if target == nil {
		return false
	}
	for _, site := range s.calls {
		c := site.call
		if len(c.Args) != 2 || !s.sameValue(c.Args[1], target) {
			continue
		}
		if fn, ok := s.calleeFunc(c); ok && fn.Pkg() != nil && configLib(fn.Pkg().Path()) == LoaderCleanenv && fn.Name() == "ReadConfig" {
			return true
		}
	}
	return false
}
