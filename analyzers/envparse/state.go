package envparse

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/envvet/envvet/analyzers/envgraph"
	"github.com/envvet/envvet/internal/passutil"
	"github.com/envvet/envvet/internal/relpos"
)

// state is one run's working memory; it does not outlive run.
type state struct {
	pass *analysis.Pass
	info *types.Info
	in   *inspector.Inspector

	refs   map[token.Pos][]envgraph.Ref // reads of constant keys, by Pos
	scopes []*scope                     // function declarations with bodies, then package level
	byObj  map[*types.Func]*scope
	pkg    *scope // package-level declarations

	values  map[*types.Func]*valueOf       // imported valueOf facts, nil when none
	silents map[*types.Func]*silentDefault // imported silentDefault facts, nil when none
	parsers map[*types.Func]*parsesArg     // imported parsesArg facts, nil when none
	// The facts the next lookup imports into: a new one only after a
	// lookup found one (most imported functions have none).
	spareValue  *valueOf
	spareSilent *silentDefault
	spareParser *parsesArg

	parses      []*parseSite
	helperCalls []*helperCall

	hasLoader bool // the package imports a loader (relevant's answer to run)
}

// A scope is a function declaration with a body, or the package's
// top-level declarations (decl nil).
type scope struct {
	decl   *ast.FuncDecl
	cur    inspector.Cursor
	obj    *types.Func
	params map[*types.Var]int     // built on first use (paramsOf); nil for the package level
	vars   map[*types.Var]*source // variables holding env values; nil until bind sets one
	calls  []inspector.Cursor     // calls inside, nested literals included
	fns    []calleeOf             // the callee of each of calls, filled on first use (see calleeAt)
	assign []ast.Node             // *ast.AssignStmt and *ast.ValueSpec inside, in source order
	env    bool                   // calls something that may read the environment

	value  *valueOf
	silent *silentDefault
	// The sites silentSummary found in infer's last round (see infer).
	parses  []*parseSite
	helpers []*helperCall
}

// A calleeOf is what infer needs of a call's callee, remembered: the
// fixpoint's rounds ask it of the same calls again (sites), as markEnv and
// parsesParam do.
type calleeOf struct {
	fn     *types.Func // s.callee of the call
	parser *parser     // parserOf fn, nil if fn is not a parse
	done   bool
}

// A source is where a string comes from: the environment under constant
// keys, or the value of the enclosing function's key parameter param.
type source struct {
	keys  []string // sorted; empty when param >= 0
	param int
}

// A parseSite is a parse of an env value.
type parseSite struct {
	call    *ast.CallExpr
	cur     inspector.Cursor // of call
	parser  parser
	src     *source
	outcome outcome
	// What a bad value runs as on the silent path: the parameter with
	// index fallbackParam, else the text fallback ("" when unknown).
	fallbackParam int
	fallback      string
	parserArg     int // 1 + the enclosing function's parameter that is the parse; 0 when parser is fixed
	// The statements a bad value takes when the outcome is silent, and
	// where they are.
	badPath []ast.Stmt
	badKind pathKind
	badIf   inspector.Cursor // the if statement
	badIn   *scope
}

// A helperCall is a call of a helper that silently defaults.
type helperCall struct {
	call  *ast.CallExpr
	fact  *silentDefault
	name  string   // the helper, package.Func
	keys  []string // the constant keys given to it
	param int      // the enclosing function's key parameter given to it; -1 if none
	arg   ast.Expr // the argument given as the helper's default, nil if none
	// parserArg is 1 + the enclosing function's parameter handed to a
	// helper whose parse is an argument; 0 when fact names the parse.
	parserArg int
}

func newState(pass *analysis.Pass, graph *envgraph.Graph, in *inspector.Inspector) *state {
	s := &state{
		pass: pass, info: pass.TypesInfo, in: in,
		refs:  make(map[token.Pos][]envgraph.Ref),
		byObj: make(map[*types.Func]*scope),
	}
	for _, r := range graph.Refs() {
		if (r.Kind == envgraph.Read || r.Kind == envgraph.Lookup) && !r.Dynamic && r.Key != "" && r.Pos.IsValid() {
			s.refs[r.Pos] = append(s.refs[r.Pos], r)
		}
	}
	return s
}

// infer indexes the package, infers its helpers to a fixpoint, and
// collects the parses of env values and the calls of silent helpers.
func (s *state) infer() {
	s.index()
	s.markEnv()
	// Each round resolves one more level of helpers calling helpers
	// declared after them; real chains are a few levels deep.
	fixed := false
	for round := 0; round < 16 && !fixed; round++ {
		changed := false
		for _, sc := range s.scopes {
			if !sc.env {
				continue
			}
			s.computeVars(sc)
			if sc.obj != nil {
				v := s.valueSummary(sc)
				if !sameValue(v, sc.value) {
					sc.value, changed = v, true
				}
			}
		}
		for _, sc := range s.scopes {
			if !sc.env || sc.obj == nil {
				continue
			}
			sc.parses, sc.helpers = s.sites(sc)
			f := s.silentSummary(sc, sc.parses, sc.helpers)
			if !sameSilent(f, sc.silent) {
				sc.silent, changed = f, true
			}
		}
		fixed = !changed
	}
	// A round that changed nothing found its sites in the final state:
	// its first loop set every variable, and its second changed no
	// summary, so they are those of a new call of sites.
	s.parses, s.helperCalls = nil, nil
	for _, sc := range s.scopes {
		if !sc.env {
			continue
		}
		ps, hs := sc.parses, sc.helpers
		if !fixed || sc.obj == nil {
			ps, hs = s.sites(sc)
		}
		s.parses = append(s.parses, ps...)
		s.helperCalls = append(s.helperCalls, hs...)
	}
}

// index makes a scope of each function declaration with a body, and one
// of the package's top-level declarations, in one walk of the package:
// each node below a top-level declaration is that declaration's. The
// functions' calls and assignments share one slice each, every scope a
// part of it.
func (s *state) index() {
	s.pkg = &scope{}
	var (
		calls  []inspector.Cursor
		assign []ast.Node
		in     *scope // the scope of the declaration walked; nil in one that has none
		c0, a0 int    // where in's calls and assignments start
	)
	closeIn := func() {
		if in != nil && in != s.pkg {
			in.calls, in.assign = calls[c0:len(calls):len(calls)], assign[a0:len(assign):len(assign)]
		}
		in = nil
	}
	for cur := range s.in.Root().Preorder((*ast.FuncDecl)(nil), (*ast.GenDecl)(nil), (*ast.CallExpr)(nil), (*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.FuncDecl:
			closeIn()
			if n.Body == nil {
				continue
			}
			in = &scope{decl: n, cur: cur}
			if fn, ok := s.info.Defs[n.Name].(*types.Func); ok && fn != nil {
				in.obj = fn
				s.byObj[fn] = in
			}
			s.scopes = append(s.scopes, in)
			c0, a0 = len(calls), len(assign)
		case *ast.GenDecl:
			if _, ok := cur.Parent().Node().(*ast.File); ok {
				closeIn()
				if n.Tok == token.VAR {
					in = s.pkg
				}
			}
		case *ast.CallExpr:
			switch in {
			case nil:
			case s.pkg:
				s.pkg.calls = append(s.pkg.calls, cur)
			default:
				calls = append(calls, cur)
			}
		case *ast.AssignStmt, *ast.ValueSpec:
			switch in {
			case nil:
			case s.pkg:
				s.pkg.assign = append(s.pkg.assign, n)
			default:
				assign = append(assign, n)
			}
		}
	}
	closeIn()
	s.scopes = append(s.scopes, s.pkg)
	fns := make([]calleeOf, len(calls)+len(s.pkg.calls))
	for _, sc := range s.scopes {
		sc.fns, fns = fns[:len(sc.calls):len(sc.calls)], fns[len(sc.calls):]
	}
	// Each function's imported callees are looked up once (imported).
	n := len(calls) / 2
	s.values = make(map[*types.Func]*valueOf, n)
	s.silents = make(map[*types.Func]*silentDefault, n)
	s.parsers = make(map[*types.Func]*parsesArg)
}

// paramsOf returns the index of each parameter of sc's function, built
// on the first question; nil for the package level.
func (s *state) paramsOf(sc *scope) map[*types.Var]int {
	if sc.params == nil && sc.decl != nil {
		sc.params = passutil.Params(s.info, sc.decl.Type)
	}
	return sc.params
}

// calleeAt returns the callee of sc's i-th call and its parse, computed
// on the first question.
func (s *state) calleeAt(sc *scope, i int) *calleeOf {
	cf := &sc.fns[i]
	if !cf.done {
		cf.fn, cf.done = s.callee(sc.calls[i].Node().(*ast.CallExpr)), true
		if p, ok := parserOf(cf.fn); ok {
			pp := p // allocated for a parse only
			cf.parser = &pp
		}
	}
	return cf
}

// markEnv marks the scopes that call something that may read the
// environment (an env function, an imported function with a fact, or a
// function of the package so marked) or parse. Each call's callee is
// looked up once: the rounds only follow the calls of the package's own
// functions.
func (s *state) markEnv() {
	// By the scope's index in s.scopes.
	direct := make([]bool, len(s.scopes))
	local := make([][]*scope, len(s.scopes)) // the scopes of the package's functions each scope calls
	for k, sc := range s.scopes {
		for i := range sc.calls {
			cf := s.calleeAt(sc, i)
			fn := cf.fn
			if fn == nil {
				continue
			}
			if cf.parser != nil {
				direct[k] = true // parses a package variable, say
				break
			}
			if isEnvRead(fn) || fn.Pkg() != s.pass.Pkg && (s.importedValue(fn) != nil || s.importedSilent(fn) != nil) {
				direct[k] = true
				break
			}
			if fn.Pkg() == s.pass.Pkg {
				if callee := s.byObj[fn]; callee != nil {
					local[k] = append(local[k], callee)
				}
			}
		}
	}
	isEnv := func(sc *scope) bool { return sc.env }
	for round := 0; round < 32; round++ {
		changed := false
		for k, sc := range s.scopes {
			if !sc.env && (direct[k] || slices.ContainsFunc(local[k], isEnv)) {
				sc.env, changed = true, true
			}
		}
		if !changed {
			return
		}
	}
}

// exportFacts exports the facts of the package's helpers, and the keys
// of its urfave/cli flags.
func (s *state) exportFacts() {
	s.exportURFave()
	for _, sc := range s.scopes {
		if sc.obj == nil || sc.obj.Pkg() != s.pass.Pkg {
			continue
		}
		if sc.value != nil {
			s.pass.ExportObjectFact(sc.obj, sc.value)
		}
		if sc.silent != nil {
			s.pass.ExportObjectFact(sc.obj, sc.silent)
		}
		// The signature first: parsesParam looks up the callee of every
		// call of a function no other question reached.
		if !isParseFunc(sc.obj.Type()) {
			continue
		}
		if name := s.parsesParam(sc); name != "" {
			s.pass.ExportObjectFact(sc.obj, &parsesArg{Parser: name})
		}
	}
}

// callee returns the function a call statically calls (the generic
// function for an instantiation), nil if none.
func (s *state) callee(call *ast.CallExpr) *types.Func {
	fn, ok := typeutil.Callee(s.info, call).(*types.Func)
	if !ok || fn == nil {
		return nil
	}
	return fn.Origin()
}

// isEnvRead reports whether fn returns the value of the key it is given
// as first argument (os.Getenv, os.LookupEnv and their syscall and x/sys
// twins: envgraph's table).
func isEnvRead(fn *types.Func) bool {
	k, ok := envgraph.DirectKind(fn)
	return ok && k.IsRead()
}

func (s *state) importedValue(fn *types.Func) *valueOf {
	if !mayHaveValue(fn) {
		return nil
	}
	return imported(s.pass, s.values, &s.spareValue, fn)
}

func (s *state) importedSilent(fn *types.Func) *silentDefault {
	if !mayBeSilent(fn) {
		return nil
	}
	return imported(s.pass, s.silents, &s.spareSilent, fn)
}

// mayHaveValue reports whether fn may have a valueOf fact: it has a
// parameter and its first result is a string (valueSummary).
func mayHaveValue(fn *types.Func) bool {
	sig := fn.Signature()
	return sig.Params().Len() > 0 && sig.Results().Len() > 0 && isString(sig.Results().At(0).Type())
}

// mayBeSilent reports whether fn may have a silentDefault fact: it has a
// parameter, which the fact's Param is the index of (silentSummary).
func mayBeSilent(fn *types.Func) bool { return fn.Signature().Params().Len() > 0 }

// imported returns fn's fact of type *F when fn belongs to another package,
// nil when it has none, remembered in cache. It imports into *spare, and
// allocates a new one only when the last was kept.
func imported[F any, PF interface {
	*F
	analysis.Fact
}](pass *analysis.Pass, cache map[*types.Func]PF, spare *PF, fn *types.Func) PF {
	if f, ok := cache[fn]; ok {
		return f
	}
	var f PF
	if fn.Pkg() != nil && fn.Pkg() != pass.Pkg {
		if *spare == nil {
			*spare = PF(new(F))
		}
		if pass.ImportObjectFact(fn, *spare) {
			f, *spare = *spare, nil
		}
	}
	cache[fn] = f
	return f
}

// valueParam returns the index of fn's key parameter when fn returns the
// value of that key.
func (s *state) valueParam(fn *types.Func) (int, bool) {
	if isEnvRead(fn) {
		return 0, true
	}
	if fn.Pkg() == s.pass.Pkg {
		if sc := s.byObj[fn]; sc != nil && sc.value != nil {
			return sc.value.Param, true
		}
		return 0, false
	}
	if f := s.importedValue(fn); f != nil {
		return f.Param, true
	}
	return 0, false
}

// silentOf returns the silentDefault summary of fn, nil if none.
func (s *state) silentOf(fn *types.Func) *silentDefault {
	if fn.Pkg() == s.pass.Pkg {
		if sc := s.byObj[fn]; sc != nil {
			return sc.silent
		}
		return nil
	}
	return s.importedSilent(fn)
}

// envValue returns the source of e when e is an env value in sc.
func (s *state) envValue(e ast.Expr, sc *scope) *source {
	return s.envValueDepth(e, sc, 0)
}

func (s *state) envValueDepth(e ast.Expr, sc *scope, depth int) *source {
	if depth > 8 || e == nil {
		return nil
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, ok := s.info.Uses[e].(*types.Var)
		if !ok || v == nil {
			return nil
		}
		if src := sc.vars[v]; src != nil {
			return src
		}
		return s.pkg.vars[v]
	case *ast.CallExpr:
		// The callee first: a conversion has none (its Fun names a type),
		// and the type of a call's Fun needs a lookup of its own.
		fn := s.callee(e)
		if fn == nil {
			if tv, ok := s.info.Types[e.Fun]; ok && tv.IsType() && len(e.Args) == 1 { // []byte(v)
				return s.envValueDepth(e.Args[0], sc, depth+1)
			}
			return nil
		}
		if isPassThrough(fn) {
			if len(e.Args) == 0 {
				return nil
			}
			return s.envValueDepth(e.Args[0], sc, depth+1)
		}
		i, ok := s.valueParam(fn)
		if !ok || i >= len(e.Args) {
			return nil
		}
		return s.keyOf(e.Args[i], sc)
	}
	return nil
}

// keyOf returns the source of the value read with key argument arg: the
// constant keys the env graph resolved there, or a key parameter of sc.
func (s *state) keyOf(arg ast.Expr, sc *scope) *source {
	var keys []string
	for _, r := range s.refs[arg.Pos()] {
		if r.End == arg.End() && !slices.Contains(keys, r.Key) {
			keys = append(keys, r.Key)
		}
	}
	if k := s.constString(arg); k != "" && slices.Contains(keys, k) {
		keys = []string{k} // the others are keys the helper derives (k+"_FILE"), not the value it parses
	}
	if len(keys) > 0 {
		slices.Sort(keys)
		return &source{keys: keys, param: -1}
	}
	if i, ok := s.paramOf(arg, sc, 0); ok {
		return &source{param: i}
	}
	return nil
}

// paramOf returns the index of the parameter of sc that e is, possibly
// with a constant prefix or suffix or with its case changed.
func (s *state) paramOf(e ast.Expr, sc *scope, depth int) (int, bool) {
	if depth > 4 || sc.decl == nil {
		return 0, false
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if v, ok := s.info.Uses[e].(*types.Var); ok && v != nil {
			i, ok := s.paramsOf(sc)[v]
			return i, ok
		}
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return 0, false
		}
		if s.isConst(e.X) {
			return s.paramOf(e.Y, sc, depth+1)
		}
		if s.isConst(e.Y) {
			return s.paramOf(e.X, sc, depth+1)
		}
	case *ast.CallExpr:
		if fn := s.callee(e); fn != nil && isPassThrough(fn) && len(e.Args) > 0 {
			return s.paramOf(e.Args[0], sc, depth+1)
		}
	}
	return 0, false
}

func (s *state) isConst(e ast.Expr) bool {
	tv, ok := s.info.Types[e]
	return ok && tv.Value != nil
}

// isPassThrough reports whether fn returns its first argument changed in
// a way that does not make it parse: trimmed or case-changed.
func isPassThrough(fn *types.Func) bool {
	if fn.Pkg() == nil || fn.Pkg().Path() != "strings" {
		return false
	}
	switch fn.Name() {
	case "TrimSpace", "ToLower", "ToUpper", "Trim", "TrimPrefix", "TrimSuffix", "TrimLeft", "TrimRight":
		sig, ok := fn.Type().(*types.Signature)
		return ok && sig.Recv() == nil
	}
	return false
}

// computeVars finds the variables of sc that hold env values. Two passes
// over the assignments in source order let a value flow through a chain
// of variables whatever the order of the statements. A pass that set
// nothing leaves the state it read, so a second would set nothing either.
func (s *state) computeVars(sc *scope) {
	for range 2 {
		changed := false
		for _, n := range sc.assign {
			lhs, rhs := passutil.AssignSides(n)
			switch {
			case len(lhs) == len(rhs):
				for i := range lhs {
					changed = s.bind(sc, lhs[i], rhs[i]) || changed
				}
			case len(rhs) == 1 && len(lhs) == 2:
				// v, ok := os.LookupEnv(k)
				changed = s.bind(sc, lhs[0], rhs[0]) || changed
			}
		}
		if !changed {
			return
		}
	}
}

// bind records that the variable lhs holds the env value rhs, if it is
// one, and reports whether that changed what sc's variables hold.
func (s *state) bind(sc *scope, lhs, rhs ast.Expr) bool {
	id, ok := ast.Unparen(lhs).(*ast.Ident)
	if !ok || id.Name == "_" {
		return false
	}
	obj := s.info.Defs[id]
	if obj == nil {
		obj = s.info.Uses[id]
	}
	v, ok := obj.(*types.Var)
	if !ok || v == nil || v.IsField() {
		return false
	}
	vars := &sc.vars
	if v.Parent() == s.pass.Pkg.Scope() {
		if sc != s.pkg {
			return false // a package variable set in a function: others may see it unset
		}
		vars = &s.pkg.vars
	}
	src := s.envValue(rhs, sc)
	if src == nil {
		return false
	}
	old := (*vars)[v]
	switch {
	case old == nil:
		if *vars == nil {
			*vars = make(map[*types.Var]*source)
		}
		(*vars)[v] = src
		return true
	case old.param < 0 && src.param < 0:
		if !slices.ContainsFunc(src.keys, func(k string) bool { return !slices.Contains(old.keys, k) }) {
			return false // old.keys, sorted and without duplicates, holds them all
		}
		keys := slices.Clone(old.keys)
		for _, k := range src.keys {
			if !slices.Contains(keys, k) {
				keys = append(keys, k)
			}
		}
		slices.Sort(keys)
		(*vars)[v] = &source{keys: keys, param: -1}
		return true
	}
	return false
}

// valueSummary returns sc's valueOf fact: its first result is a string
// that some return statement gives the value of a key parameter.
func (s *state) valueSummary(sc *scope) *valueOf {
	sig, ok := sc.obj.Type().(*types.Signature)
	if !ok || sig.Results().Len() == 0 || !isString(sig.Results().At(0).Type()) {
		return nil
	}
	var out *valueOf
	sc.cur.Inspect([]ast.Node{(*ast.FuncLit)(nil), (*ast.ReturnStmt)(nil)}, func(c inspector.Cursor) bool {
		ret, ok := c.Node().(*ast.ReturnStmt)
		if !ok {
			return false // a literal's returns are its own
		}
		if out == nil && len(ret.Results) > 0 {
			if src := s.envValue(ret.Results[0], sc); src != nil && src.param >= 0 {
				out = &valueOf{Param: src.param}
			}
		}
		return true
	})
	return out
}

func isString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// silentSummary returns sc's silentDefault fact: the first parse of the
// value of a key parameter whose bad value sc does not report, or the
// first call of such a helper with a key parameter.
func (s *state) silentSummary(sc *scope, ps []*parseSite, hs []*helperCall) *silentDefault {
	var first *silentDefault
	var at token.Pos
	for _, p := range ps {
		if p.src.param < 0 || p.outcome == outcomeHandled {
			continue
		}
		f := &silentDefault{Param: p.src.param, DefaultParam: p.fallbackParam, Value: p.fallback, Parser: p.parser.name,
			Func: envgraph.FuncName(sc.obj), Site: relpos.Format(s.pass.Fset, p.call.Pos()), ParserArg: p.parserArg}
		if p.outcome == outcomeDropped {
			f.DefaultParam, f.Value = -1, p.parser.zeroText()
		}
		first, at = f, p.call.Pos()
		break
	}
	for _, h := range hs {
		if h.param < 0 || first != nil && at < h.call.Pos() {
			continue
		}
		f := &silentDefault{Param: h.param, DefaultParam: -1, Value: h.fact.Value, Parser: h.fact.Parser, Func: h.fact.Func, Site: h.fact.Site, ParserArg: h.parserArg}
		if h.arg != nil {
			if i, ok := s.paramOf(h.arg, sc, 0); ok && isIdent(h.arg) {
				f.DefaultParam, f.Value = i, ""
			} else {
				f.Value = shortExpr(h.arg)
			}
		}
		first, at = f, h.call.Pos()
		break
	}
	return first
}

func isIdent(e ast.Expr) bool {
	_, ok := ast.Unparen(e).(*ast.Ident)
	return ok
}

func sameValue(a, b *valueOf) bool {
	return a == nil && b == nil || a != nil && b != nil && *a == *b
}

func sameSilent(a, b *silentDefault) bool {
	return a == nil && b == nil || a != nil && b != nil && *a == *b
}

// sites returns the parses of env values in sc and its calls of silent
// helpers.
func (s *state) sites(sc *scope) (parses []*parseSite, helpers []*helperCall) {
	for i, c := range sc.calls {
		call := c.Node().(*ast.CallExpr)
		if ps := s.paramParse(c, sc); ps != nil {
			parses = append(parses, ps)
			continue
		}
		cf := s.calleeAt(sc, i)
		fn := cf.fn
		if fn == nil {
			continue
		}
		if cf.parser != nil {
			p := *cf.parser
			if p.arg >= len(call.Args) {
				continue
			}
			src := s.envValue(call.Args[p.arg], sc)
			if src == nil {
				continue
			}
			ps := &parseSite{call: call, cur: c, parser: p, src: src, fallbackParam: -1}
			s.classify(c, ps, sc)
			parses = append(parses, ps)
			continue
		}
		f := s.silentOf(fn)
		if f == nil || f.Param >= len(call.Args) {
			continue
		}
		src := s.keyOf(call.Args[f.Param], sc)
		if src == nil {
			continue
		}
		h := &helperCall{call: call, fact: f, name: envgraph.FuncName(fn), keys: src.keys, param: src.param}
		if f.ParserArg > 0 && !s.bindParser(h, sc) {
			continue // the parse handed in is not one: a string check, an unknown function
		}
		if f.DefaultParam >= 0 && f.DefaultParam < len(call.Args) {
			h.arg = call.Args[f.DefaultParam]
		}
		helpers = append(helpers, h)
	}
	return parses, helpers
}
