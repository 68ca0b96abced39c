package envgraph

import (
	"go/ast"
	"go/types"
	"strings"
)

// configorCall records the keys github.com/jinzhu/configor reads for the
// struct given to Load: configor.Load(&cfg, files...), or
// configor.New(&configor.Config{ENVPrefix: "APP"}).Load(&cfg, files...)
// with the Configor built there or assigned once.
func (s *state) configorCall(call *ast.CallExpr, fn *types.Func) bool {
	if fn.Name() != "Load" || len(call.Args) == 0 {
		return false
	}
	target := call.Args[0]
	st, root := s.structOf(target)
	if st == nil {
		return true
	}
	prefix, dynamic := s.configorPrefix(call, fn)
	if prefix == "-" || dynamic != "" {
		prefix = ""
	}
	var fields []tagField
	s.walkConfigor(st, rootName(target, root), prefix, dynamic, 0, &fields)
	s.emitTags(LoaderConfigor, fields, target, nil, call)
	return true
}

// configorPrefix returns the ENVPrefix of the Configor whose Load is
// called: "Configor" for the package's Load and for a Config that sets
// none (configor then reads CONFIGOR_ENV_PREFIX, which the graph does not
// follow), "-" for none at all. dynamic is the expression of a prefix
// that is not constant, or of a Configor or Config built elsewhere.
func (s *state) configorPrefix(call *ast.CallExpr, fn *types.Func) (prefix, dynamic string) {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return "Configor", ""
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return "", "configor"
	}
	recv := ast.Unparen(sel.X)
	if id, ok := recv.(*ast.Ident); ok {
		if def := s.singleDef(id, 0); def != nil {
			recv = ast.Unparen(def)
		}
	}
	newCall, ok := recv.(*ast.CallExpr)
	if !ok || len(newCall.Args) != 1 {
		return "", exprString(sel.X)
	}
	if fn, ok := s.calleeFunc(newCall); !ok || fn.Name() != "New" || fn.Pkg() == nil || configLib(fn.Pkg().Path()) != LoaderConfigor {
		return "", exprString(sel.X)
	}
	arg := newCall.Args[0]
	if isNil(s.info, arg) {
		return "Configor", ""
	}
	lit := s.compositeOf(arg)
	if lit == nil {
		return "", exprString(arg) + ".ENVPrefix"
	}
	e, ok := litFields(lit)["ENVPrefix"]
	if !ok {
		return "Configor", ""
	}
	v, ok := s.constString(e)
	switch {
	case !ok:
		return "", exprString(e)
	case v == "":
		return "Configor", ""
	}
	return v, ""
}

// walkConfigor follows configor's processTags: every exported field is read from
// env:"NAME" when tagged, else from its path joined by "_" under the
// prefix (App_DB_Name), then from the same upper-cased (APP_DB_NAME),
// recorded as the Key (the form deployments write) with the first as its
// Alt. A struct field (not a pointer: configor skips a nil one; not a
// standard type such as time.Time, read as one value) has its
// fields read under its name, or under its parent's prefix when
// embedded with anonymous:"true"; configor also reads a whole struct from
// one key as YAML, which the graph leaves out (no deployment sets
// APP_DB), as it leaves out slices of structs, read under indexes
// (App_Hosts_0_Name).
// dynamic is the expression of a prefix that is not known: the keys
// derived from it are not either.
func (s *state) walkConfigor(st *types.Struct, path, prefix, dynamic string, depth int, out *[]tagField) {
	for sf := range exportedFields(st, path, depth) {
		f, tag, fpath := sf.v, sf.tag, sf.path
		name := f.Name()
		if prefix != "" {
			name = prefix + "_" + name
		}
		if inner, ok := s.nestedStruct(f.Type()); ok {
			if f.Embedded() && tag.Get("anonymous") == "true" {
				name = prefix
			}
			s.walkConfigor(inner, fpath, name, dynamic, depth+1, out)
			continue
		}
		tf := tagField{field: f, path: fpath, typ: configorType(f), override: true}
		tf.def, tf.hasDef = tag.Lookup("default")
		switch env := tag.Get("env"); {
		case env != "":
			tf.key = env
		case dynamic != "":
			tf.dynamic = dynamic
		default:
			tf.key = strings.ToUpper(name)
			if name != tf.key {
				tf.alt = name
			}
		}
		*out = append(*out, tf)
	}
}

// configorType is what configor parses a field's value as: a string as
// it is, a bool leniently (any value but "", 0, f and false is true),
// anything else as YAML, which for a number is as strconv reads it;
// other kinds are left unknown.
func configorType(f *types.Var) Type {
	b, ok := types.Unalias(f.Type()).Underlying().(*types.Basic)
	if !ok || b.Info()&(types.IsInteger|types.IsFloat) == 0 {
		return Type{}
	}
	return fieldType(f, "", "")
}
