package envgraph

import (
	"cmp"
	"go/ast"
	"go/constant"
	"go/types"
	"strings"
	"unicode/utf8"
)

// An ffParse is a flag set that ff reads from the environment: ff.Parse
// with WithEnvVars or WithEnvVarPrefix, or an ffcli.Command with them.
type ffParse struct {
	fs      ast.Expr // the *flag.FlagSet
	prefix  string   // the WithEnvVarPrefix prefix, when constant
	dynamic string   // its expression, when not constant
	load    *ast.CallExpr
	// loadFunc names the function load calls: ff.Parse when empty.
	loadFunc string
}

// ffCall records the keys ff.Parse(fs, args, options...) reads.
func (s *state) ffCall(call *ast.CallExpr, fn *types.Func) bool {
	if isFFCommandMethod(fn) {
		return s.ffCommandCall(call, fn)
	}
	if fn.Name() != "Parse" || !isFFPath(fn.Pkg().Path()) {
		return false
	}
	if len(call.Args) < 2 {
		return true
	}
	opts := call.Args[2:]
	if call.Ellipsis.IsValid() {
		if len(opts) != 1 {
			return true
		}
		opts = s.optionList(opts[0])
	}
	if p, ok := s.ffOptions(opts); ok {
		p.fs, p.load = call.Args[0], call
		s.ffFlags(p)
	}
	return true
}

// ffCommand records the keys of an ffcli.Command literal whose Options
// read the environment, for the flags of its FlagSet.
func (s *state) ffCommand(lit *ast.CompositeLit) {
	m := litFields(lit)
	fs, opts := m["FlagSet"], m["Options"]
	if fs == nil || opts == nil {
		return
	}
	list, ok := ast.Unparen(opts).(*ast.CompositeLit)
	if !ok {
		return
	}
	if p, ok := s.ffOptions(list.Elts); ok {
		p.fs = fs
		s.ffFlags(p)
	}
}

// ffOptions reports whether the options read the environment, and with
// which prefix.
func (s *state) ffOptions(opts []ast.Expr) (ffParse, bool) {
	var p ffParse
	env := false
	for _, o := range opts {
		c, ok := ast.Unparen(o).(*ast.CallExpr)
		if !ok {
			continue
		}
		f, ok := s.calleeFunc(c)
		if !ok || f.Pkg() == nil || !isFFPath(f.Pkg().Path()) {
			continue
		}
		switch {
		case f.Name() == "WithEnvVars":
			env = true
		case f.Name() == "WithEnvVarPrefix" && len(c.Args) == 1:
			env = true
			if v, ok := s.constString(c.Args[0]); ok {
				p.prefix, p.dynamic = v, ""
			} else {
				p.dynamic = exprString(c.Args[0])
			}
		}
	}
	return p, env
}

// ffFlags records a reference for each flag defined on p.fs in the
// package, at the flag's name: PREFIX_NAME, the name upper-cased with
// "-", "." and "/" turned into "_".
func (s *state) ffFlags(p ffParse) {
	for _, site := range s.calls {
		name, flag, short, def, ok := s.ffFlagDef(site.call, p.fs)
		if !ok {
			continue
		}
		key := strings.NewReplacer("-", "_", ".", "_", "/", "_").Replace(strings.ToUpper(flag))
		r := Ref{Kind: Read, Loader: LoaderFF, Flag: flag, Pos: name.Pos(), End: name.End()}
		switch {
		case p.dynamic != "":
			r.Dynamic, r.Expr = true, p.dynamic+` + "_`+key+`"`
		case p.prefix != "":
			r.Key = strings.ToUpper(p.prefix) + "_" + key
			if short != "" {
				r.Alt = strings.ToUpper(p.prefix) + "_" + strings.ToUpper(short)
			}
		default:
			r.Key = key
			if short != "" {
				r.Alt = strings.ToUpper(short)
			}
		}
		if def != nil {
			r.Default, r.HasDefault = s.defaultValue(def)
		}
		if p.load != nil {
			r.LoadPos, r.LoadEnd, r.LoadFunc = p.load.Pos(), p.load.End(), cmp.Or(p.loadFunc, "ff.Parse")
		}
		s.add(r)
	}
}

// isFFPath reports whether path is ff's v3 or v4 package.
func isFFPath(path string) bool {
	return path == "github.com/peterbourgon/ff/v3" || path == "github.com/peterbourgon/ff/v4"
}

// ffFlagDef reports whether call defines a flag on fs: a flag package
// definition (flagDef), or a method of ff v4's *ff.FlagSet, whose long
// name, short name and default are its parameters long, short and def
// (fs.String('a', "addr", ":80", "usage"), fs.IntLong("port", 80, "")).
// flag is the constant name, short the short name when there is a long
// one too; a flag with a short name only is named by it. ff v4 reads the
// env key of each name.
func (s *state) ffFlagDef(call *ast.CallExpr, fs ast.Expr) (name ast.Expr, flag, short string, def ast.Expr, ok bool) {
	fn, ok := s.calleeFunc(call)
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "github.com/peterbourgon/ff/v4" {
		name, def, ok = s.flagDef(call, fs)
		if ok {
			flag, ok = s.constString(name)
		}
		return name, flag, "", def, ok
	}
	sig, _ := fn.Type().(*types.Signature)
	sel, isSel := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if sig == nil || sig.Recv() == nil || !isSel || !s.sameValue(sel.X, fs) || len(call.Args) < sig.Params().Len()-1 {
		return nil, "", "", nil, false
	}
	var shortArg ast.Expr
	for i := range min(sig.Params().Len(), len(call.Args)) {
		switch sig.Params().At(i).Name() {
		case "long":
			name = call.Args[i]
		case "short":
			shortArg = call.Args[i]
		case "def":
			def = call.Args[i]
		}
	}
	if shortArg != nil {
		if tv, ok := s.info.Types[shortArg]; ok && tv.Value != nil && tv.Value.Kind() == constant.Int {
			if r, ok := constant.Int64Val(tv.Value); ok && r > 0 && r < utf8.MaxRune {
				short = string(rune(r))
			}
		}
	}
	if name == nil {
		return shortArg, short, "", def, short != ""
	}
	flag, ok = s.constString(name)
	return name, flag, short, def, ok
}

// flagDef reports whether call defines a flag on fs (fs.String("name",
// "default", "usage"), fs.IntVar(&v, "name", 1, "usage"), fs.Func(...);
// the flag package's functions when fs is flag.CommandLine), with the
// expressions of its name and default (nil when it has none).
func (s *state) flagDef(call *ast.CallExpr, fs ast.Expr) (name, def ast.Expr, ok bool) {
	fn, ok := s.calleeFunc(call)
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "flag" {
		return nil, nil, false
	}
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil {
		return nil, nil, false
	}
	if sig.Recv() != nil {
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || !s.sameValue(sel.X, fs) {
			return nil, nil, false
		}
	} else if !s.isCommandLine(fs) {
		return nil, nil, false
	}
	n := fn.Name()
	first := 0 // the name's index: String(name, value, usage)
	switch {
	case n == "Var" || n == "TextVar" || strings.HasSuffix(n, "Var"):
		first = 1 // StringVar(p, name, value, usage), Var(value, name, usage)
	case n == "Func" || n == "BoolFunc" || isFlagValueFunc(n):
	default:
		return nil, nil, false
	}
	if first >= len(call.Args) {
		return nil, nil, false
	}
	name = call.Args[first]
	if n != "Var" && n != "Func" && n != "BoolFunc" && first+1 < len(call.Args)-1 {
		def = call.Args[first+1]
	}
	return name, def, true
}

// isFlagValueFunc reports whether name is one of the flag package's
// functions that define a flag and return a pointer to its value.
func isFlagValueFunc(name string) bool {
	switch name {
	case "String", "Int", "Int64", "Uint", "Uint64", "Bool", "Float64", "Duration":
		return true
	}
	return false
}

// sameValue reports whether a and b denote the same variable or field:
// the same object, or the same selector on the same object.
func (s *state) sameValue(a, b ast.Expr) bool {
	a, b = ast.Unparen(a), ast.Unparen(b)
	if ua, ok := a.(*ast.UnaryExpr); ok {
		a = ast.Unparen(ua.X)
	}
	if ub, ok := b.(*ast.UnaryExpr); ok {
		b = ast.Unparen(ub.X)
	}
	switch a := a.(type) {
	case *ast.Ident:
		b, ok := b.(*ast.Ident)
		return ok && s.objOf(a) != nil && s.objOf(a) == s.objOf(b)
	case *ast.SelectorExpr:
		b, ok := b.(*ast.SelectorExpr)
		return ok && s.objOf(a.Sel) != nil && s.objOf(a.Sel) == s.objOf(b.Sel) && s.sameValue(a.X, b.X)
	}
	return false
}

func (s *state) objOf(id *ast.Ident) types.Object {
	if obj := s.info.Uses[id]; obj != nil {
		return obj
	}
	return s.info.Defs[id]
}

// isCommandLine reports whether e is flag.CommandLine.
func (s *state) isCommandLine(e ast.Expr) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	v, ok := s.info.Uses[sel.Sel].(*types.Var)
	return ok && v.Pkg() != nil && v.Pkg().Path() == "flag" && v.Name() == "CommandLine"
}

// optionList returns the elements of an option slice given as opts...:
// every element of the literals and appends assigned to it in the package
// (ffopt := []ff.Option{...}; ffopt = append(ffopt, ...)).
func (s *state) optionList(e ast.Expr) []ast.Expr {
	if lit, ok := ast.Unparen(e).(*ast.CompositeLit); ok {
		return lit.Elts
	}
	v := s.varOf(e)
	if v == nil {
		return nil
	}
	var out []ast.Expr
	for _, set := range s.setsOf(v) {
		switch x := ast.Unparen(set.value).(type) {
		case *ast.CompositeLit:
			out = append(out, x.Elts...)
		case *ast.CallExpr:
			if id, ok := ast.Unparen(x.Fun).(*ast.Ident); ok && id.Name == "append" && len(x.Args) > 1 && !x.Ellipsis.IsValid() {
				out = append(out, x.Args[1:]...)
			}
		}
	}
	return out
}
