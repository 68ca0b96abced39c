package envgraph

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/envvet/envvet/internal/passutil"
)

// A viperSetting is a SetEnvPrefix or SetEnvKeyReplacer call.
type viperPrefixCall struct {
	name  string // SetEnvPrefix or SetEnvKeyReplacer
	recv  string // the receiver's source text; "viper" for the package's global instance
	fn    *funcInfo
	pos   token.Pos
	value string // the prefix; the replacer's old/new pairs joined by NUL
	known bool   // value is constant
	expr  string
}

// viperCall records the keys that viper.BindEnv binds and the prefix that
// AutomaticEnv reads.
func (s *state) viperCall(site callSite, fn *types.Func) {
	switch fn.Name() {
	case "BindEnv", "MustBindEnv":
		s.viperBindEnv(site, fn)
	case "AutomaticEnv":
		s.viperAutomaticEnv(site, fn)
	}
}

// viperBindEnv records the env keys a BindEnv call binds: the names it
// is given, or viper's key under the prefix and key replacer.
func (s *state) viperBindEnv(site callSite, fn *types.Func) {
	call := site.call
	if len(call.Args) == 0 {
		return
	}
	if call.Ellipsis.IsValid() {
		// BindEnv(input...), BindEnv(key, names...): the list's
		// names after viper's key (keyParams); a helper's callers
		// name them.
		s.keyCall(site)
		return
	}
	replace, replaceKnown := s.viperReplacer(site, fn)
	if len(call.Args) > 1 {
		s.viperBindNames(site, replace)
		return
	}
	arg := call.Args[0]
	r := Ref{Kind: Bind, Loader: LoaderViper, Pos: arg.Pos(), End: arg.End()}
	key, ok := s.constString(arg)
	prefix, found, known := s.viperBindPrefix(site, fn)
	switch {
	case !ok:
		r.Dynamic, r.Expr = true, exprString(arg)
		if found && known {
			r.Prefix = strings.ToUpper(prefix + "_")
		}
	case found && !known, !replaceKnown:
		// The prefix or the key replacer is not known here.
		r.Dynamic, r.Expr = true, exprString(arg)
	case found:
		r.Key = strings.ToUpper(prefix + "_" + key)
	default:
		r.Key = strings.ToUpper(key)
	}
	if replace != nil {
		r.Key = replace.Replace(r.Key)
		r.Prefix = replace.Replace(r.Prefix)
	}
	s.add(r)
}

// viperBindNames records the names BindEnv("key", "ENV_A", "ENV_B") is
// given, each through the key replacer replace when there is one.
func (s *state) viperBindNames(site callSite, replace *strings.Replacer) {
	call := site.call
	from := len(s.refs)
	s.keyCall(site)
	if replace == nil {
		return
	}
	for i := range s.refs {
		r := &s.refs[i]
		if r.Loader == LoaderViper && r.Pos >= call.Pos() && r.End <= call.End() && !r.Dynamic {
			r.Key, r.Group = replace.Replace(r.Key), nil
		}
	}
	s.groupBinds(call, from) // the names as replaced
}

// viperAutomaticEnv records the prefix an AutomaticEnv call reads: the
// known SetEnvPrefix through the key replacer, else any key.
func (s *state) viperAutomaticEnv(site callSite, fn *types.Func) {
	call := site.call
	r := Ref{Kind: Prefix, Loader: LoaderViper, Pos: call.Pos(), End: call.End()}
	prefix, found, known := s.viperSetting("SetEnvPrefix", site, fn)
	switch {
	case found && known:
		r.Prefix = strings.ToUpper(prefix + "_")
		if replace, _ := s.viperReplacer(site, fn); replace != nil {
			r.Prefix = replace.Replace(r.Prefix)
		}
	case found:
		r.Dynamic = true
		r.Expr = s.viperSettingExpr("SetEnvPrefix", site, fn)
	default:
		r.Dynamic = true // any key, upper-cased
	}
	s.add(r)
}

// viperRecv returns the source text of the viper instance a call uses.
func viperRecv(call *ast.CallExpr, fn *types.Func) string {
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			return exprString(sel.X)
		}
		return "?"
	}
	return "viper"
}

// viperSettings lists the package's SetEnvPrefix and SetEnvKeyReplacer
// calls, computed on first use.
func (s *state) viperSettings() []viperPrefixCall {
	if s.viper != nil {
		return s.viper
	}
	s.viper = []viperPrefixCall{}
	for _, site := range s.calls {
		fn, _ := typeutil.Callee(s.info, site.call).(*types.Func)
		if fn == nil || !isViperFunc(fn, "SetEnvPrefix", "SetEnvKeyReplacer") || len(site.call.Args) != 1 {
			continue
		}
		c := viperPrefixCall{name: fn.Name(), recv: viperRecv(site.call, fn), fn: site.fn,
			pos: site.call.Pos(), expr: exprString(site.call.Args[0])}
		if c.name == "SetEnvPrefix" {
			c.value, c.known = s.constString(site.call.Args[0])
			if c.known && c.value == "" {
				continue // SetEnvPrefix("") leaves the prefix alone
			}
		} else {
			c.value, c.known = s.replacerPairs(site.call.Args[0])
		}
		s.viper = append(s.viper, c)
	}
	return s.viper
}

// viperSetting finds the setting called name that applies to a call: the
// last one before it in the same function, else the one of the package
// when all its calls agree. found is false when the package has none;
// known is false when the setting is not constant or ambiguous.
func (s *state) viperSetting(name string, site callSite, fn *types.Func) (value string, found, known bool) {
	return s.viperSettingAt(name, site, fn, false)
}

// viperBindPrefix returns the prefix a BindEnv of one key merges into it.
// viper merges it when BindEnv runs (v1.19.0 viper.go:1267), so a
// SetEnvPrefix after the call in the same function does not apply:
// navidrome's BindEnv("port") before its SetEnvPrefix("ND")
// (conf/configuration.go:398) binds PORT, while AutomaticEnv, which
// merges the prefix when a key is asked, reads ND_PORT.
func (s *state) viperBindPrefix(site callSite, fn *types.Func) (value string, found, known bool) {
	return s.viperSettingAt("SetEnvPrefix", site, fn, true)
}

// viperSettingAt is viperSetting; when atCall is set, the value is the
// one in force when the call runs: a setting after the call in the same
// function is left out, or makes the value unknown when a loop holds
// both (its next turn runs the setting first).
func (s *state) viperSettingAt(name string, site callSite, fn *types.Func, atCall bool) (value string, found, known bool) {
	recv := viperRecv(site.call, fn)
	var local *viperPrefixCall
	var all []viperPrefixCall
	elsewhere := false // set on another receiver, which may be the same instance
	for _, c := range s.viperSettings() {
		if c.name != name {
			continue
		}
		if atCall && c.recv == recv && c.fn == site.fn && site.fn != nil && c.pos > site.call.Pos() {
			if inOneLoop(site.fn.node, site.call.Pos(), c.pos) {
				return "", true, false
			}
			continue
		}
		if c.recv != recv {
			// The global instance is not a viper.New() one; a method
			// receiver spelt differently may be the same instance.
			if c.recv != "viper" && recv != "viper" && !s.freshViper(site) {
				elsewhere = true
			}
			continue
		}
		all = append(all, c)
		if c.fn == site.fn && site.fn != nil && c.pos < site.call.Pos() {
			local = &c
		}
	}
	if local != nil {
		return local.value, true, local.known
	}
	if s.freshViper(site) {
		return "", false, false // a viper.New() of this function, set up nowhere else
	}
	if len(all) == 0 {
		return "", elsewhere, false
	}
	for _, c := range all {
		if !c.known || c.value != all[0].value {
			return "", true, false
		}
	}
	return all[0].value, true, true
}

// inOneLoop reports whether a for or range statement of fn holds both
// positions.
func inOneLoop(fn ast.Node, a, b token.Pos) bool {
	return passutil.Contains(fn, true, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			return n.Pos() <= a && b < n.End()
		}
		return false
	})
}

// freshViper reports whether the call's receiver is a local variable
// assigned once from viper.New(): no other function sets it up.
func (s *state) freshViper(site callSite) bool {
	sel, ok := ast.Unparen(site.call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok {
		return false
	}
	def, ok := ast.Unparen(s.singleDef(id, 0)).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn, ok := s.calleeFunc(def)
	return ok && isViperFunc(fn, "New")
}

func (s *state) viperSettingExpr(name string, site callSite, fn *types.Func) string {
	recv := viperRecv(site.call, fn)
	for _, c := range s.viperSettings() {
		if c.name == name && c.recv == recv && !c.known {
			return c.expr
		}
	}
	return ""
}

// viperReplacer returns the constant key replacer that applies to a call;
// known is false when one may apply but is not constant.
func (s *state) viperReplacer(site callSite, fn *types.Func) (r *strings.Replacer, known bool) {
	pairs, found, known := s.viperSetting("SetEnvKeyReplacer", site, fn)
	if !found {
		return nil, true
	}
	if !known {
		return nil, false
	}
	return strings.NewReplacer(strings.Split(pairs, "\x00")...), true
}

// replacerPairs returns the arguments of strings.NewReplacer(...) joined
// by NUL, when they are all constant.
func (s *state) replacerPairs(e ast.Expr) (string, bool) {
	e = ast.Unparen(e)
	if id, ok := e.(*ast.Ident); ok {
		if def := s.singleDef(id, 0); def != nil {
			e = ast.Unparen(def)
		}
	}
	call, ok := e.(*ast.CallExpr)
	if !ok || call.Ellipsis.IsValid() || len(call.Args) == 0 || len(call.Args)%2 != 0 {
		return "", false
	}
	fn, _ := typeutil.Callee(s.info, call).(*types.Func)
	if fn == nil || fn.FullName() != "strings.NewReplacer" {
		return "", false
	}
	var pairs []string
	for _, a := range call.Args {
		v, ok := s.constString(a)
		if !ok {
			return "", false
		}
		pairs = append(pairs, v)
	}
	return strings.Join(pairs, "\x00"), true
}
