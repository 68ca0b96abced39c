package envkeys

import (
	"cmp"
	"go/ast"
	"go/build"
	"go/token"
	"go/types"
	"path/filepath"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/envvet/envvet/analyzers/envgraph"
	"github.com/envvet/envvet/internal/lazyinspect"
	"github.com/envvet/envvet/internal/passutil"
	"github.com/envvet/envvet/internal/relpos"
)

// fallbackAnalyzer finds the calls a package makes only when an earlier
// call returned "": the legacy key of
//
//	v := os.Getenv("NEW")
//	if v == "" {
//		v = os.Getenv("OLD")
//	}
//
// and the later keys of a helper that tries its first key, then others
// (lego's env.GetOneWithFallback). Its Result holds the pairs of the
// package and, through a package fact, of every package it imports, so
// that envkeys can tell a deprecated alias from a key the program needs.
var fallbackAnalyzer = &analysis.Analyzer{
	Name:     "envfallback",
	Doc:      "find calls made only when an earlier call returned an empty string",
	Requires: []*analysis.Analyzer{envgraph.Analyzer, lazyinspect.Analyzer},
	// A broken package must not silence envkeys for the whole program.
	RunDespiteErrors: true,
	Run:              runFallback,
	ResultType:       reflect.TypeFor[*fallbacks](),
	FactTypes:        []analysis.Fact{new(fallbackCalls)},
}

// A fallbackPair says that the call at Fallback runs only when the call
// at Primary returned "" (or reported its key unset).
type fallbackPair struct {
	Fallback, Primary envgraph.Site
}

// fallbackCalls is the package fact of a package with fallback calls:
// its pairs, sorted and free of duplicates, so that the fact encodes
// identically on every run.
type fallbackCalls struct{ Pairs []fallbackPair }

func (*fallbackCalls) AFact() {}

func (f *fallbackCalls) String() string {
	var parts []string
	for _, p := range f.Pairs {
		parts = append(parts, p.Fallback.String()+" after "+p.Primary.String())
	}
	return "fallbackCalls(" + strings.Join(parts, ", ") + ")"
}

// fallbacks is fallbackAnalyzer's result: the pairs of the package and,
// when it has references to ask about, of its dependencies.
type fallbacks struct {
	pairs map[fallbackPair]bool
	sites map[envgraph.Site]bool // every Fallback of pairs
}

func runFallback(pass *analysis.Pass) (any, error) {
	var local []fallbackPair
	if !inGOROOT(pass) && mayReadEnv(pass) {
		local = scanFallbacks(pass)
		if len(local) > 0 {
			pass.ExportPackageFact(&fallbackCalls{Pairs: local})
		}
	}
	var deps []*fallbackCalls
	if g, ok := pass.ResultOf[envgraph.Analyzer].(*envgraph.Graph); ok && len(g.Refs()) > 0 {
		// envkeys asks about this package's references only.
		for _, pf := range pass.AllPackageFacts() {
			if f, ok := pf.Fact.(*fallbackCalls); ok {
				deps = append(deps, f)
			}
		}
	}
	n := len(local)
	for _, f := range deps {
		n += len(f.Pairs)
	}
	res := &fallbacks{pairs: make(map[fallbackPair]bool, n), sites: make(map[envgraph.Site]bool, n)}
	res.add(local)
	for _, f := range deps {
		res.add(f.Pairs)
	}
	return res, nil
}

// mayReadEnv reports whether the package may hold a pair that matters:
// a pair counts only when its Fallback is the call of one of the
// package's references (fallbackIndex.candidate) or a Step of a helper
// chain, a call inside a helper. A package with neither references nor
// helpers (most that import os or syscall) needs no inspector
// (lazyinspect builds one on first use).
func mayReadEnv(pass *analysis.Pass) bool {
	g, ok := pass.ResultOf[envgraph.Analyzer].(*envgraph.Graph)
	return ok && (len(g.Refs()) > 0 || g.DeclaresHelpers())
}

func (r *fallbacks) add(pairs []fallbackPair) {
	for _, p := range pairs {
		r.pairs[p] = true
		r.sites[p.Fallback] = true
	}
}

// inGOROOT reports whether the package is the standard library's, whose
// fallbacks are not about keys a deployment sets.
func inGOROOT(pass *analysis.Pass) bool {
	if len(pass.Files) == 0 || build.Default.GOROOT == "" {
		return false
	}
	f := pass.Fset.File(pass.Files[0].Pos())
	root := filepath.Join(build.Default.GOROOT, "src") + string(filepath.Separator)
	return f != nil && strings.HasPrefix(f.Name(), root)
}

// scanFallbacks returns the package's fallback pairs, sorted.
func scanFallbacks(pass *analysis.Pass) []fallbackPair {
	s := &fallbackScan{pass: pass, seen: make(map[fallbackPair]bool)}
	kinds := []ast.Node{(*ast.BlockStmt)(nil), (*ast.CaseClause)(nil), (*ast.CommClause)(nil)}
	if importsCmp(pass.Pkg) {
		// A call of cmp.Or names it through an import of cmp: without
		// one, the calls need no visit.
		kinds = append(kinds, (*ast.CallExpr)(nil))
	}
	// One walk: the package's inspector only if another check built it.
	li := pass.ResultOf[lazyinspect.Analyzer].(*lazyinspect.Inspector)
	li.Preorder(kinds, func(n ast.Node) {
		switch n := n.(type) {
		case *ast.BlockStmt:
			s.stmts(n.List)
		case *ast.CaseClause:
			s.stmts(n.Body)
		case *ast.CommClause:
			s.stmts(n.Body)
		case *ast.CallExpr:
			s.cmpOr(n)
		}
	})
	slices.SortFunc(s.out, func(a, b fallbackPair) int {
		return cmp.Or(compareSite(a.Fallback, b.Fallback), compareSite(a.Primary, b.Primary))
	})
	return s.out
}

// importsCmp reports whether pkg imports the standard library's cmp.
func importsCmp(pkg *types.Package) bool {
	return pkg != nil && slices.ContainsFunc(pkg.Imports(), func(p *types.Package) bool { return p.Path() == "cmp" })
}

func compareSite(a, b envgraph.Site) int {
	return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
}

// A fallbackScan collects the fallback pairs of one package.
type fallbackScan struct {
	pass *analysis.Pass
	seen map[fallbackPair]bool
	out  []fallbackPair
}

// stmts finds, in one statement list, a call whose string result is
// tested for "" before other calls run:
//
//	v := get("NEW"); if v == "" { ... }          // the body falls back
//	v := get("NEW"); if v != "" { return v }; ... // what follows falls back
//	if v := get("NEW"); v != "" { return v }; ...
func (s *fallbackScan) stmts(list []ast.Stmt) {
	for k, st := range list {
		if ifs, ok := st.(*ast.IfStmt); ok && ifs.Init != nil {
			if g := s.primary(ifs.Init); g != nil {
				s.guarded(g, ifs, list[k+1:])
			}
			continue
		}
		g := s.primary(st)
		if g == nil {
			continue
		}
		for j, later := range list[k+1:] {
			if ifs, ok := later.(*ast.IfStmt); ok && ifs.Init == nil {
				s.guarded(g, ifs, list[k+1+j+1:])
			}
		}
	}
}

// A guard is a call whose result is held in a string variable, and the
// bool variable of a (value, ok) result.
type guard struct {
	call  *ast.CallExpr
	value types.Object
	ok    types.Object // nil without an ok result
}

// primary returns the guard of an assignment v := f(...) or v, ok :=
// f(...) (= or var) of a string result; nil for any other statement.
func (s *fallbackScan) primary(st ast.Stmt) *guard {
	var lhs []ast.Expr
	var rhs []ast.Expr
	switch st := st.(type) {
	case *ast.AssignStmt:
		lhs, rhs = st.Lhs, st.Rhs
	case *ast.DeclStmt:
		gd, ok := st.Decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.VAR || len(gd.Specs) != 1 {
			return nil
		}
		vs := gd.Specs[0].(*ast.ValueSpec)
		for _, n := range vs.Names {
			lhs = append(lhs, n)
		}
		rhs = vs.Values
	}
	if len(rhs) != 1 || len(lhs) == 0 || len(lhs) > 2 {
		return nil
	}
	call, ok := ast.Unparen(rhs[0]).(*ast.CallExpr)
	if !ok {
		return nil
	}
	value := s.object(lhs[0])
	if !isString(value) {
		return nil // most assignments: no guard allocated
	}
	g := &guard{call: call, value: value}
	if len(lhs) == 2 {
		g.ok = s.object(lhs[1])
	}
	return g
}

// object returns the variable e names, nil if it names none.
func (s *fallbackScan) object(e ast.Expr) types.Object {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || id.Name == "_" {
		return nil
	}
	if obj, ok := s.pass.TypesInfo.Defs[id]; ok && obj != nil {
		return obj
	}
	if obj, ok := s.pass.TypesInfo.Uses[id]; ok {
		return obj
	}
	return nil
}

func isString(obj types.Object) bool {
	if obj == nil || obj.Type() == nil {
		return false
	}
	b, ok := obj.Type().Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// guarded records the calls that run only when g's value is empty:
// the body of ifs when it tests for empty; its else branch, and rest
// when its body returns, when it tests for non-empty.
func (s *fallbackScan) guarded(g *guard, ifs *ast.IfStmt, rest []ast.Stmt) {
	switch {
	case s.testsEmpty(ifs.Cond, g):
		s.record(g.call, ifs.Body)
	case s.testsSet(ifs.Cond, g):
		if ifs.Else != nil {
			s.record(g.call, ifs.Else)
		}
		if n := len(ifs.Body.List); n > 0 {
			if _, ok := ifs.Body.List[n-1].(*ast.ReturnStmt); ok {
				for _, st := range rest {
					s.record(g.call, st)
				}
			}
		}
	}
}

// testsEmpty reports whether cond holds only when g's value is empty or
// its key unset: v == "", len(v) == 0, !ok, or either side of ||.
func (s *fallbackScan) testsEmpty(cond ast.Expr, g *guard) bool {
	switch c := ast.Unparen(cond).(type) {
	case *ast.UnaryExpr:
		return c.Op == token.NOT && g.ok != nil && s.object(c.X) == g.ok
	case *ast.BinaryExpr:
		switch c.Op {
		case token.LOR:
			return s.testsEmpty(c.X, g) && s.testsEmpty(c.Y, g)
		case token.LAND:
			return s.testsEmpty(c.X, g) || s.testsEmpty(c.Y, g)
		case token.EQL:
			return s.comparesEmpty(c, g)
		}
	}
	return false
}

// testsSet reports whether cond holds only when g's value is set: v !=
// "", len(v) > 0, ok, or either side of &&.
func (s *fallbackScan) testsSet(cond ast.Expr, g *guard) bool {
	switch c := ast.Unparen(cond).(type) {
	case *ast.Ident:
		return g.ok != nil && s.object(c) == g.ok
	case *ast.BinaryExpr:
		switch c.Op {
		case token.LAND:
			return s.testsSet(c.X, g) || s.testsSet(c.Y, g)
		case token.NEQ, token.GTR:
			return s.comparesEmpty(c, g)
		}
	}
	return false
}

// comparesEmpty reports whether c compares g's value with "" or its
// length with 0, whatever the operator.
func (s *fallbackScan) comparesEmpty(c *ast.BinaryExpr, g *guard) bool {
	x, y := ast.Unparen(c.X), ast.Unparen(c.Y)
	if call, ok := x.(*ast.CallExpr); ok && len(call.Args) == 1 {
		if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok && id.Name == "len" {
			return s.object(call.Args[0]) == g.value && isConst(s.pass, y, "0")
		}
	}
	if isConst(s.pass, x, `""`) {
		x, y = y, x
	}
	return s.object(x) == g.value && isConst(s.pass, y, `""`)
}

// isConst reports whether e is a constant whose value is lit ("" or 0).
func isConst(pass *analysis.Pass, e ast.Expr, lit string) bool {
	tv, ok := pass.TypesInfo.Types[e]
	return ok && tv.Value != nil && tv.Value.ExactString() == lit
}

// cmpOr records cmp.Or(a(), b(), ...): b's calls run only when a's
// returned the zero value.
func (s *fallbackScan) cmpOr(call *ast.CallExpr) {
	if passutil.CalleeName(call.Fun) != "Or" {
		return // the callee is no function named Or: no type lookup
	}
	fn, ok := typeutil.Callee(s.pass.TypesInfo, call).(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "cmp" || fn.Signature().Recv() != nil {
		return
	}
	for i := 1; i < len(call.Args); i++ {
		for _, p := range call.Args[:i] {
			if pc, ok := ast.Unparen(p).(*ast.CallExpr); ok {
				s.record(pc, call.Args[i])
			}
		}
	}
}

// record pairs every call in region with primary and the calls inside it.
func (s *fallbackScan) record(primary *ast.CallExpr, region ast.Node) {
	prims := calls(primary)
	for _, f := range calls(region) {
		for _, p := range prims {
			pair := fallbackPair{Fallback: s.site(f), Primary: s.site(p)}
			if pair.Fallback.IsValid() && pair.Primary.IsValid() && !s.seen[pair] {
				s.seen[pair] = true
				s.out = append(s.out, pair)
			}
		}
	}
}

func calls(n ast.Node) []*ast.CallExpr {
	var out []*ast.CallExpr
	ast.Inspect(n, func(n ast.Node) bool {
		if c, ok := n.(*ast.CallExpr); ok {
			out = append(out, c)
		}
		return true
	})
	return out
}

// site returns the Site of the call, as envgraph writes a Step's.
func (s *fallbackScan) site(call *ast.CallExpr) envgraph.Site {
	return siteOf(s.pass.Fset, call.Pos())
}

func siteOf(fset *token.FileSet, pos token.Pos) envgraph.Site {
	p := relpos.Position(fset, pos)
	if !p.IsValid() {
		return envgraph.Site{}
	}
	return envgraph.Site{File: p.Filename, Line: p.Line, Col: p.Column}
}

// A fallbackIndex tells, for the references of one package, which are
// read only when another reference's key is unset.
type fallbackIndex struct {
	pass     *analysis.Pass
	res      *fallbacks
	refs     []envgraph.Ref
	calls    map[token.Pos]*ast.CallExpr // argument start → call, built on first use
	declared func(key string) bool
}

func newFallbackIndex(pass *analysis.Pass, refs []envgraph.Ref, declared func(string) bool) *fallbackIndex {
	res, _ := pass.ResultOf[fallbackAnalyzer].(*fallbacks)
	return &fallbackIndex{pass: pass, res: res, refs: refs, declared: declared}
}

// excused reports whether ref's key is a legacy alias: ref is read only
// when another reference's key is unset, and that key is declared. The
// deployment sets the key the program reads first; a fallback whose
// primary key is undeclared too is still reported.
func (x *fallbackIndex) excused(ref envgraph.Ref) bool {
	if !x.candidate(ref) {
		return false
	}
	for _, p := range x.refs {
		if p.Kind.IsRead() && !p.Dynamic && p.Key != "" && p.Key != ref.Key &&
			x.declared(p.Key) && x.fallsBackOn(ref, p) {
			return true
		}
	}
	return false
}

// candidate reports whether ref's call, or a step of its chain, is the
// fallback of some pair.
func (x *fallbackIndex) candidate(ref envgraph.Ref) bool {
	if x.res == nil || len(x.res.sites) == 0 {
		return false
	}
	for _, st := range ref.Steps {
		if x.res.sites[st.Site] {
			return true
		}
	}
	c := x.call(ref.Pos)
	return c != nil && x.res.sites[siteOf(x.pass.Fset, c.Pos())]
}

// fallsBackOn reports whether f is read only when p's read returned "":
// their calls form a pair, or, for one helper call, the first steps in
// which their chains part do.
func (x *fallbackIndex) fallsBackOn(f, p envgraph.Ref) bool {
	cf, cp := x.call(f.Pos), x.call(p.Pos)
	if cf == nil || cp == nil {
		return false
	}
	if cf != cp {
		return x.res.pairs[fallbackPair{Fallback: siteOf(x.pass.Fset, cf.Pos()), Primary: siteOf(x.pass.Fset, cp.Pos())}]
	}
	for i := 0; i < len(f.Steps) && i < len(p.Steps); i++ {
		if fs, ps := f.Steps[i].Site, p.Steps[i].Site; fs != ps {
			return x.res.pairs[fallbackPair{Fallback: fs, Primary: ps}]
		}
	}
	return false
}

// call returns the call that pos is the start of an argument of.
func (x *fallbackIndex) call(pos token.Pos) *ast.CallExpr {
	if x.calls == nil {
		x.calls = make(map[token.Pos]*ast.CallExpr)
		li := x.pass.ResultOf[lazyinspect.Analyzer].(*lazyinspect.Inspector)
		li.Preorder([]ast.Node{(*ast.CallExpr)(nil)}, func(n ast.Node) {
			c := n.(*ast.CallExpr)
			for _, a := range c.Args {
				if _, ok := x.calls[a.Pos()]; !ok {
					x.calls[a.Pos()] = c
				}
			}
		})
	}
	return x.calls[pos]
}
