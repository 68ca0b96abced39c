package envgraph

import (
	"cmp"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/envvet/envvet/internal/passutil"
)

// The form viper reads a value in. Get* converts the value with
// spf13/cast and drops the error: a value cast cannot convert runs as 0,
// false or 0s without a word. Unmarshal decodes it with mapstructure
// (WeaklyTypedInput, string to time.Duration and to comma-split slices)
// and returns the error.
//
// cast's conversions of a string, read at v1.3.1, v1.4.1, v1.5.0 to
// v1.7.1, v1.9.1 and v1.10.0 (viper v1.6 requires v1.3.0, v1.18 v1.6.0,
// v1.21 v1.10.0); the package path is the same for all, so the rule is
// the one every version keeps (castAccepts rejects a value only when
// every version fails on it):
//   - ToInt*, ToUint*: strconv.ParseInt(s, 0, 0): base 0, so "0x1F" is 31,
//     "010" is 8 and "08" fails. v1.5-v1.7 first drop a decimal part of
//     zeros ("10.0"), v1.9 any decimal part ("10.5" is 10), v1.10 a
//     decimal part of digits; ToUint* fails on a negative number.
//     Narrower sizes truncate without error.
//   - ToBool: strconv.ParseBool.
//   - ToFloat64: strconv.ParseFloat(s, 64).
//   - ToDuration: time.ParseDuration(s) when s holds one of the letters
//     n, s, u, µ, m, h, else time.ParseDuration(s + "ns"): "10" is 10ns.
//     castAccepts rejects a bare number other than 0: nobody writes a
//     timeout in nanoseconds (apache/devlake #1683's API_TIMEOUT=10).
//   - The empty string: v1.10 returns 0 and no error; envtype never
//     checks an empty value.

// viperGetType returns the form a Get* method of viper reads its key in;
// unknown for GetString and the other forms cast takes any value for.
// A GetDuration whose result is multiplied (GetDuration(k) * time.Second)
// reads a count, not a duration.
func (s *state) viperGetType(site callSite, name string) Type {
	var t Type
	switch name {
	case "GetInt", "GetInt32", "GetInt64":
		t = Type{Kind: TypeInt}
	case "GetUint", "GetUint8", "GetUint16", "GetUint32", "GetUint64":
		t = Type{Kind: TypeUint}
	case "GetFloat64":
		t = Type{Kind: TypeFloat}
	case "GetBool":
		t = Type{Kind: TypeBool}
	case "GetDuration":
		if s.multiplied(site) {
			return Type{}
		}
		t = Type{Kind: TypeDuration}
	default:
		return Type{}
	}
	t.Cast, t.By, t.Site = true, "viper "+name, s.site(site.call)
	return t
}

// multiplied reports whether the call's result is an operand of a *, or
// the value of a variable that is (d := v.GetDuration(k); d * time.Second).
func (s *state) multiplied(site callSite) bool {
	if site.fn == nil || site.fn.node == nil {
		return false
	}
	var v types.Object // the variable defined from the call, if any
	ast.Inspect(site.fn.node, func(n ast.Node) bool {
		if a, ok := n.(*ast.AssignStmt); ok && a.Tok == token.DEFINE && len(a.Lhs) == len(a.Rhs) {
			for i, r := range a.Rhs {
				if id, ok := a.Lhs[i].(*ast.Ident); ok && ast.Unparen(r) == site.call && s.info.Defs[id] != nil {
					v = s.info.Defs[id]
				}
			}
		}
		return v == nil
	})
	is := func(e ast.Expr) bool {
		e = ast.Unparen(e)
		if id, ok := e.(*ast.Ident); ok && v != nil {
			return s.info.Uses[id] == v
		}
		return e == site.call
	}
	return passutil.Contains(site.fn.node, true, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.BinaryExpr:
			return n.Op == token.MUL && (is(n.X) || is(n.Y))
		case *ast.AssignStmt:
			return n.Tok == token.MUL_ASSIGN && len(n.Lhs) == 1 && is(n.Lhs[0])
		}
		return false
	})
}

// mapstructType returns the form viper's Unmarshal decodes a string into
// a field of type t in: integers with strconv.ParseInt(s, 0, bits),
// booleans with ParseBool, floats with ParseFloat, time.Duration with
// time.ParseDuration, slices of them split at ",". Anything else (strings,
// structs, types with methods of their own) is unknown.
func mapstructType(t types.Type) Type {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	if isDuration(t) {
		return Type{Kind: TypeDuration}
	}
	switch u := types.Unalias(t).Underlying().(type) {
	case *types.Basic:
		b := basicKind(u)
		if b.Kind == TypeInt || b.Kind == TypeUint {
			b.Base = 0
		}
		return b
	case *types.Slice:
		if _, ok := u.Elem().Underlying().(*types.Slice); ok {
			return Type{}
		}
		if b, ok := u.Elem().Underlying().(*types.Basic); ok && b.Kind() == types.Byte {
			return Type{}
		}
		el := mapstructType(u.Elem())
		if el.Known() {
			el.Sep = ","
		}
		return el
	}
	return Type{}
}

// castAccepts reports whether some version of spf13/cast converts v to
// kind without an error (see the rules above).
func castAccepts(kind TypeKind, v string) bool {
	switch kind {
	case TypeInt:
		_, ok := castInt(v)
		return ok
	case TypeUint:
		n, ok := castInt(v)
		return ok && n >= 0
	case TypeFloat:
		_, err := strconv.ParseFloat(v, 64)
		return err == nil
	case TypeBool:
		_, err := strconv.ParseBool(v)
		return err == nil
	case TypeDuration:
		if strings.ContainsAny(v, "nsuµmh") {
			_, err := time.ParseDuration(v)
			return err == nil
		}
		d, err := time.ParseDuration(v + "ns")
		return err == nil && d == 0
	}
	return true
}

// Nanoseconds reports whether v is a bare number other than 0 that t, a
// duration read through spf13/cast, takes as that many nanoseconds, and
// returns the duration: "10" is 10ns.
func (t Type) Nanoseconds(v string) (time.Duration, bool) {
	if !t.Cast || t.Kind != TypeDuration || t.Sep != "" || strings.ContainsAny(v, "nsuµmh") {
		return 0, false
	}
	d, err := time.ParseDuration(v + "ns")
	return d, err == nil && d != 0
}

// castInt converts v as the most lenient cast does: base 0, a decimal
// part dropped.
func castInt(v string) (int64, bool) {
	if n, err := strconv.ParseInt(v, 0, 64); err == nil {
		return n, true
	}
	whole, frac, ok := strings.Cut(v, ".")
	if !ok {
		return 0, false
	}
	if whole == "" || whole == "+" || whole == "-" {
		// v1.10 reads ".5" as 0
		return 0, strings.Trim(frac, "0123456789") == ""
	}
	// v1.9 cuts at the first "."
	n, err := strconv.ParseInt(whole, 0, 64)
	return n, err == nil
}

// A viperTyped is a key asked of the global instance (of the pool's when
// Pool is set) in a typed form, and where: the env key viper reads for it
// takes that form.
type viperTyped struct {
	Key  string // viper's key, lower case
	Pool bool
	Type Type
	At   Site
}

// A viperBound is an env name that a BindEnv call binds to a key of the
// global instance (BindEnv("db.port", "DB_PORT"), or BindEnv("port")
// under a prefix, directly or through a helper): it takes the form the
// key is asked in, in any package.
type viperBound struct {
	Key string // viper's key, lower case
	Env string
	At  Site
}

// viperTypedFact records in the package's fact its typed asks of the
// global and pool instances and the env names it binds to the global
// instance's keys.
func (s *state) viperTypedFact() {
	f := &s.vk.fact
	for _, u := range []*viperUse{&s.vk.global, &s.vk.pool} {
		for _, a := range u.asks {
			if a.typ.Known() && !a.sub {
				f.Typed = append(f.Typed, viperTyped{Key: a.key, Pool: u == &s.vk.pool, Type: a.typ, At: s.site(posNode(a.pos))})
			}
		}
	}
	sortTyped(f.Typed)
	f.BindHelpers = s.viperBindHelpers()
	if !s.hasViperBind() {
		return // names and local are asked about viper's Bind references only
	}
	names := make(map[[2]token.Pos]string) // a BindEnv's env name argument: the viper key
	local := make(map[[2]token.Pos]Type)   // the same, on another instance: the form its key is asked in
	helpers := map[*types.Package][]viperBindHelper{s.pass.Pkg: f.BindHelpers}
	for i, site := range s.calls {
		s.atSite = i
		s.viperBindNamesOf(site, names, local)
		s.viperBindHelperCall(site, helpers, names)
	}
	for i := range s.refs {
		r := &s.refs[i]
		if !isViperBind(r) {
			continue
		}
		at := [2]token.Pos{r.Pos, r.End}
		if t, ok := local[at]; ok && !r.Type.Known() {
			r.Type = t
		}
		if k, ok := names[at]; ok {
			f.Binds = append(f.Binds, viperBound{Key: k, Env: r.Key, At: s.site(posNode(r.Pos))})
		}
	}
	slices.SortFunc(f.Binds, func(a, b viperBound) int {
		return cmp.Or(strings.Compare(a.Key, b.Key), strings.Compare(a.Env, b.Env), compareSites(a.At, b.At))
	})
}

// hasViperBind reports whether the package has a reference that
// viperTypedFact joins to a viper key (isViperBind): on most packages,
// none, and the walk of every call for BindEnv's names is skipped.
func (s *state) hasViperBind() bool {
	for i := range s.refs {
		if isViperBind(&s.refs[i]) {
			return true
		}
	}
	return false
}

// isViperBind reports whether r is an env name bound to a viper key by a
// BindEnv of the package, or a helper's call handing one on to it.
func isViperBind(r *Ref) bool {
	return r.Loader == LoaderViper && r.Kind == Bind && !r.Dynamic && !r.Override && r.Key != ""
}

// viperBindNamesOf records in names the env name arguments of a BindEnv
// call on the global instance, or of a helper's call that hands its
// strings on to one (its references are viper's), with the viper key
// they are bound to: BindEnv(key, names...), or BindEnv(key) itself. A
// BindEnv of another instance records in local the form the package asks
// that instance for the key in, when its asks agree.
func (s *state) viperBindNamesOf(site callSite, names map[[2]token.Pos]string, local map[[2]token.Pos]Type) {
	call := site.call
	if len(call.Args) == 0 || call.Ellipsis.IsValid() {
		return
	}
	fn, ok := s.calleeFunc(call)
	if !ok {
		return
	}
	sig, _ := fn.Type().(*types.Signature)
	var u *viperUse // the instance of a method call
	switch {
	case sig == nil:
		return
	case isViperFunc(fn, "BindEnv", "MustBindEnv"):
		if sig.Recv() != nil {
			if u = s.viperInstance(call, fn); u == nil {
				return
			}
		}
	case fn.Pkg() != nil && fn.Pkg().Path() == "github.com/spf13/viper", !sig.Variadic():
		return
	}
	key, ok := s.constString(call.Args[0])
	if !ok {
		return
	}
	key = strings.ToLower(key)
	args := call.Args[1:]
	if len(call.Args) == 1 {
		args = call.Args
	}
	t, agree := Type{}, u != nil
	if u != nil {
		t, agree = askedAs(u.asks, key)
	}
	for _, a := range args {
		at := [2]token.Pos{a.Pos(), a.End()}
		switch {
		case u == nil:
			names[at] = key
		case agree:
			local[at] = t
		}
	}
}

// A viperBindHelper is a function with no ...string parameter that hands
// two of its parameters to BindEnv(key, env) of the global instance:
// bind("db.port", "DB_PORT") binds DB_PORT to db.port. Key is the index
// of the parameter the viper key is computed from (KeyPrefix + p +
// KeySuffix); keyCall already records the env name argument's reference
// at the caller, and the helper's call joins it to the key.
type viperBindHelper struct {
	Func                 string // the function's FullName
	Key                  int
	KeyPrefix, KeySuffix string
	Env                  int
}

// viperBindHelpers returns the package's functions that bind an env name
// to a key of the global instance through their parameters, sorted.
func (s *state) viperBindHelpers() []viperBindHelper {
	var out []viperBindHelper
	for i, site := range s.calls {
		s.atSite = i
		call, f := site.call, site.fn
		if f == nil || len(call.Args) != 2 || call.Ellipsis.IsValid() || f.sig == nil || f.sig.Variadic() {
			continue
		}
		obj, ok := f.obj.(*types.Func)
		if !ok {
			continue // a function literal: no caller names it
		}
		fn, ok := s.calleeFunc(call)
		if !ok || !isViperFunc(fn, "BindEnv", "MustBindEnv") {
			continue
		}
		if sig, ok := fn.Type().(*types.Signature); !ok || sig.Recv() != nil {
			continue
		}
		key, kok := s.paramKey(call.Args[0], f.params)
		env, eok := s.paramKey(call.Args[1], f.params)
		if !kok || !eok || key.upper || key.variadic || key.list || env.variadic || env.list {
			continue
		}
		out = append(out, viperBindHelper{Func: obj.FullName(), Key: key.param, KeyPrefix: key.prefix,
			KeySuffix: key.suffix, Env: env.param})
	}
	slices.SortFunc(out, func(a, b viperBindHelper) int {
		return cmp.Or(strings.Compare(a.Func, b.Func), a.Key-b.Key, a.Env-b.Env,
			strings.Compare(a.KeyPrefix, b.KeyPrefix), strings.Compare(a.KeySuffix, b.KeySuffix))
	})
	return slices.Compact(out)
}

// viperBindHelperCall records in names the env name argument of a call of
// a bind helper (viperBindHelper) of this package, or of another one as
// its viperGlobal fact lists them, with the viper key it binds it to.
// helpers holds each package's, read from its fact on first use.
func (s *state) viperBindHelperCall(site callSite, helpers map[*types.Package][]viperBindHelper, names map[[2]token.Pos]string) {
	call := site.call
	if len(call.Args) < 2 || call.Ellipsis.IsValid() {
		return
	}
	fn, ok := s.calleeFunc(call)
	if !ok || fn.Pkg() == nil {
		return
	}
	hs, ok := helpers[fn.Pkg()]
	if !ok {
		var f viperGlobal
		if s.pass.ImportPackageFact(fn.Pkg(), &f) {
			hs = f.BindHelpers
		}
		helpers[fn.Pkg()] = hs
	}
	if len(hs) == 0 {
		return
	}
	name := fn.Origin().FullName()
	for _, h := range hs {
		if h.Func != name || h.Key >= len(call.Args) || h.Env >= len(call.Args) {
			continue
		}
		if k, ok := s.constString(call.Args[h.Key]); ok {
			a := call.Args[h.Env]
			names[[2]token.Pos{a.Pos(), a.End()}] = strings.ToLower(h.KeyPrefix + k + h.KeySuffix)
		}
	}
}

// askedAs returns the one typed form asks ask for key in; false when none
// is typed or they disagree.
func askedAs(asks []viperAsk, key string) (Type, bool) {
	var t Type
	for _, a := range asks {
		switch {
		case a.key != key || a.sub || !a.typ.Known():
		case !t.Known():
			t = a.typ
		case !sameForm(t, a.typ) || t.Cast != a.typ.Cast:
			return Type{}, false
		}
	}
	return t, t.Known()
}

// viperTypes adds to p the typed reads of the program's viper asks: the
// env key of each typed ask under each known AutomaticEnv setting of its
// instance, and each env name bound to a key whose typed asks agree.
func viperTypes(p *Program, envs, poolEnvs []viperEnv, typed []viperTyped, binds []viperBound) {
	sortTyped(typed) // the facts come in no set order: a bound key takes its first ask's site
	byKey := make(map[string][]viperTyped)
	for _, t := range typed {
		in := envs
		if t.Pool {
			in = poolEnvs
		} else {
			byKey[t.Key] = append(byKey[t.Key], t)
		}
		for _, e := range in {
			if k := e.key(t.Key); isEnvName(k) {
				p.Types = append(p.Types, KeyType{Key: k, Type: t.Type, At: t.At})
			}
		}
	}
	for _, b := range binds {
		ts := byKey[b.Key]
		if len(ts) == 0 || slices.ContainsFunc(ts[1:], func(t viperTyped) bool {
			return !sameForm(t.Type, ts[0].Type) || t.Type.Cast != ts[0].Type.Cast
		}) {
			continue // not asked in a typed form, or in forms that disagree
		}
		p.Types = append(p.Types, KeyType{Key: b.Env, Type: ts[0].Type, At: b.At})
	}
}

// sortTyped sorts ts by key, instance and site.
func sortTyped(ts []viperTyped) {
	slices.SortFunc(ts, func(a, b viperTyped) int {
		return cmp.Or(strings.Compare(a.Key, b.Key), boolCmp(a.Pool, b.Pool), compareSites(a.At, b.At))
	})
}

func boolCmp(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

func compareSites(a, b Site) int {
	return cmp.Or(strings.Compare(a.File, b.File), a.Line-b.Line, a.Col-b.Col)
}
