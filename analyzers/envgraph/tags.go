package envgraph

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/types"
	"iter"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxNesting bounds how deep struct-tag loaders are followed into nested
// structs.
const maxNesting = 8

// A structField is an exported field of a struct a loader walks.
type structField struct {
	v    *types.Var
	tag  reflect.StructTag
	path string // the field's Go path, "Config.DB.Host"
}

// exportedFields yields the exported fields of st, the struct at path,
// in order: nothing once depth is past maxNesting. Every struct-tag
// loader's walk starts so; which fields it then skips or walks into is
// its own.
func exportedFields(st *types.Struct, path string, depth int) iter.Seq[structField] {
	return func(yield func(structField) bool) {
		if depth > maxNesting {
			return
		}
		for i := range st.NumFields() {
			f := st.Field(i)
			if f.Exported() && !yield(structField{f, reflect.StructTag(st.Tag(i)), path + "." + f.Name()}) {
				return
			}
		}
	}
}

// nestedStruct returns the struct under t when a loader reads its fields
// one by one: not a pointer, not a standard type such as time.Time.
func (s *state) nestedStruct(t types.Type) (*types.Struct, bool) {
	inner, ok := types.Unalias(t).Underlying().(*types.Struct)
	return inner, ok && !s.isStd(t)
}

// A tagField is one key a struct-tag loader reads.
type tagField struct {
	field    *types.Var
	path     string // Config.DB.Host
	key, alt string
	def      string
	hasDef   bool
	required bool
	dynamic  string   // the non-constant prefix expression, when the key is not constant
	flag     string   // the command-line flag the key backs (kong)
	group    []string // the keys of a field that names several, in order
	typ      Type     // what the loader parses the field's value as
	override bool     // a config file read first may set it (Ref.Override)
	desc     string   // Ref.Description
}

// emitTags records the fields' references: at the field when it is
// declared in this package, else at the loader call's argument. load is
// the loader call (nil when unknown), kept in Ref.LoadPos.
func (s *state) emitTags(loader string, fields []tagField, at ast.Node, via []string, load *ast.CallExpr) {
	for _, f := range fields {
		r := Ref{
			Kind: Tag, Loader: loader, Key: f.key, Alt: f.alt, Field: f.path, Via: via,
			Default: f.def, HasDefault: f.hasDef, Required: f.required, Flag: f.flag, Group: f.group,
			Pos: at.Pos(), End: at.End(), Type: f.typ, Override: f.override, Description: f.desc,
		}
		if r.Type.Known() {
			r.Type.By = loader + " field " + f.path
			r.Type.Site = s.objSite(f.field)
		}
		if load != nil {
			if fn, ok := s.calleeFunc(load); ok {
				r.LoadPos, r.LoadEnd, r.LoadFunc = load.Pos(), load.End(), FuncName(fn)
			}
		}
		if node := s.fields[f.field]; node != nil && f.field.Pkg() == s.pass.Pkg {
			r.Pos, r.End = node.Pos(), node.End()
		}
		if f.dynamic != "" {
			r.Dynamic = true
			r.Expr = f.dynamic
			r.Key = ""
		}
		s.add(r)
	}
}

// structOf returns the struct type that e points to or is, and its name.
func (s *state) structOf(e ast.Expr) (*types.Struct, string) {
	for range maxDepth {
		e = ast.Unparen(e)
		tv, ok := s.info.Types[e]
		if !ok || tv.Type == nil {
			return nil, ""
		}
		if st, name := structType(tv.Type); st != nil {
			return st, name
		}
		// An interface-typed variable assigned once: follow it.
		id, ok := e.(*ast.Ident)
		if !ok {
			return nil, ""
		}
		def := s.singleDef(id, 0)
		if def == nil {
			return nil, ""
		}
		e = def
	}
	return nil, ""
}

// structType returns t, or what it points to, as a struct, with its name.
func structType(t types.Type) (*types.Struct, string) {
	if t == nil {
		return nil, ""
	}
	if p, ok := types.Unalias(t).Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return nil, ""
	}
	name := "struct"
	switch t := types.Unalias(t).(type) {
	case *types.Named:
		name = t.Obj().Name()
	}
	return st, name
}

// compositeOf returns the composite literal that e is, points to, or was
// assigned once.
func (s *state) compositeOf(e ast.Expr) *ast.CompositeLit {
	for range maxDepth {
		switch x := ast.Unparen(e).(type) {
		case *ast.CompositeLit:
			return x
		case *ast.UnaryExpr:
			e = x.X
		case *ast.Ident:
			def := s.singleDef(x, 0)
			if def == nil {
				return nil
			}
			e = def
		default:
			return nil
		}
	}
	return nil
}

// litFields returns a composite literal's keyed elements by field name.
func litFields(lit *ast.CompositeLit) map[string]ast.Expr {
	m := make(map[string]ast.Expr)
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		if id, ok := kv.Key.(*ast.Ident); ok {
			m[id.Name] = kv.Value
		}
	}
	return m
}

// constBool returns e's value when it is a constant boolean.
func (s *state) constBool(e ast.Expr) (value, ok bool) {
	if e == nil {
		return false, false
	}
	tv, found := s.info.Types[ast.Unparen(e)]
	if !found || tv.Value == nil || tv.Value.Kind() != constant.Bool {
		return false, false
	}
	return constant.BoolVal(tv.Value), true
}

// hasMethod reports whether *t has one of the named methods.
func hasMethod(t types.Type, names ...string) bool {
	pt := types.NewPointer(t)
	for _, name := range names {
		if obj, _, _ := types.LookupFieldOrMethod(pt, true, nil, name); obj != nil {
			if _, ok := obj.(*types.Func); ok {
				return true
			}
		}
	}
	return false
}

func deref(t types.Type) types.Type {
	for range maxDepth {
		p, ok := types.Unalias(t).Underlying().(*types.Pointer)
		if !ok {
			return t
		}
		t = p.Elem()
	}
	return t
}

// typeArg returns the first type argument of a generic call: T in
// env.ParseAs[T]().
func (s *state) typeArg(call *ast.CallExpr) types.Type {
	var id *ast.Ident
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.IndexExpr:
		id = embeddedIdent(f.X)
	case *ast.IndexListExpr:
		id = embeddedIdent(f.X)
	case *ast.Ident, *ast.SelectorExpr:
		id = embeddedIdent(f)
	}
	if id == nil {
		return nil
	}
	inst, ok := s.info.Instances[id]
	if !ok || inst.TypeArgs == nil || inst.TypeArgs.Len() == 0 {
		return nil
	}
	return inst.TypeArgs.At(0)
}

// ---- github.com/caarlos0/env ----

// caarlosSpec resolves a caarlos0/env parse call: the struct's
// expression (nil for ParseAs[T], whose type is typ) and the options.
func (s *state) caarlosSpec(call *ast.CallExpr, fn *types.Func) (target ast.Expr, typ types.Type, spec loadSpec, ok bool) {
	var rest []ast.Expr
	switch fn.Name() {
	case "Parse", "ParseWithOptions", "ParseWithFuncs":
		if len(call.Args) == 0 {
			return nil, nil, spec, false
		}
		target, rest = call.Args[0], call.Args[1:]
	case "ParseAs", "ParseAsWithOptions":
		typ = s.typeArg(call)
		if typ == nil {
			return nil, nil, spec, false
		}
		rest = call.Args
	default:
		return nil, nil, spec, false
	}
	spec = loadSpec{Loader: LoaderCaarlos, TagName: "env", PrefixTag: "envPrefix", DefaultTag: "envDefault"}
	for _, a := range rest {
		tv, ok := s.info.Types[a]
		if !ok || tv.Type == nil {
			continue
		}
		n, ok := types.Unalias(tv.Type).(*types.Named)
		if !ok || n.Obj().Name() != "Options" || n.Obj().Pkg() != fn.Pkg() {
			continue
		}
		lit := s.compositeOf(a)
		if lit == nil {
			// Options built elsewhere: the prefix and tag names are unknown.
			spec.Dynamic = exprString(a) + ".Prefix"
			break
		}
		m := litFields(lit)
		if env, ok := m["Environment"]; ok && !isNil(s.info, env) {
			return nil, nil, spec, false // a map of its own, not the environment
		}
		if e, ok := m["Prefix"]; ok {
			if v, ok := s.constString(e); ok {
				spec.Prefix = v
			} else {
				spec.Dynamic = exprString(e)
			}
		}
		for _, o := range []struct {
			name string
			dst  *string
		}{{"TagName", &spec.TagName}, {"PrefixTagName", &spec.PrefixTag}, {"DefaultValueTagName", &spec.DefaultTag}} {
			if e, ok := m[o.name]; ok {
				v, ok := s.constString(e)
				if !ok {
					return nil, nil, spec, false // tags unknown: nothing can be said
				}
				if v != "" {
					*o.dst = v
				}
			}
		}
		spec.UseFieldName, _ = s.constBool(m["UseFieldNameByDefault"])
		spec.Required, _ = s.constBool(m["RequiredIfNoDef"])
		break
	}
	return target, typ, spec, true
}

func isNil(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[ast.Unparen(e)]
	return ok && tv.IsNil()
}

func (s *state) walkCaarlos(st *types.Struct, path string, opts loadSpec, depth int, out *[]tagField) {
	for sf := range exportedFields(st, path, depth) {
		f, tag, fpath := sf.v, sf.tag, sf.path
		nested := opts
		nested.Prefix += tag.Get(opts.PrefixTag)
		ft := types.Unalias(f.Type())
		// A pointer to a struct and an unnamed struct are walked into,
		// without a key of their own.
		if p, ok := ft.Underlying().(*types.Pointer); ok {
			if inner, ok := p.Elem().Underlying().(*types.Struct); ok {
				s.walkCaarlos(inner, fpath, nested, depth+1, out)
				continue
			}
		}
		if inner, ok := ft.(*types.Struct); ok {
			s.walkCaarlos(inner, fpath, nested, depth+1, out)
			continue
		}
		own, options, _ := strings.Cut(tag.Get(opts.TagName), ",")
		if own == "" && opts.UseFieldName {
			own = fieldEnvName(f.Name())
		}
		if own == "-" || hasOption(options, "-") {
			continue
		}
		if own != "" {
			tf := tagField{field: f, path: fpath, key: opts.Prefix + own, typ: fieldType(f, tag.Get("envSeparator"), ",")}
			tf.def, tf.hasDef = tag.Lookup(opts.DefaultTag)
			tf.required = (opts.Required && !tf.hasDef) || hasOption(options, "required") || hasOption(options, "notEmpty")
			if opts.Dynamic != "" {
				tf.dynamic = opts.Dynamic + " + " + strconv.Quote(own)
			}
			*out = append(*out, tf)
		}
		// A named struct is parsed as a whole and then walked into, but the
		// standard library's (time.Time, url.URL) carry no tags.
		if inner, ok := s.nestedStruct(ft); ok {
			s.walkCaarlos(inner, fpath, nested, depth+1, out)
		}
	}
}

func hasOption(options, name string) bool {
	for o := range strings.SplitSeq(options, ",") {
		if o == name {
			return true
		}
	}
	return false
}

// isStd reports whether t is a named type of the standard library.
func (s *state) isStd(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && s.isStdPos(n.Obj().Pos())
}

// fieldEnvName turns a Go field name into caarlos0/env's
// UseFieldNameByDefault key: underscores dropped, a word break before an
// upper-case letter that follows a lower-case one or precedes one, all
// upper-cased (DatabaseURL → DATABASE_URL, HTTPPort → HTTP_PORT).
func fieldEnvName(name string) string {
	var b strings.Builder
	for i, c := range name {
		if c == '_' {
			continue
		}
		if b.Len() > 0 && unicode.IsUpper(c) && i+1 < len(name) {
			next := rune(name[i+1])
			prev, _ := utf8.DecodeLastRuneInString(name[:i])
			if unicode.IsLower(next) || unicode.IsLower(prev) {
				b.WriteByte('_')
			}
		}
		b.WriteRune(unicode.ToUpper(c))
	}
	return b.String()
}

// ---- github.com/kelseyhightower/envconfig ----

var (
	kelseyWords    = regexp.MustCompile("([^A-Z]+|[A-Z]+[^A-Z]+|[A-Z]+)")
	kelseyAcronyms = regexp.MustCompile("([A-Z]+)([A-Z][^A-Z]+)")
)

// kelseySpec resolves an envconfig.Process call: (prefix, spec), and in
// the mstoykov fork (prefix, spec, lookup), the lookup standing in for
// os.LookupEnv with the same keys.
func (s *state) kelseySpec(call *ast.CallExpr, fn *types.Func) (ast.Expr, loadSpec, bool) {
	if (fn.Name() != "Process" && fn.Name() != "MustProcess") || len(call.Args) < 2 || len(call.Args) > 3 {
		return nil, loadSpec{}, false
	}
	spec := loadSpec{Loader: LoaderEnvconfig}
	prefix, ok := s.constString(call.Args[0])
	if ok {
		spec.Prefix = prefix
	} else {
		spec.Dynamic = exprString(call.Args[0])
	}
	return call.Args[1], spec, true
}

// kelseyFields lists the keys envconfig reads for st.
func (s *state) kelseyFields(st *types.Struct, root string, spec loadSpec) []tagField {
	prefix := spec.Prefix
	if spec.Dynamic != "" {
		prefix = "PREFIX"
	}
	var fields []tagField
	s.walkKelsey(st, root, prefix, 0, &fields)
	if spec.Dynamic != "" {
		for i := range fields {
			fields[i].dynamic = spec.Dynamic + ` + "_` + strings.TrimPrefix(fields[i].key, "PREFIX_") + `"`
		}
	}
	return fields
}

// walkKelsey follows envconfig's gatherInfo.
func (s *state) walkKelsey(st *types.Struct, path, prefix string, depth int, out *[]tagField) {
	for sf := range exportedFields(st, path, depth) {
		f, tag, fpath := sf.v, sf.tag, sf.path
		if isTrue(tag.Get("ignored")) {
			continue
		}
		ft := deref(f.Type())
		alt := strings.ToUpper(tag.Get("envconfig"))
		key := f.Name()
		if isTrue(tag.Get("split_words")) {
			key = splitWords(f.Name())
		}
		if alt != "" {
			key = alt
		}
		if prefix != "" {
			key = prefix + "_" + key
		}
		key = strings.ToUpper(key)
		if inner, ok := ft.Underlying().(*types.Struct); ok &&
			!hasMethod(ft, "Decode", "Set", "UnmarshalText", "UnmarshalBinary") {
			innerPrefix := prefix
			if !f.Anonymous() {
				innerPrefix = key
			}
			s.walkKelsey(inner, fpath, innerPrefix, depth+1, out)
			continue
		}
		tf := tagField{field: f, path: fpath, key: key, alt: alt, typ: fieldType(f, "", ",")}
		tf.def = tag.Get("default")
		tf.hasDef = tf.def != ""
		tf.required = isTrue(tag.Get("required")) && !tf.hasDef
		if tf.alt == tf.key {
			tf.alt = ""
		}
		*out = append(*out, tf)
	}
}

func isTrue(s string) bool {
	b, _ := strconv.ParseBool(s)
	return b
}

// splitWords splits a CamelCase name into words joined by "_" the way
// envconfig's split_words does (AutoSplitVar → Auto_Split_Var,
// HTTPServer → HTTP_Server).
func splitWords(name string) string {
	words := kelseyWords.FindAllStringSubmatch(name, -1)
	if len(words) == 0 {
		return name
	}
	var parts []string
	for _, w := range words {
		if m := kelseyAcronyms.FindStringSubmatch(w[0]); len(m) == 3 {
			parts = append(parts, m[1], m[2])
		} else {
			parts = append(parts, w[0])
		}
	}
	return strings.Join(parts, "_")
}

// ---- github.com/sethvargo/go-envconfig ----

// sethvargoSpec resolves a go-envconfig Process or ProcessWith call.
func (s *state) sethvargoSpec(call *ast.CallExpr, fn *types.Func) (ast.Expr, loadSpec, bool) {
	if len(call.Args) < 2 {
		return nil, loadSpec{}, false
	}
	var target, lookuper ast.Expr
	spec := loadSpec{Loader: LoaderGoEnvconfig}
	switch fn.Name() {
	case "Process", "MustProcess", "ProcessWith":
		target = call.Args[1]
		if lit := s.compositeOf(target); lit != nil && isNamed(s.info.Types[lit].Type, fn.Pkg(), "Config") {
			// ProcessWith(ctx, &envconfig.Config{Target: &cfg, Lookuper: ...})
			m := litFields(lit)
			target = m["Target"]
			lookuper = m["Lookuper"]
			spec.Required, _ = s.constBool(m["DefaultRequired"])
		} else if isNamed(s.info.Types[target].Type, fn.Pkg(), "Config") {
			return nil, spec, false // a *Config built elsewhere
		} else if fn.Name() == "ProcessWith" && len(call.Args) >= 3 {
			lookuper = call.Args[2] // the v0 signature: ProcessWith(ctx, &cfg, lookuper, ...)
		}
	default:
		return nil, spec, false
	}
	if target == nil {
		return nil, spec, false
	}
	prefix, ok := s.lookuperPrefix(lookuper, fn.Pkg())
	if !ok {
		return nil, spec, false // a lookuper of its own: maybe not the environment
	}
	spec.Prefix = prefix
	return target, spec, true
}

func isNamed(t types.Type, pkg *types.Package, name string) bool {
	if t == nil {
		return false
	}
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() == pkg && n.Obj().Name() == name
}

// lookuperPrefix returns the prefix a go-envconfig lookuper adds to the
// keys when it reads the environment: OsLookuper(), nil, and
// PrefixLookuper("APP_", ...) of those.
func (s *state) lookuperPrefix(e ast.Expr, pkg *types.Package) (string, bool) {
	for range maxDepth {
		if e == nil || isNil(s.info, e) {
			return "", true
		}
		e = ast.Unparen(e)
		if id, ok := e.(*ast.Ident); ok {
			def := s.singleDef(id, 0)
			if def == nil {
				return "", false
			}
			e = def
			continue
		}
		call, ok := e.(*ast.CallExpr)
		if !ok {
			return "", false
		}
		fn, _ := s.calleeFunc(call)
		if fn == nil || fn.Pkg() != pkg {
			return "", false
		}
		switch fn.Name() {
		case "OsLookuper":
			return "", true
		case "PrefixLookuper":
			if len(call.Args) < 2 || len(call.Args) > 3 {
				return "", false
			}
			p, ok := s.constString(call.Args[0])
			if !ok {
				return "", false
			}
			rest, ok := s.lookuperPrefix(call.Args[1], pkg)
			return p + rest, ok
		}
		return "", false
	}
	return "", false
}

// walkSethvargo follows go-envconfig's processWith.
func (s *state) walkSethvargo(st *types.Struct, path, prefix string, required bool, depth int, out *[]tagField) {
	for sf := range exportedFields(st, path, depth) {
		f, fpath := sf.v, sf.path
		tag := sf.tag.Get("env")
		key, opts, ok := sethvargoTag(tag)
		if !ok {
			continue
		}
		req := required || opts.required
		ft := deref(f.Type())
		emit := func() {
			if key == "" {
				return
			}
			*out = append(*out, tagField{field: f, path: fpath, key: prefix + key,
				def: opts.def, hasDef: opts.hasDef, required: req && !opts.hasDef, typ: fieldType(f, opts.delimiter, ",")})
		}
		if inner, ok := ft.Underlying().(*types.Struct); ok {
			emit()
			if !hasMethod(ft, "EnvDecode", "UnmarshalText", "UnmarshalJSON", "UnmarshalBinary", "GobDecode") {
				s.walkSethvargo(inner, fpath, prefix+opts.prefix, req, depth+1, out)
			}
			continue
		}
		emit()
	}
}

type sethvargoOpts struct {
	required  bool
	def       string
	hasDef    bool
	prefix    string
	delimiter string // of a slice's elements
}

// sethvargoTag parses `env:"KEY, required, default=x, prefix=APP_"`. A
// default takes the rest of the tag, commas included.
func sethvargoTag(tag string) (string, sethvargoOpts, bool) {
	var opts sethvargoOpts
	key, rest, hasOpts := strings.Cut(tag, ",")
	key = strings.TrimSpace(key)
	for hasOpts {
		var seg string
		seg, rest, hasOpts = strings.Cut(rest, ",")
		o := strings.TrimLeftFunc(seg, unicode.IsSpace)
		word := strings.ToLower(strings.TrimRightFunc(o, unicode.IsSpace))
		switch {
		case strings.HasPrefix(strings.ToLower(o), "default="):
			whole := strings.TrimLeft(seg, " ")
			if hasOpts {
				whole += "," + rest
			}
			opts.def, opts.hasDef = whole[len("default="):], true
			hasOpts = false
		case word == "required":
			opts.required = true
		case strings.HasPrefix(strings.ToLower(o), "prefix="):
			opts.prefix = o[len("prefix="):]
		case strings.HasPrefix(word, "delimiter="):
			opts.delimiter = o[len("delimiter="):]
		case word == "overwrite", word == "noinit", word == "decodeunset", strings.HasPrefix(word, "separator="):
		default:
			return "", opts, false // the library rejects the tag
		}
	}
	return key, opts, true
}

// A loadSpec is a struct-tag loader's parse call with its options
// resolved; in a helper's fact, Index is the parameter holding the struct.
type loadSpec struct {
	Index  int
	Loader string
	Via    []string

	Prefix       string
	Dynamic      string // the non-constant prefix expression
	Required     bool   // caarlos0 RequiredIfNoDef, go-envconfig DefaultRequired
	UseFieldName bool   // caarlos0 UseFieldNameByDefault
	TagName      string // caarlos0 tag names
	PrefixTag    string
	DefaultTag   string
	Update       bool // cleanenv UpdateEnv: only the env-upd fields
	File         bool // cleanenv ReadConfig: a config file read first may set every field
}

func (l loadSpec) String() string {
	s := fmt.Sprintf("%d:load/%s", l.Index, l.Loader)
	if l.Prefix != "" {
		s += fmt.Sprintf(" prefix=%q", l.Prefix)
	}
	if l.Update {
		s += " update"
	}
	if l.File {
		s += " file"
	}
	if len(l.Via) > 0 {
		s += " via " + strings.Join(l.Via, ",")
	}
	return s
}

// loaderCall resolves a call of a struct-tag loader: the struct's
// expression (nil when the type is given as typ) and the options.
func (s *state) loaderCall(call *ast.CallExpr, fn *types.Func) (target ast.Expr, typ types.Type, spec loadSpec, ok bool) {
	if fn.Pkg() == nil {
		return nil, nil, spec, false
	}
	switch path := fn.Pkg().Path(); {
	case isCaarlosPath(path):
		return s.caarlosSpec(call, fn)
	case isKelseyPath(path):
		target, spec, ok = s.kelseySpec(call, fn)
	case path == "github.com/sethvargo/go-envconfig":
		target, spec, ok = s.sethvargoSpec(call, fn)
	case configLib(path) == LoaderCleanenv:
		target, spec, ok = s.cleanenvSpec(call, fn)
	}
	return target, nil, spec, ok
}

// loadRefs records the fields a loader reads for the struct that target
// (or typ) is, positioned at the fields or at the call's argument.
func (s *state) loadRefs(target ast.Expr, typ types.Type, spec loadSpec, at ast.Node, via []string) {
	load, _ := at.(*ast.CallExpr)
	var st *types.Struct
	var root string
	if typ != nil {
		st, root = structType(typ)
	} else if target != nil {
		st, root = s.structOf(target)
		at = target
	}
	if st == nil {
		return
	}
	var fields []tagField
	switch spec.Loader {
	case LoaderCaarlos:
		s.walkCaarlos(st, root, spec, 0, &fields)
	case LoaderEnvconfig:
		fields = s.kelseyFields(st, root, spec)
	case LoaderGoEnvconfig:
		s.walkSethvargo(st, root, spec.Prefix, spec.Required, 0, &fields)
	case LoaderCleanenv:
		fields = s.cleanenvFields(st, root, spec, target)
	}
	s.emitTags(spec.Loader, fields, at, via, load)
}
