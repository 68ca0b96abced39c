package envgraph

import (
	"go/ast"
	"go/types"
	"slices"
	"strings"
)

// koanf's env provider loads every key with its prefix into a koanf
// instance, under the name its transform function gives it
// (APP_DB_HOST -> db.host). When the transform is a composition of
// strings.TrimPrefix, ToLower, ToUpper, Replace and ReplaceAll, it can be
// inverted: the key the program asks the instance for (k.String("db.host"),
// the fields of k.Unmarshal("", &cfg)) names the one env key it reads.
// koanfFold turns the provider's prefix reference into those keys when
// every key asked of the instance is known.

// A koanfUse is what the package does with one koanf instance.
type koanfUse struct {
	delim string
	asks  []viperAsk
	envs  []callSite // env provider calls loaded into it
	open  bool       // asks for keys it cannot name (All, Raw, Cut, k.String(name), ...)
}

// koanfAskers are the koanf methods whose first argument is a key: the
// value under it (Get, and the ...Map methods and MapKeys, the subtree).
var koanfAskers = []string{"Get", "Exists", "String", "Strings", "StringMap", "StringsMap", "Int", "Int64",
	"Ints", "Int64s", "IntMap", "Int64Map", "Float64", "Float64s", "Float64Map", "Duration", "Time", "Bool",
	"Bools", "BoolMap", "Bytes", "MapKeys"}

// koanfOpeners hand out the whole tree or a part of it.
var koanfOpeners = []string{"All", "Raw", "Keys", "KeyMap", "Print", "Sprint", "Cut", "Slices", "Copy"}

// koanfFold records the keys asked of each koanf instance of the package,
// directly or through the parameters it is handed to, and folds its env
// providers' transforms.
func (s *state) koanfFold() {
	if strings.HasPrefix(s.pass.Pkg.Path(), "github.com/knadh/koanf") {
		return
	}
	h := s.koanfParams()
	uses := make(map[*types.Var]*koanfUse)
	var order []*koanfUse
	for i, site := range s.calls {
		s.atSite = i
		fn, ok := s.calleeFunc(site.call)
		if !ok || !isKoanfPath(fn.Pkg()) {
			continue
		}
		v, id := s.recvVar(site.call)
		if v == nil {
			continue
		}
		for _, a := range h.roots(v, id) {
			u, ok := uses[a.v]
			if !ok {
				u = s.koanfInstance(a.id, a.v, h)
				uses[a.v] = u
				if u != nil {
					order = append(order, u)
				}
			}
			if u != nil {
				s.koanfAsks(u, site, fn)
			}
		}
	}
	s.koanfOpenEscaped(h, uses)
	shared := make(map[*ast.CallExpr]bool) // providers of an open instance keep their prefix
	for _, u := range order {
		for _, p := range u.envs {
			shared[p.call] = shared[p.call] || u.open
		}
	}
	for _, u := range order {
		for _, p := range u.envs {
			s.koanfFoldProvider(u, p, shared[p.call])
		}
	}
}

// koanfOpenEscaped marks open the instances handed to a parameter that
// lets them go elsewhere (a struct field, another package's function).
func (s *state) koanfOpenEscaped(h koanfHandOffs, uses map[*types.Var]*koanfUse) {
	for p := range h.params {
		if !s.escapes(p, h) {
			continue
		}
		for _, a := range h.roots(p, nil) {
			if u := uses[a.v]; u != nil {
				u.open = true
			}
		}
	}
}

func isKoanfPath(p *types.Package) bool {
	return p != nil && (p.Path() == "github.com/knadh/koanf/v2" || p.Path() == "github.com/knadh/koanf")
}

// onlyReceiver reports whether every use of v is the receiver of a method
// call (v.M(...)) or one of the held uses the caller knows to be safe:
// then the package sees everything done with the instance v holds.
func (s *state) onlyReceiver(v *types.Var, held int) bool {
	uses := 0
	for use, obj := range s.info.Uses {
		if obj == v && use != nil {
			uses++
		}
	}
	for i, site := range s.calls {
		s.atSite = i
		if w, _ := s.recvVar(site.call); w == v {
			held++
		}
	}
	return uses == held
}

// recvVar returns the variable a method call's receiver names.
func (s *state) recvVar(call *ast.CallExpr) (*types.Var, *ast.Ident) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil, nil
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok {
		return nil, nil
	}
	v, ok := s.info.Uses[id].(*types.Var)
	if !ok || v == nil {
		return nil, nil
	}
	return v, id
}

// koanfInstance returns a new koanfUse when v is a variable of the package
// assigned once from koanf.New(delim), nil otherwise; open when v goes
// elsewhere than a method call's receiver or the package's functions (a
// function value, another package): the keys asked here are still read.
func (s *state) koanfInstance(id *ast.Ident, v *types.Var, h koanfHandOffs) *koanfUse {
	if id == nil {
		return nil
	}
	def, ok := ast.Unparen(s.singleDef(id, 0)).(*ast.CallExpr)
	if !ok || len(def.Args) != 1 {
		return nil
	}
	fn, ok := s.calleeFunc(def)
	if !ok || !isKoanfPath(fn.Pkg()) || fn.Name() != "New" {
		return nil
	}
	delim, ok := s.constString(def.Args[0])
	if !ok {
		return nil
	}
	return &koanfUse{delim: delim, open: s.escapes(v, h)}
}

// koanfAsks records what a call of fn on instance u asks for.
func (s *state) koanfAsks(u *koanfUse, site callSite, fn *types.Func) {
	call := site.call
	name, _ := strings.CutPrefix(fn.Name(), "Must")
	switch {
	case name == "Load" && len(call.Args) > 0:
		if p, ok := ast.Unparen(call.Args[0]).(*ast.CallExpr); ok {
			if pf, ok := s.calleeFunc(p); ok && configLib(pf.Pkg().Path()) == LoaderKoanf {
				u.envs = append(u.envs, callSite{p, site.fn, pf})
			}
		}
	case name == "Unmarshal" || name == "UnmarshalWithConf":
		if !s.koanfStructAsks(u, call) {
			u.open = true
		}
	case slices.Contains(koanfAskers, name) && len(call.Args) > 0:
		k, ok := s.constString(call.Args[0])
		if !ok {
			u.open = true
			return
		}
		a := viperAsk{key: k, pos: call.Args[0].Pos(), end: call.Args[0].End()}
		if name == "Get" || name == "Exists" {
			u.asks = append(u.asks, a) // a value, or a subtree
		}
		a.sub = name == "Get" || name == "Exists" || name == "MapKeys" || strings.HasSuffix(name, "Map")
		u.asks = append(u.asks, a)
	case slices.Contains(koanfOpeners, name):
		u.open = true
	}
}

// koanfStructAsks records the keys k.Unmarshal(path, &cfg) asks for; false
// when they cannot be named.
func (s *state) koanfStructAsks(u *koanfUse, call *ast.CallExpr) bool {
	if len(call.Args) < 2 {
		return false
	}
	path, ok := s.constString(call.Args[0])
	if !ok {
		return false
	}
	tag := "koanf"
	if len(call.Args) == 3 {
		lit := s.compositeOf(call.Args[2])
		if lit == nil {
			return false
		}
		for name, e := range litFields(lit) {
			switch name {
			case "Tag":
				if tag, ok = s.constString(e); !ok {
					return false
				}
			case "FlatPaths":
			default:
				return false // DecoderConfig may rename
			}
		}
	}
	st, root, ok := s.targetStruct(call.Args[1])
	if !ok {
		return false
	}
	if path != "" {
		path += u.delim
	}
	var asks []viperAsk
	w := keyWalk{s: s, tag: tag, at: call.Args[1], out: &asks}
	if !w.walk(st, path, root, 0) {
		return false
	}
	for i := range asks {
		asks[i].fold = true // mapstructure matches names regardless of case
	}
	u.asks = append(u.asks, asks...)
	return true
}

// koanfFoldProvider adds the env key of each key asked of u that the env
// provider p may load, when p's transform can be inverted; when every key
// asked is known, p reads only those, and its prefix reference goes
// unless keep says another instance it loads into is open.
func (s *state) koanfFoldProvider(u *koanfUse, p callSite, keep bool) {
	t, ok := s.koanfTransform(p.call)
	if !ok || t.delim != u.delim {
		return
	}
	var refs []Ref
	for _, a := range u.asks {
		key := a.key
		if a.sub {
			key += u.delim
		}
		env, alt, ok := t.invert(key, a.fold)
		if !ok {
			return // the key may be loaded from a name not found here
		}
		if !isEnvName(env) && !a.sub {
			continue // no shell sets it: a config file's key
		}
		r := Ref{Kind: Bind, Loader: LoaderKoanf, Key: env, Pos: a.pos, End: a.end, Field: a.field, Override: true}
		if isEnvName(alt) {
			r.Alt = alt
		}
		if a.sub {
			r = Ref{Kind: Prefix, Loader: LoaderKoanf, Dynamic: true, Prefix: env, Expr: key + "*", Pos: a.pos, End: a.end, Field: a.field}
		}
		refs = append(refs, r)
	}
	for _, r := range refs {
		s.add(r)
	}
	if u.open || keep {
		return
	}
	kept := s.refs[:0]
	for _, r := range s.refs {
		if r.Loader == LoaderKoanf && r.Pos == p.call.Pos() && r.End == p.call.End() {
			continue
		}
		kept = append(kept, r)
	}
	s.refs = kept
}
