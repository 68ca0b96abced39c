package envgraph

import (
	_ "embed"
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/envvet/envvet/internal/analysisdoc"
	"github.com/envvet/envvet/internal/lazyinspect"
	"github.com/envvet/envvet/internal/passutil"
)

//go:embed doc.go
var doc string

// Analyzer builds the env-reference graph of a package. Its result is a
// *Graph. It has no settings, so one instance serves every check.
var Analyzer = &analysis.Analyzer{
	Name:             "envgraph",
	Doc:              analysisdoc.MustExtract(doc, "envgraph"),
	URL:              "https://github.com/envvet/envvet#envgraph",
	Requires:         []*analysis.Analyzer{lazyinspect.Analyzer},
	Run:              run,
	RunDespiteErrors: true,
	ResultType:       reflect.TypeFor[*Graph](),
	FactTypes:        []analysis.Fact{new(envHelper), new(envPackage), new(viperGlobal)},
}

func run(pass *analysis.Pass) (any, error) {
	s := &state{
		pass:     pass,
		info:     pass.TypesInfo,
		vars:     make(map[*types.Var]*varInfo),
		funcs:    make(map[ast.Node]*funcInfo),
		byObj:    make(map[types.Object]*funcInfo),
		imported: make(map[*types.Func]*envHelper),
		fields:   make(map[*types.Var]*ast.Field),
		mappings: make(map[*ast.FuncLit]bool),
		ranges:   make(map[*types.Var]rangeVar),
		variadic: make(map[*types.Var]bool),
		called:   make(map[ast.Expr]bool),
		okOf:     make(map[*types.Var]*types.Var),

		parseCall: make(map[*ast.CallExpr]bool),
		compared:  make(map[*types.Var][]string),
		uses:      make(map[*types.Var][]useSite),
	}
	fact := new(envPackage)
	if s.info != nil && pass.Pkg != nil && s.relevant(fact) && s.usesEnv() {
		// The inspector is built only if a rare question needs it
		// (onEmptyPath, passedOn): on most dependencies, never.
		s.in, _ = pass.ResultOf[lazyinspect.Analyzer].(*lazyinspect.Inspector)
		s.index(pass.Files)
		s.inferHelpers()
		s.collectRefs()
		s.setIfEmptyDefaults()
		s.markEmptyOff()
		s.viperFold()
		s.koanfFold()
		s.typeRefs()
		s.dropLibraryLookups()
	}
	s.sortRefs()
	s.fillPackageFact(fact)
	if pass.Pkg != nil && !fact.empty() {
		pass.ExportPackageFact(fact)
	}
	s.exportViper()
	g := &Graph{refs: s.refs, helpers: s.declaresHelpers()}
	if len(fact.Types) > 0 {
		g.imported = s.importedTypes()
	}
	if pass.Pkg != nil && pass.Pkg.Name() == "main" && !passutil.IsTestMain(pass) {
		g.program = s.program(fact)
	}
	return g, nil
}

// state is one run's working memory; it does not outlive run.
type state struct {
	pass *analysis.Pass
	info *types.Info

	// vars holds what the index saw written to each variable of the
	// package (see varInfo), in varSlab's chunks; okOf maps v to ok in
	// v, ok := f(...).
	vars    map[*types.Var]*varInfo
	varSlab []varInfo
	setSlab []varSet // the chunk of first sets (see addSet)
	okOf    map[*types.Var]*types.Var

	funcs    map[ast.Node]*funcInfo // by *ast.FuncDecl / *ast.FuncLit
	order    []*funcInfo            // in source order
	byObj    map[types.Object]*funcInfo
	imported map[*types.Func]*envHelper // imported helper facts, nil when none
	fields   map[*types.Var]*ast.Field  // the declaring node of this package's struct fields
	mappings map[*ast.FuncLit]bool      // function literals given to os.Expand as mapping
	ranges   map[*types.Var]rangeVar    // variables defined by a range clause
	variadic map[*types.Var]bool        // final ...string parameters
	calls    []callSite
	// parseCalls are the calls whose selector may name a parse (see
	// isParserName), parseCall the same as a set.
	parseCalls []*ast.CallExpr
	parseCall  map[*ast.CallExpr]bool
	compared   map[*types.Var][]string  // string constants a variable is compared with (see noteCompared)
	uses       map[*types.Var][]useSite // the uses of local string variables, with their parents (see usesOf)
	usesIn     map[ast.Decl]bool        // the declarations whose uses are in uses
	usesAll    bool                     // every declaration's uses are in uses
	viper      []viperPrefixCall
	emptyIfs   []*ast.IfStmt          // if statements whose condition is x == y (see setIfEmptyDefaults)
	vk         *viperKeys             // viper instances and the keys asked of them (viperFold)
	libLits    []*ast.CompositeLit    // composite literals of a modelled library's types (urfave/cli flags)
	libDone    map[*ast.CallExpr]bool // library calls already recorded through a composite literal

	in           *lazyinspect.Inspector // the package's inspector, built on first use; nil if none
	funcValues   []*ast.SelectorExpr    // os.Getenv-like selectors, called or not
	called       map[ast.Expr]bool      // the funcValues called, or given to os.Expand as its mapping
	helpersAbove bool                   // an import declares helpers
	loaders      bool                   // a struct-tag loader may be called: imported, or through helpers
	refs         []Ref

	// environAnc holds, for each call of a function named Environ, the
	// maxDepth nodes enclosing it, innermost first (see passedOn).
	environAnc map[*ast.CallExpr][]ast.Node

	// atSite is the index in calls of the call a pass over them is at, whose
	// callee callSite holds (see callee); callees holds typeutil.Callee of
	// the other calls asked about, lastCall and lastCallee the last one.
	atSite     int
	callees    map[*ast.CallExpr]types.Object
	lastCall   *ast.CallExpr
	lastCallee types.Object

	// spare is the fact helperOf imports into; a new one after a success.
	spare *envHelper
}

// A funcInfo is a function declaration or literal of the package.
type funcInfo struct {
	node   ast.Node
	obj    types.Object // *types.Func of a declaration, *types.Var of a closure bound to a variable, else nil
	name   string       // as written in Via
	sig    *types.Signature
	params map[*types.Var]int
	parent *funcInfo
	// first and end delimit the calls inside, nested literals included,
	// in state.calls: a function's subtree is one run of the preorder.
	first, end int32
	returns    []*ast.ReturnStmt // its own return statements
	helper     *envHelper        // nil unless a helper
}

// A varInfo is what the index saw written to a variable of the package.
type varInfo struct {
	// writes counts the assignments to it (a definition with a value
	// counts one; taking its address counts many).
	writes int
	// def is the value of its last definition with a value (the value of
	// a variable defined once), if hasDef.
	def    ast.Expr
	hasDef bool
	// sets holds every value assigned to it, with the statement assigning
	// it.
	sets []varSet
}

// vinfo returns v's varInfo, a new one if none: one map insert per
// variable, its varInfo in a chunk of varSlab.
func (s *state) vinfo(v *types.Var) *varInfo {
	if vi := s.vars[v]; vi != nil {
		return vi
	}
	if len(s.varSlab) == cap(s.varSlab) {
		s.varSlab = make([]varInfo, 0, min(max(2*cap(s.varSlab), 32), 256))
	}
	s.varSlab = s.varSlab[:len(s.varSlab)+1]
	vi := &s.varSlab[len(s.varSlab)-1]
	s.vars[v] = vi
	return vi
}

// addSet appends set to vi.sets. A variable's first set is taken from a
// chunk of setSlab, with no room after it: most variables are set once,
// and a second set copies the first into a slice of its own.
func (s *state) addSet(vi *varInfo, set varSet) {
	if vi.sets != nil {
		vi.sets = append(vi.sets, set)
		return
	}
	if len(s.setSlab) == cap(s.setSlab) {
		s.setSlab = make([]varSet, 0, min(max(2*cap(s.setSlab), 32), 256))
	}
	n := len(s.setSlab)
	s.setSlab = append(s.setSlab, set)
	vi.sets = s.setSlab[n : n+1 : n+1]
}

// writesOf returns the number of assignments to v (see varInfo).
func (s *state) writesOf(v *types.Var) int {
	if vi := s.vars[v]; vi != nil {
		return vi.writes
	}
	return 0
}

// setsOf returns the values assigned to v, with their statements.
func (s *state) setsOf(v *types.Var) []varSet {
	if vi := s.vars[v]; vi != nil {
		return vi.sets
	}
	return nil
}

// defOf returns the value of v's last definition with a value; false if
// none.
func (s *state) defOf(v *types.Var) (ast.Expr, bool) {
	if vi := s.vars[v]; vi != nil && vi.hasDef {
		return vi.def, true
	}
	return nil, false
}

// A varSet is one assignment of a value to a variable: v = value in stmt
// (an *ast.AssignStmt or *ast.ValueSpec). value is the whole right-hand
// side of a tuple assignment (v, ok := os.LookupEnv(k)).
type varSet struct {
	value ast.Expr
	stmt  ast.Node
}

type callSite struct {
	call   *ast.CallExpr
	fn     *funcInfo    // innermost enclosing function, nil at package level
	callee types.Object // typeutil.Callee of call
}

// relevant reports whether the package may reference the environment: it
// imports one of the packages that do, or a package whose fact says it
// (or its imports) declares helpers. It also records that last bit.
func (s *state) relevant(fact *envPackage) bool {
	rel := false
	f := new(envPackage) // one for every import: ImportPackageFact copies into it
	for _, imp := range s.pass.Pkg.Imports() {
		if isEnvPackage(imp.Path()) {
			rel = true
		}
		if l := LoaderOf(imp.Path()); l == LoaderCaarlos || l == LoaderEnvconfig || l == LoaderGoEnvconfig || l == LoaderCleanenv {
			s.loaders = true
		}
		*f = envPackage{}
		if s.pass.ImportPackageFact(imp, f) && f.Helpers {
			s.helpersAbove = true
			rel = true
		}
	}
	fact.Helpers = s.helpersAbove
	s.loaders = s.loaders || s.helpersAbove
	return rel
}

// usesEnv reports whether a package that relevant admits may reference
// the environment, when that can be told without walking its syntax. A
// package that imports no helpers, loaders or viper references the
// environment only through the env functions of os, syscall, testing and
// x/sys (directKind, wholeKind, os.Expand and os.ExpandEnv: every
// reference collectRefs records starts at a call or value of one, in the
// package or in a local helper), so a package none of whose identifiers
// denotes one has no reference: most packages that import os or testing.
func (s *state) usesEnv() bool {
	if s.helpersAbove || s.loaders || isEnvPackage(s.pass.Pkg.Path()) {
		return true
	}
	for _, imp := range s.pass.Pkg.Imports() {
		if isEnvPackage(imp.Path()) && !isEnvFuncPackage(imp.Path()) {
			return true // viper
		}
	}
	seen := make(map[*types.Func]bool)
	for _, obj := range s.info.Uses {
		fn, ok := obj.(*types.Func)
		if !ok || fn == nil || seen[fn] {
			continue
		}
		seen[fn] = true
		if isEnvFunc(fn) {
			return true
		}
	}
	return false
}

// isEnvFunc reports whether fn is one of the functions whose calls or
// values collectRefs turns into references without a helper fact.
func isEnvFunc(fn *types.Func) bool {
	if fn.Pkg() == nil || !isEnvFuncPackage(fn.Pkg().Path()) {
		return false
	}
	if fn.Pkg().Path() == "os" && (fn.Name() == "Expand" || fn.Name() == "ExpandEnv") {
		return true
	}
	name := fn.FullName()
	_, direct := directKind(name)
	_, whole := wholeKind(name)
	return direct || whole
}

// isEnvPackage reports whether path is a package whose functions reference
// the environment directly.
func isEnvPackage(path string) bool {
	switch path {
	case "os", "syscall", "testing", "golang.org/x/sys/unix", "golang.org/x/sys/windows",
		"github.com/spf13/viper", "github.com/sethvargo/go-envconfig":
		return true
	}
	return isCaarlosPath(path) || isKelseyPath(path) || configLib(path) != ""
}

// isKelseyPath reports whether path is github.com/kelseyhightower/envconfig
// or its fork github.com/mstoykov/envconfig (k6's), whose Process takes
// an optional lookup function in place of os.LookupEnv: the same keys.
func isKelseyPath(path string) bool {
	return path == "github.com/kelseyhightower/envconfig" || path == "github.com/mstoykov/envconfig"
}

// isCaarlosPath reports whether path is github.com/caarlos0/env or one of
// its major versions.
func isCaarlosPath(path string) bool {
	rest, ok := strings.CutPrefix(path, "github.com/caarlos0/env")
	if !ok {
		return false
	}
	if rest == "" {
		return true
	}
	v, ok := strings.CutPrefix(rest, "/v")
	if !ok || v == "" {
		return false
	}
	for _, c := range v {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// index walks the package once: functions, calls, returns, assignments
// and struct fields. It walks the files itself rather than building an
// inspector that most packages would use for this one walk only, unless
// the inspector is built already or will be (see inspectorFirst).
func (s *state) index(files []*ast.File) {
	decls := 0 // a hint for the maps of functions: the top-level declarations
	for _, f := range files {
		decls += len(f.Decls)
	}
	s.funcs = make(map[ast.Node]*funcInfo, decls)
	s.byObj = make(map[types.Object]*funcInfo, decls)
	x := &indexer{s: s}
	if s.inspectorFirst() {
		x.inspect(s.in.Get().Root())
	} else {
		for _, f := range files {
			ast.Inspect(f, func(n ast.Node) bool {
				x.step(n, n != nil)
				return true
			})
		}
	}
	s.bindLiterals(x.bindings)
}

// inspectorFirst reports whether index should build the package's
// inspector and traverse it: it is built already, or the package is a
// root that imports context or net/http, on which ctxgo builds it
// whatever envgraph does (ctxsum, envkeys' fallback scan and envparse
// then traverse it too, instead of walking the files each).
func (s *state) inspectorFirst() bool {
	if s.in == nil {
		return false
	}
	if s.in.Built() {
		return true
	}
	if !s.in.IsRoot() {
		return false
	}
	for _, imp := range s.pass.Pkg.Imports() {
		if p := imp.Path(); p == "context" || p == "net/http" {
			return true
		}
	}
	return false
}

// inspect visits the nodes of the inspector's files that visit handles,
// in the order of ast.Inspect's walk (visit ignores the other kinds), and
// skips the subtrees holding none: a filtered traversal, with no leave
// events, where the functions enclosing a node are those of the stack
// whose subtree contains it, and its parent is the cursor's.
func (x *indexer) inspect(root inspector.Cursor) {
	kinds := []ast.Node{
		(*ast.FuncDecl)(nil), (*ast.FuncLit)(nil), (*ast.SelectorExpr)(nil), (*ast.CallExpr)(nil),
		(*ast.CompositeLit)(nil), (*ast.ReturnStmt)(nil), (*ast.AssignStmt)(nil),
		(*ast.ValueSpec)(nil), (*ast.BinaryExpr)(nil), (*ast.SwitchStmt)(nil), (*ast.IncDecStmt)(nil),
		(*ast.UnaryExpr)(nil), (*ast.RangeStmt)(nil), (*ast.StructType)(nil), (*ast.IfStmt)(nil),
	}
	x.byCursor = true
	root.Inspect(kinds, func(c inspector.Cursor) bool {
		for len(x.funcCurs) > 0 && !x.funcCurs[len(x.funcCurs)-1].Contains(c) {
			x.pop()
		}
		x.cur = c
		x.visit(c.Node())
		return true
	})
	for len(x.stack) > 0 {
		x.pop() // the last functions of the last file
	}
}

// step enters n (push) or leaves the node entered last (n is nil from
// ast.Inspect, the same node from an inspector).
func (x *indexer) step(n ast.Node, push bool) {
	if !push {
		n, x.path = x.path[len(x.path)-1], x.path[:len(x.path)-1]
		x.leave(n)
		return
	}
	x.path = append(x.path, n)
	x.visit(n)
}

// An indexer is index's walk: the functions enclosing the node visited,
// innermost last, the path from the file down to it (ast.Inspect's walk)
// or its cursor (the inspector's), and the function literals bound to a
// variable at their definition.
type indexer struct {
	s        *state
	stack    []*funcInfo
	path     []ast.Node
	bindings []binding

	byCursor bool               // the inspector's traversal: cur, not path
	cur      inspector.Cursor   // the node visited
	funcCurs []inspector.Cursor // the cursors of stack's functions
}

// push opens fi, the function visited.
func (x *indexer) push(fi *funcInfo) {
	fi.first = int32(len(x.s.calls))
	x.stack = append(x.stack, fi)
	if x.byCursor {
		x.funcCurs = append(x.funcCurs, x.cur)
	}
}

// pop closes the innermost function: its calls end with the last call
// recorded.
func (x *indexer) pop() {
	x.stack[len(x.stack)-1].end = int32(len(x.s.calls))
	x.stack = x.stack[:len(x.stack)-1]
	if x.byCursor {
		x.funcCurs = x.funcCurs[:len(x.funcCurs)-1]
	}
}

// A binding is a function literal defining a variable: f := func() {...}.
type binding struct {
	lit *ast.FuncLit
	v   *types.Var
}

// top returns the innermost function enclosing the node visited.
func (x *indexer) top() *funcInfo {
	if len(x.stack) == 0 {
		return nil
	}
	return x.stack[len(x.stack)-1]
}

// leave is called after n's children: it closes a function.
func (x *indexer) leave(n ast.Node) {
	switch n.(type) {
	case *ast.FuncDecl, *ast.FuncLit:
		if len(x.stack) > 0 {
			x.pop()
		}
	}
}

// visit sees every node in preorder; it ignores the kinds it does not
// switch on.
func (x *indexer) visit(n ast.Node) {
	s := x.s
	switch n := n.(type) {
	case *ast.FuncDecl:
		if n.Body == nil {
			x.push(&funcInfo{node: n}) // keep push/pop balanced
			return
		}
		x.push(s.newFunc(n, x.top()))
	case *ast.FuncLit:
		x.push(s.newFunc(n, x.top()))
	case *ast.SelectorExpr:
		if isEnvFuncValueName(n.Sel.Name) {
			s.funcValues = append(s.funcValues, n)
		}
	case *ast.CallExpr:
		x.call(n)
	case *ast.CompositeLit:
		if s.isLibLit(n) {
			s.libLits = append(s.libLits, n)
		}
	case *ast.ReturnStmt:
		if fn := x.top(); fn != nil {
			fn.returns = append(fn.returns, n)
		}
	case *ast.AssignStmt:
		x.assign(n)
	case *ast.ValueSpec:
		x.valueSpec(n)
	case *ast.BinaryExpr, *ast.SwitchStmt:
		s.noteComparison(n)
	case *ast.IncDecStmt, *ast.UnaryExpr, *ast.RangeStmt:
		s.noteWrite(n)
	case *ast.StructType:
		s.indexFields(n)
	case *ast.IfStmt:
		if b, ok := ast.Unparen(n.Cond).(*ast.BinaryExpr); ok && b.Op == token.EQL {
			s.emptyIfs = append(s.emptyIfs, n)
		}
	}
}

// call records a call: in s.calls and in every enclosing function, with
// what the later passes look up by call (Environ's ancestors, os.Expand's
// mapping, parse calls, copy's destination).
func (x *indexer) call(n *ast.CallExpr) {
	s := x.s
	fn := x.top()
	s.noteCalled(n.Fun)
	if isEnvironName(n.Fun) {
		x.noteEnviron(n)
	}
	sel, isSel := ast.Unparen(n.Fun).(*ast.SelectorExpr)
	if isSel && sel.Sel.Name == "Expand" && len(n.Args) == 2 {
		s.noteCalled(n.Args[1]) // os.Expand's mapping: see expandCall
	}
	s.calls = append(s.calls, callSite{n, fn, typeutil.Callee(s.info, n)})
	s.atSite = len(s.calls) - 1
	if isSel && isParserName(sel.Sel.Name) {
		s.parseCalls = append(s.parseCalls, n)
		s.parseCall[n] = true
	}
	if len(n.Args) == 2 && s.callsBuiltin(n, "copy") {
		if v := s.baseVar(n.Args[0]); v != nil {
			s.vinfo(v).writes++ // copy(keys, other) writes keys
		}
	}
	if len(n.Args) == 2 {
		// os.Expand(s, func(name string) string { ... }): the literal is
		// a helper whose parameter is each name of s.
		if lit, ok := ast.Unparen(n.Args[1]).(*ast.FuncLit); ok {
			if f, ok := s.calleeFunc(n); ok && f.Name() == "Expand" && f.Pkg() != nil && f.Pkg().Path() == "os" {
				s.mappings[lit] = true
			}
		}
	}
}

// noteCalled records that fun is called. Only funcValues, the selectors
// named Getenv or LookupEnv, are ever asked about (collectRefs), so only
// those are kept: not a map entry per call of the package.
func (s *state) noteCalled(fun ast.Expr) {
	if sel, ok := ast.Unparen(fun).(*ast.SelectorExpr); ok && isEnvFuncValueName(sel.Sel.Name) {
		s.called[sel] = true
	}
}

// isEnvFuncValueName reports whether a selector named name is kept in
// funcValues.
func isEnvFuncValueName(name string) bool { return name == "Getenv" || name == "LookupEnv" }

// noteEnviron keeps the maxDepth nodes enclosing a call of Environ,
// innermost first: passedOn needs them, and the inspector is too dear to
// build for them alone. The path ends with the call.
func (x *indexer) noteEnviron(n *ast.CallExpr) {
	anc := make([]ast.Node, 0, maxDepth)
	if x.byCursor {
		// Up to the file, as the path below: not the inspector's root.
		for c := x.cur.Parent(); len(anc) < maxDepth && c.Node() != nil; c = c.Parent() {
			anc = append(anc, c.Node())
		}
	}
	for i := len(x.path) - 2; i >= 0 && len(anc) < maxDepth; i-- {
		anc = append(anc, x.path[i])
	}
	if x.s.environAnc == nil {
		x.s.environAnc = make(map[*ast.CallExpr][]ast.Node)
	}
	x.s.environAnc[n] = anc
}

// assign records what an assignment writes: the count of writes, the
// values set, v and ok of v, ok := f(...), and literals bound to v.
func (x *indexer) assign(n *ast.AssignStmt) {
	s := x.s
	if len(n.Lhs) == 2 && len(n.Rhs) == 1 && n.Tok == token.DEFINE {
		if v, ok := s.varOf(n.Lhs[0]), s.varOf(n.Lhs[1]); v != nil && ok != nil {
			s.okOf[v] = ok
		}
	}
	for i, lhs := range n.Lhs {
		v := s.varOf(lhs)
		if v == nil {
			// keys[i] = k writes keys.
			if b := s.baseVar(lhs); b != nil {
				s.vinfo(b).writes++
			}
			continue
		}
		vi := s.vinfo(v)
		vi.writes++
		switch {
		case len(n.Lhs) == len(n.Rhs):
			s.addSet(vi, varSet{n.Rhs[i], n})
		case len(n.Rhs) == 1:
			s.addSet(vi, varSet{n.Rhs[0], n})
		}
		if n.Tok == token.DEFINE && len(n.Lhs) == len(n.Rhs) {
			vi.def, vi.hasDef = n.Rhs[i], true
			x.bind(n.Rhs[i], v)
		}
	}
}

// valueSpec records what a var declaration writes, like assign.
func (x *indexer) valueSpec(n *ast.ValueSpec) {
	s := x.s
	for i, name := range n.Names {
		v, _ := s.info.Defs[name].(*types.Var)
		if v == nil {
			continue
		}
		vi := s.vinfo(v)
		vi.writes++
		if len(n.Values) == len(n.Names) {
			s.addSet(vi, varSet{n.Values[i], n})
			vi.def, vi.hasDef = n.Values[i], true
			x.bind(n.Values[i], v)
		}
	}
}

// bind notes value as bound to v when it is a function literal.
func (x *indexer) bind(value ast.Expr, v *types.Var) {
	if lit, ok := ast.Unparen(value).(*ast.FuncLit); ok {
		x.bindings = append(x.bindings, binding{lit, v})
	}
}

// noteComparison records the constants a variable is compared with, in
// x == c, x != c and the cases of switch x.
func (s *state) noteComparison(n ast.Node) {
	switch n := n.(type) {
	case *ast.BinaryExpr:
		if n.Op == token.EQL || n.Op == token.NEQ {
			s.noteCompared(n.X, n.Y)
			s.noteCompared(n.Y, n.X)
		}
	case *ast.SwitchStmt:
		if n.Tag != nil && n.Body != nil {
			for _, st := range n.Body.List {
				if cc, ok := st.(*ast.CaseClause); ok {
					s.noteCompared(n.Tag, cc.List...)
				}
			}
		}
	}
}

// noteWrite counts the writes of v++, &v (anything may write it) and the
// variables of a range clause.
func (s *state) noteWrite(n ast.Node) {
	switch n := n.(type) {
	case *ast.IncDecStmt:
		if v := s.baseVar(n.X); v != nil {
			s.vinfo(v).writes++
		}
	case *ast.UnaryExpr:
		if n.Op == token.AND {
			if v := s.baseVar(n.X); v != nil {
				s.vinfo(v).writes += 100 // address taken (of it or an element): anything may write it
			}
		}
	case *ast.RangeStmt:
		for i, e := range []ast.Expr{n.Key, n.Value} {
			if v := s.varOf(e); v != nil {
				s.vinfo(v).writes++
				if n.Tok == token.DEFINE {
					s.ranges[v] = rangeVar{x: n.X, key: i == 0}
				}
			}
		}
	}
}

// indexFields records the declaring node of each field of a struct type,
// embedded fields included.
func (s *state) indexFields(n *ast.StructType) {
	if n.Fields == nil {
		return
	}
	for _, f := range n.Fields.List {
		for _, name := range f.Names {
			if v, ok := s.info.Defs[name].(*types.Var); ok && v != nil {
				s.fields[v] = f
			}
		}
		if len(f.Names) == 0 {
			if id := embeddedIdent(f.Type); id != nil {
				if v, ok := s.info.Defs[id].(*types.Var); ok && v != nil {
					s.fields[v] = f
				}
			}
		}
	}
}

// bindLiterals makes a literal bound to a variable that is never
// reassigned callable by the variable's name.
func (s *state) bindLiterals(bindings []binding) {
	for _, b := range bindings {
		if s.writesOf(b.v) != 1 {
			continue
		}
		if fi := s.funcs[b.lit]; fi != nil && fi.obj == nil {
			fi.obj = b.v
			fi.name = b.v.Name()
			s.byObj[b.v] = fi
		}
	}
}

// isEnvironName reports whether fun, a call's Fun, names a function called
// Environ (os.Environ, syscall.Environ, Environ in package os).
func isEnvironName(fun ast.Expr) bool {
	switch f := ast.Unparen(fun).(type) {
	case *ast.Ident:
		return f.Name == "Environ"
	case *ast.SelectorExpr:
		return f.Sel.Name == "Environ"
	}
	return false
}

// newFunc records a function declaration or literal.
func (s *state) newFunc(n ast.Node, parent *funcInfo) *funcInfo {
	fi := &funcInfo{node: n, parent: parent}
	var ftype *ast.FuncType
	switch n := n.(type) {
	case *ast.FuncDecl:
		ftype = n.Type
		if fn, ok := s.info.Defs[n.Name].(*types.Func); ok && fn != nil {
			fi.obj = fn
			fi.name = FuncName(fn)
			fi.sig, _ = fn.Type().(*types.Signature)
			s.byObj[fn] = fi
		}
	case *ast.FuncLit:
		ftype = n.Type
		if tv, ok := s.info.Types[n]; ok {
			fi.sig, _ = tv.Type.(*types.Signature)
		}
	}
	if fi.sig != nil && fi.sig.Variadic() && fi.sig.Params().Len() > 0 {
		last := fi.sig.Params().At(fi.sig.Params().Len() - 1)
		if sl, ok := last.Type().Underlying().(*types.Slice); ok && isStringType(sl.Elem()) {
			s.variadic[last] = true
		}
	}
	fi.params = passutil.Params(s.info, ftype)
	s.funcs[n] = fi
	s.order = append(s.order, fi)
	return fi
}

// varOf returns the variable that e names, if e is an identifier.
func (s *state) varOf(e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || id.Name == "_" {
		return nil
	}
	if v, ok := s.info.Defs[id].(*types.Var); ok && v != nil {
		return v
	}
	if v, ok := s.info.Uses[id].(*types.Var); ok && v != nil {
		return v
	}
	return nil
}

// baseVar returns the variable whose value an assignment to e changes:
// v for v, v[i], v[i:j] and v[i][j].
func (s *state) baseVar(e ast.Expr) *types.Var {
	for range maxDepth {
		switch x := ast.Unparen(e).(type) {
		case *ast.IndexExpr:
			e = x.X
		case *ast.SliceExpr:
			e = x.X
		default:
			return s.varOf(e)
		}
	}
	return nil
}

// callsBuiltin reports whether call calls the predeclared function name,
// not a function or variable of the program that shadows it.
func (s *state) callsBuiltin(call *ast.CallExpr, name string) bool {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok || id.Name != name {
		return false
	}
	_, ok = s.info.Uses[id].(*types.Builtin)
	return ok
}

func embeddedIdent(e ast.Expr) *ast.Ident {
	for {
		switch t := e.(type) {
		case *ast.Ident:
			return t
		case *ast.StarExpr:
			e = t.X
		case *ast.SelectorExpr:
			return t.Sel
		case *ast.IndexExpr:
			e = t.X
		case *ast.IndexListExpr:
			e = t.X
		case *ast.ParenExpr:
			e = t.X
		default:
			return nil
		}
	}
}

// funcName writes fn as Via does: pkg.Func or pkg.Type.Method.
func FuncName(fn *types.Func) string {
	name := fn.Name()
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil {
		t := sig.Recv().Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		switch t := t.(type) {
		case *types.Named:
			name = t.Obj().Name() + "." + name
		case *types.Alias:
			name = t.Obj().Name() + "." + name
		}
	}
	if fn.Pkg() != nil {
		name = fn.Pkg().Name() + "." + name
	}
	return name
}

// add records a reference.
func (s *state) add(r Ref) {
	if r.Loader == "" {
		r.Loader = LoaderOS
	}
	s.refs = append(s.refs, r)
}

// sortRefs puts the references in source order and drops duplicates (a
// struct parsed twice yields its fields once).
func (s *state) sortRefs() {
	slices.SortStableFunc(s.refs, func(a, b Ref) int {
		if a.Pos != b.Pos {
			return int(a.Pos - b.Pos)
		}
		if a.End != b.End {
			return int(a.End - b.End)
		}
		if c := strings.Compare(a.Key, b.Key); c != 0 {
			return c
		}
		if a.Kind != b.Kind {
			return int(a.Kind) - int(b.Kind)
		}
		return strings.Compare(a.Field, b.Field)
	})
	s.refs = slices.CompactFunc(s.refs, func(a, b Ref) bool {
		return a.Pos == b.Pos && a.End == b.End && a.Key == b.Key && a.Kind == b.Kind &&
			a.Field == b.Field && a.Expr == b.Expr && a.Prefix == b.Prefix && a.Loader == b.Loader
	})
}

// fillPackageFact summarizes the package's references.
func (s *state) fillPackageFact(f *envPackage) {
	for _, r := range s.refs {
		switch {
		case r.Kind == Environ:
			f.Environ = f.Environ || !r.Passed
		case s.viperFolded(r):
			continue // the keys asked decide (viperProgram)
		case r.Dynamic || r.Kind == Prefix:
			if !r.Kind.IsRead() && r.Kind != Prefix {
				continue
			}
			if r.Prefix != "" {
				f.Prefixes = append(f.Prefixes, r.Prefix)
			} else {
				f.Unprefixed = true
			}
		case r.Kind.IsRead() && r.Key != "":
			f.Keys = append(f.Keys, r.Key)
		}
		if r.Kind.IsRead() && r.Alt != "" {
			f.Keys = append(f.Keys, r.Alt)
		}
		if r.Kind.IsRead() && r.Key != "" && !r.Dynamic && r.Type.Known() {
			f.Types = append(f.Types, KeyType{Key: r.Key, Type: r.Type, At: s.site(posNode(r.Pos))})
		}
	}
	for _, fi := range s.order {
		if fn, ok := fi.obj.(*types.Func); ok && fi.helper != nil && fn.Exported() {
			if _, direct := directKind(fn.FullName()); !direct {
				f.Helpers = true
			}
		}
	}
	if len(s.pass.Files) > 0 {
		f.Std = s.isStdPos(s.pass.Files[0].Pos())
	}
	f.Keys = sortedSet(f.Keys)
	f.Prefixes = sortedSet(f.Prefixes)
	f.Types = sortKeyTypes(f.Types)
}

// posNode is a node that starts at pos, for site.
type posNode token.Pos

func (p posNode) Pos() token.Pos { return token.Pos(p) }
func (p posNode) End() token.Pos { return token.Pos(p) }

func sortedSet(xs []string) []string {
	slices.Sort(xs)
	return slices.Compact(xs)
}

// program merges the package facts of every package of the program.
func (s *state) program(self *envPackage) *Program {
	p := new(Program)
	merge := func(path string, f *envPackage) {
		p.Keys = append(p.Keys, f.Keys...)
		p.Prefixes = append(p.Prefixes, f.Prefixes...)
		p.Types = append(p.Types, f.Types...)
		if f.Environ && !f.Std && countsAsEnviron(path) {
			p.Environ = append(p.Environ, path)
		}
		if f.Unprefixed {
			p.Unprefixed = append(p.Unprefixed, path)
		}
	}
	merge(s.pass.Pkg.Path(), self)
	for _, pf := range s.pass.AllPackageFacts() {
		f, ok := pf.Fact.(*envPackage)
		if !ok || pf.Package == nil || pf.Package == s.pass.Pkg {
			continue
		}
		merge(pf.Package.Path(), f)
	}
	s.viperProgram(p)
	p.Keys = sortedSet(p.Keys)
	p.Prefixes = sortedSet(p.Prefixes)
	p.Environ = sortedSet(p.Environ)
	p.Unprefixed = sortedSet(p.Unprefixed)
	p.Types = sortKeyTypes(p.Types)
	return p
}

// importedTypes returns the typed reads of every package the package
// imports, transitively.
func (s *state) importedTypes() []KeyType {
	var out []KeyType
	for _, pf := range s.pass.AllPackageFacts() {
		if f, ok := pf.Fact.(*envPackage); ok && pf.Package != s.pass.Pkg {
			out = append(out, f.Types...)
		}
	}
	return sortKeyTypes(out)
}

// countsAsEnviron reports whether a call of os.Environ in the package at
// path, outside the standard library (where os/exec passes the environment
// on to children), makes the program read every key: not in
// golang.org/x/sys (unix.Environ wraps syscall.Environ) nor in the
// struct-tag loaders, which snapshot it to look their keys up one by one.
func countsAsEnviron(path string) bool {
	for _, m := range []string{"golang.org/x/sys", "github.com/caarlos0/env", "github.com/kelseyhightower/envconfig",
		"github.com/mstoykov/envconfig", "github.com/sethvargo/go-envconfig", "github.com/spf13/viper"} {
		if path == m || strings.HasPrefix(path, m+"/") {
			return false
		}
	}
	return !inConfigLib(path)
}

// isStdPos reports whether pos lies in the standard library's source.
func (s *state) isStdPos(pos token.Pos) bool {
	return passutil.InGOROOT(s.pass.Fset, pos)
}
