package envgraph

import (
	"go/ast"
	"go/types"
	"reflect"
	"strings"
	"unicode"
	"unicode/utf8"
)

// kongSpec is a kong.Parse, kong.New or kong.Must call with its options
// resolved: DefaultEnvars gives every flag without an env tag a key.
type kongSpec struct {
	envars     bool   // DefaultEnvars applies
	prefix     string // its prefix, when constant
	dynamic    string // its prefix's expression, when not constant
	envPrefix  string // accumulated envprefix tags
	flagPrefix string // accumulated prefix tags
}

// kongCall records the keys a kong parser reads for its grammar struct:
// its env tags, and with DefaultEnvars the keys derived from flag names.
func (s *state) kongCall(call *ast.CallExpr, fn *types.Func) bool {
	switch fn.Name() {
	case "Parse", "New", "Must":
	default:
		return false
	}
	if len(call.Args) == 0 || fn.Pkg() == nil {
		return false
	}
	if sig, ok := fn.Type().(*types.Signature); !ok || sig.Recv() != nil {
		return true // (*kong.Kong).Parse(args) names no grammar
	}
	spec := s.kongOptions(call, fn.Pkg())
	st, root := s.structOf(call.Args[0])
	if st == nil {
		return true
	}
	root = rootName(call.Args[0], root)
	var fields []tagField
	s.walkKong(st, root, spec, 0, &fields)
	s.emitTags(LoaderKong, fields, call.Args[0], nil, call)
	return true
}

// walkKong follows kong's flattenedFields and buildNode: embedded and
// embed:"" structs add their fields, cmd:"" structs their subcommand's.
func (s *state) walkKong(st *types.Struct, path string, spec kongSpec, depth int, out *[]tagField) {
	for sf := range exportedFields(st, path, depth) {
		f, tag, fpath := sf.v, sf.tag, sf.path
		if tag.Get("kong") == "-" {
			continue
		}
		_, cmd := tag.Lookup("cmd")
		_, embed := tag.Lookup("embed")
		_, arg := tag.Lookup("arg")
		inner := spec
		inner.envPrefix += tag.Get("envprefix")
		inner.flagPrefix += tag.Get("prefix")
		if ist, ok := deref(f.Type()).Underlying().(*types.Struct); ok && (cmd || embed || f.Anonymous()) {
			if cmd {
				inner.flagPrefix = ""
			}
			s.walkKong(ist, fpath, inner, depth+1, out)
			continue
		}
		if !cmd && (embed || f.Anonymous()) {
			// Embedded but no struct: kong.Plugins holds grammars to
			// embed; an interface or a named non-struct holds no flag.
			if isKongPlugins(f.Type()) {
				s.walkKongPlugins(f, inner, depth, out)
			}
			continue
		}
		name := tag.Get("name")
		if name == "" {
			name = strings.ToLower(strings.Join(kongCamel(f.Name()), "-"))
		}
		name = inner.flagPrefix + name
		tf := tagField{field: f, path: fpath, flag: name, typ: kongType(f, tag)}
		tf.def, tf.hasDef = tag.Lookup("default")
		_, required := tag.Lookup("required")
		_, optional := tag.Lookup("optional")
		tf.required = !tf.hasDef && (required || arg && !optional)
		envs := kongEnvs(tag)
		switch {
		case len(envs) == 1 && envs[0] == "-":
			continue
		case len(envs) > 0:
			appendGroup(out, tf, inner.envPrefix, envs)
		case spec.envars && !arg && name != "help":
			tf.key = kongEnvar(spec.prefix, name)
			if spec.dynamic != "" {
				tf.dynamic = spec.dynamic + ` + "_` + kongEnvar("", name) + `"`
			}
			*out = append(*out, tf)
		}
	}
}

// kongEnvs returns the keys of a field's env tags, split at commas.
func kongEnvs(tag reflect.StructTag) []string {
	var envs []string
	for e := range strings.SplitSeq(tag.Get("env"), ",") {
		if e = strings.TrimSpace(e); e != "" {
			envs = append(envs, e)
		}
	}
	return envs
}

// kongEnvar derives the key DefaultEnvars(prefix) gives the flag name.
func kongEnvar(prefix, name string) string {
	name = strings.NewReplacer("-", "_", ".", "_").Replace(name)
	var words []string
	for _, w := range append([]string{prefix}, kongCamel(name)...) {
		if w != "_" && strings.TrimSpace(w) != "" {
			words = append(words, w)
		}
	}
	return strings.ToUpper(strings.Join(words, "_"))
}

// kongCamel mirrors kong's camelCase: runs of lower-case letters,
// upper-case letters, digits and other characters, with the last letter
// of an upper-case run moved to a lower-case run that follows it
// ("PDFLoader" → "PDF", "Loader").
func kongCamel(src string) []string {
	if !utf8.ValidString(src) {
		return []string{src}
	}
	var runes [][]rune
	last := 0
	for _, r := range src {
		class := 4
		switch {
		case unicode.IsLower(r):
			class = 1
		case unicode.IsUpper(r):
			class = 2
		case unicode.IsDigit(r):
			class = 3
		}
		if class == last {
			runes[len(runes)-1] = append(runes[len(runes)-1], r)
		} else {
			runes = append(runes, []rune{r})
		}
		last = class
	}
	for i := 0; i < len(runes)-1; i++ {
		if unicode.IsUpper(runes[i][0]) && unicode.IsLower(runes[i+1][0]) {
			runes[i+1] = append([]rune{runes[i][len(runes[i])-1]}, runes[i+1]...)
			runes[i] = runes[i][:len(runes[i])-1]
		}
	}
	var out []string
	for _, r := range runes {
		if len(r) > 0 {
			out = append(out, string(r))
		}
	}
	return out
}
