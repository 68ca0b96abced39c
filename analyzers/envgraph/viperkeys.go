package envgraph

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"
)

// viper's AutomaticEnv makes every key the program asks an instance for
// (Get*, IsSet, UnmarshalKey, BindPFlag, the fields of an Unmarshal
// target) read the env key replace(upper(prefix + "_" + key)). When the
// keys asked of an instance are all known, the AutomaticEnv call reads
// exactly those keys, not every key with the prefix: viperFold turns it
// into one reference per key asked. The global instance is shared by
// every package, so a package only records what it asks of it in its
// viperGlobal fact, and the main package's Program decides (viperProgram).

// viperKeys is what viperFold learns about the package's viper instances.
type viperKeys struct {
	uses   map[*types.Var]*viperUse // instances bound to a variable of the package
	global viperUse                 // the global instance
	pool   viperUse                 // every other instance: parameters, fields, results, handed-on variables
	folded map[token.Pos]bool       // AutomaticEnv calls of the global instance whose keys viperProgram decides
	fact   viperGlobal
}

// A viperUse is what the package does with one viper instance.
type viperUse struct {
	asks     []viperAsk
	defaults map[string]string // SetDefault values by lower-case key
	auto     []callSite        // AutomaticEnv calls
	open     bool              // asks for keys it cannot name (Get(k), AllSettings, Sub, ...)
}

// A viperAsk is a key the program asks an instance for.
type viperAsk struct {
	key      string // viper's key, lower case
	sub      bool   // the whole subtree under key (a map or interface field)
	fold     bool   // the key matches in any case (a struct field's)
	pos, end token.Pos
	flag     string // BindPFlag's flag
	field    string // the Unmarshal target's field
	typ      Type   // the form the value is read in: GetInt's, a typed field's (vipertype.go)
}

// viperOpeners are the calls after which an instance may be asked any
// key: its settings as a whole, a sub-tree instance, the settings written
// out.
var viperOpeners = []string{"AllSettings", "AllKeys", "Sub", "GetViper", "WriteConfig", "WriteConfigAs",
	"SafeWriteConfig", "SafeWriteConfigAs", "WriteConfigTo"}

// viperFold records the keys asked of each viper instance and turns the
// AutomaticEnv calls whose keys are known into references to those keys.
func (s *state) viperFold() {
	if s.pass.Pkg.Path() == "github.com/spf13/viper" {
		return
	}
	vk := &viperKeys{uses: make(map[*types.Var]*viperUse), folded: make(map[token.Pos]bool)}
	s.vk = vk
	for i, site := range s.calls {
		s.atSite = i
		fn, ok := s.calleeFunc(site.call)
		if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "github.com/spf13/viper" {
			continue
		}
		u := s.viperInstance(site.call, fn)
		if u == nil {
			continue
		}
		s.viperAsks(u, site, fn)
	}
	s.viperPoolFact()
	s.viperFoldUse(&vk.global, true)
	for _, u := range vk.uses {
		s.viperFoldUse(u, false)
	}
	_, folds := s.viperEnvOf(&vk.global)
	for _, a := range vk.global.asks {
		k := a.factKey()
		vk.fact.Asks = append(vk.fact.Asks, k)
		if at := s.site(posNode(a.pos)); !folds && at.IsValid() {
			vk.fact.At = append(vk.fact.At, viperSite{Key: k, At: at})
		}
	}
	vk.fact.Asks = sortedSet(vk.fact.Asks)
	vk.fact.Open = vk.global.open
	s.viperTypedFact()
}

// viperInstance returns the instance a viper call uses: the global one
// for a function of the package, an instance bound to a variable whose
// every use is a method call, nil for a sub-tree instance (viperSubtree),
// the pool (viperpool.go) for any other.
func (s *state) viperInstance(call *ast.CallExpr, fn *types.Func) *viperUse {
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return nil
	}
	if sig.Recv() == nil {
		if fn.Name() == "GetViper" {
			s.vk.global.open = true // the global instance, handed on
		}
		return &s.vk.global
	}
	if u := s.viperLocal(call); u != nil {
		return u
	}
	if s.viperSubtree(call) {
		return nil
	}
	return &s.vk.pool
}

// viperSubtree reports whether a method call is made on a sub-tree
// instance: v.Sub(k).M(...), or sub.M(...) of a variable defined once as
// v.Sub(k). Its keys are under the sub-tree's, which the pool does not
// name: they join no AutomaticEnv setting (viperpool.go), and the
// instance v, opened by Sub, keeps its prefix reference.
func (s *state) viperSubtree(call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	x := ast.Unparen(sel.X)
	if id, ok := x.(*ast.Ident); ok {
		x = ast.Unparen(s.singleDef(id, 0))
	}
	sub, ok := x.(*ast.CallExpr)
	if !ok {
		return false
	}
	fn, ok := s.calleeFunc(sub)
	return ok && isViperFunc(fn, "Sub")
}

// viperLocal returns the instance bound to the variable whose method call
// is, when the package sees every use of it (closedViper); nil otherwise.
func (s *state) viperLocal(call *ast.CallExpr) *viperUse {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := s.info.Uses[id].(*types.Var)
	if !ok || v == nil {
		return nil
	}
	if u, ok := s.vk.uses[v]; ok {
		return u
	}
	if !s.closedViper(id, v) {
		return nil
	}
	u := &viperUse{}
	s.vk.uses[v] = u
	return u
}

// closedViper reports whether v, which id uses, is a variable of the
// package assigned once from viper.New() and used only to call methods:
// the package sees everything asked of it.
func (s *state) closedViper(id *ast.Ident, v *types.Var) bool {
	def, ok := ast.Unparen(s.singleDef(id, 0)).(*ast.CallExpr)
	if !ok {
		return false
	}
	if fn, ok := s.calleeFunc(def); !ok || !isViperFunc(fn, "New") {
		return false
	}
	return s.onlyReceiver(v, 0)
}

// viperAsks records what a call of fn on instance u asks for.
func (s *state) viperAsks(u *viperUse, site callSite, fn *types.Func) {
	call := site.call
	name := fn.Name()
	switch {
	case name == "AutomaticEnv":
		u.auto = append(u.auto, site)
	case name == "SetDefault" && len(call.Args) == 2:
		if k, ok := s.constString(call.Args[0]); ok {
			if v, ok := s.defaultValue(call.Args[1]); ok {
				if u.defaults == nil {
					u.defaults = make(map[string]string)
				}
				u.defaults[strings.ToLower(k)] = v
			}
		}
	case name == "BindPFlag" && len(call.Args) == 2:
		// A flag bound under a key not known here is read only when
		// that key is asked for.
		if k, ok := s.constString(call.Args[0]); ok {
			u.asks = append(u.asks, viperAsk{key: strings.ToLower(k), pos: call.Args[0].Pos(), end: call.Args[0].End(),
				flag: s.pflagName(call.Args[1])})
		}
	case name == "BindEnv" || name == "MustBindEnv":
		if s.viperBindOpens(site) {
			u.open = true
		}
	case name == "Unmarshal" || name == "UnmarshalExact":
		if len(call.Args) == 0 || !s.viperStructAsks(u, call) {
			u.open = true
		}
	case name == "UnmarshalKey" || name == "IsSet" || strings.HasPrefix(name, "Get") && name != "GetViper":
		if len(call.Args) > 0 {
			s.viperAskKey(u, call.Args[0], s.viperGetType(site, name))
		}
	case isViperFunc(fn, viperOpeners...):
		u.open = true
	}
}

// viperBindOpens reports whether a BindEnv call binds env names not known
// here, which may be any keys with the prefix: BindEnv(k) of a k not
// constant, BindEnv(k, name) of a name not constant, BindEnv(names...) of
// a list not known. A helper's BindEnv(input...), or BindEnv(k, name) of
// its key parameter, does not: its callers name them (keyCall).
func (s *state) viperBindOpens(site callSite) bool {
	call := site.call
	if len(call.Args) == 0 {
		return false
	}
	if call.Ellipsis.IsValid() {
		a := call.Args[len(call.Args)-1]
		_, ok := s.listStrings(a, false, 0)
		return !ok && !s.isDefinition(site, a)
	}
	names := call.Args[1:]
	if len(call.Args) == 1 {
		names = call.Args
	}
	return slices.ContainsFunc(names, func(a ast.Expr) bool {
		_, ok := s.constString(a)
		return !ok && !s.isDefinition(site, a)
	})
}

// viperAskKey records the key e names, read as t, or opens u when e is
// not constant.
func (s *state) viperAskKey(u *viperUse, e ast.Expr, t Type) {
	k, ok := s.constString(e)
	if !ok {
		u.open = true
		return
	}
	u.asks = append(u.asks, viperAsk{key: strings.ToLower(k), pos: e.Pos(), end: e.End(), typ: t})
}

// factKey is how a viperGlobal fact lists a: its key, "key*" for the
// subtree under it.
func (a viperAsk) factKey() string {
	if a.sub {
		return a.key + "*"
	}
	return a.key
}

// pflagName returns the flag name of cmd.Flags().Lookup("name"), "" when
// e is something else.
func (s *state) pflagName(e ast.Expr) string {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return ""
	}
	if fn, ok := s.calleeFunc(call); !ok || fn.Name() != "Lookup" || fn.Pkg() == nil || fn.Pkg().Path() != "github.com/spf13/pflag" {
		return ""
	}
	name, _ := s.constString(call.Args[0])
	return name
}

// viperFoldUse adds a reference for each key asked of an instance with
// AutomaticEnv whose prefix and key replacer are known. A local instance
// whose asks are all known reads only those: its prefix reference goes.
// The global one's is left to viperProgram, which sees every package.
func (s *state) viperFoldUse(u *viperUse, global bool) {
	env, ok := s.viperEnvOf(u)
	if !ok {
		return
	}
	for _, a := range u.asks {
		if r, ok := s.viperAskRef(u, a, env); ok {
			s.add(r)
		}
	}
	switch {
	case global && !u.open:
		for _, site := range u.auto {
			s.vk.folded[site.call.Pos()] = true
		}
		s.vk.fact.Envs = append(s.vk.fact.Envs, env)
	case global:
		// Any key may be read, but a typed ask's env key is read too.
		s.vk.fact.OpenEnvs = append(s.vk.fact.OpenEnvs, env)
	case !global && !u.open:
		s.dropViperPrefix(u)
	}
}

// viperEnvOf returns the one prefix and key replacer with which u reads
// the environment; false when it does not, or they are not known.
func (s *state) viperEnvOf(u *viperUse) (viperEnv, bool) {
	var env viperEnv
	for i, site := range u.auto {
		fn, _ := s.calleeFunc(site.call)
		prefix, found, known := s.viperSetting("SetEnvPrefix", site, fn)
		if found && !known {
			return viperEnv{}, false
		}
		pairs, rfound, rknown := s.viperSetting("SetEnvKeyReplacer", site, fn)
		if rfound && !rknown {
			return viperEnv{}, false
		}
		e := viperEnv{Prefix: prefix}
		if rfound {
			e.Pairs = strings.Split(pairs, "\x00")
		}
		if i > 0 && !env.equal(e) {
			return viperEnv{}, false
		}
		env = e
	}
	return env, len(u.auto) > 0
}

// viperAskRef is the reference of a key asked of an instance that reads
// the environment as env says; false when the env key is no name a shell
// can set (APP_HTTP.PORT, without a key replacer): such a key is a config
// file's, and no manifest declares it.
func (s *state) viperAskRef(u *viperUse, a viperAsk, env viperEnv) (Ref, bool) {
	r := Ref{Kind: Bind, Loader: LoaderViper, Pos: a.pos, End: a.end, Flag: a.flag, Field: a.field, Override: true, Type: a.typ}
	if a.sub {
		r.Type = Type{}
		r.Kind, r.Dynamic, r.Prefix, r.Expr = Prefix, true, env.key(a.key), a.key+".*"
		return r, true
	}
	r.Key = env.key(a.key)
	if d, ok := u.defaults[a.key]; ok {
		r.Default, r.HasDefault = d, true
	}
	return r, isEnvName(r.Key)
}

// isEnvName reports whether key is a name a shell can set: letters,
// digits and underscores, not starting with a digit.
func isEnvName(key string) bool {
	for i, c := range key {
		if c != '_' && !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || i > 0 && '0' <= c && c <= '9') {
			return false
		}
	}
	return key != ""
}

// dropViperPrefix removes the prefix references of u's AutomaticEnv calls.
func (s *state) dropViperPrefix(u *viperUse) {
	at := make(map[token.Pos]bool)
	for _, site := range u.auto {
		at[site.call.Pos()] = true
	}
	kept := s.refs[:0]
	for _, r := range s.refs {
		if r.Kind == Prefix && r.Loader == LoaderViper && at[r.Pos] {
			continue
		}
		kept = append(kept, r)
	}
	s.refs = kept
}

// viperFolded reports whether r is the prefix reference of a global
// AutomaticEnv whose keys viperProgram decides.
func (s *state) viperFolded(r Ref) bool {
	return s.vk != nil && r.Kind == Prefix && r.Loader == LoaderViper && s.vk.folded[r.Pos]
}
