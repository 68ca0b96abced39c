package dbpool

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/envvet/envvet/internal/analysisdoc"
	"github.com/envvet/envvet/internal/lazyinspect"
	"github.com/envvet/envvet/internal/manifest"
	"github.com/envvet/envvet/internal/passutil"
	"github.com/envvet/envvet/internal/relpos"
	"github.com/envvet/envvet/internal/report"
)

//go:embed doc.go
var doc string

const docURL = "https://github.com/envvet/envvet#dbpool"

// Diagnostic categories, one per rule; they are also the names of the
// flags that turn the rules off.
const (
	catShared    = "shared"
	catIsolation = "isolation"
	catPerCall   = "per-call"
	catNoLimit   = "nolimit"
)

// Config is dbpool's settings. JSON names are flag names: -dbpool.isolate
// is golangci-lint's "isolate" and envvet.yaml's dbpool.isolate.
type Config struct {
	// Isolate lists import path patterns ("example.com/app/billing/...",
	// or "./billing/..." relative to the main module); packages matching
	// different patterns must not share a pool.
	Isolate []string `json:"isolate"`
	// Each rule is on unless set to false.
	Shared    *bool `json:"shared"`
	Isolation *bool `json:"isolation"`
	PerCall   *bool `json:"per-call"`
	NoLimit   *bool `json:"nolimit"`

	// Report adjusts reporting for drivers; it has no flag or setting.
	Report report.Options `json:"-"`
	// Overlay supplies unsaved manifest contents (an editor's buffers);
	// it has no flag or setting.
	Overlay manifest.Overlay `json:"-"`
}

// Analyzer is dbpool with its default settings (every rule on, no isolation).
var Analyzer = New(Config{})

type checker struct {
	isolate                             []string
	shared, isolation, perCall, noLimit bool

	// manifests gives envvet.yaml's dbpool.isolate, used when no
	// -dbpool.isolate is set.
	manifests manifest.Cache
}

// New returns a fresh dbpool analyzer whose flags write into its own copy of cfg.
func New(cfg Config) *analysis.Analyzer {
	on := func(b *bool) bool { return b == nil || *b }
	c := &checker{
		isolate:   slices.Clone(cfg.Isolate),
		shared:    on(cfg.Shared),
		isolation: on(cfg.Isolation),
		perCall:   on(cfg.PerCall),
		noLimit:   on(cfg.NoLimit),
	}
	c.manifests.Overlay = cfg.Overlay
	a := &analysis.Analyzer{
		Name:             "dbpool",
		Doc:              analysisdoc.MustExtract(doc, "dbpool"),
		URL:              docURL,
		Requires:         []*analysis.Analyzer{lazyinspect.Analyzer},
		Run:              report.Wrap("dbpool", c.run, cfg.Report),
		RunDespiteErrors: true,
		FactTypes:        []analysis.Fact{new(poolParams), new(poolResult), new(opensOwnPool), new(pkgPools)},
	}
	a.Flags.Func("isolate", "comma-separated import path patterns whose packages must not share a pool (e.g. example.com/app/billing/...,./users/...)", func(s string) error {
		c.isolate = nil
		for p := range strings.SplitSeq(s, ",") {
			if p = strings.TrimSpace(p); p != "" {
				c.isolate = append(c.isolate, p)
			}
		}
		return nil
	})
	a.Flags.BoolVar(&c.shared, catShared, c.shared, "report a package-level pool that functions in two or more other packages use")
	a.Flags.BoolVar(&c.isolation, catIsolation, c.isolation, "report a pool used by packages that match different -isolate patterns")
	a.Flags.BoolVar(&c.perCall, catPerCall, c.perCall, "report a pool opened in an HTTP handler or a loop")
	a.Flags.BoolVar(&c.noLimit, catNoLimit, c.noLimit, "report a pool that nothing in the program limits with SetMaxOpenConns")
	return a
}

// Knowledge of the pool APIs, keyed by (*types.Func).FullName.
var (
	// openers create a pool, returned as result 0.
	openers = map[string]string{
		"database/sql.Open":                      "sql.Open",
		"database/sql.OpenDB":                    "sql.OpenDB",
		"github.com/jmoiron/sqlx.Open":           "sqlx.Open",
		"github.com/jmoiron/sqlx.Connect":        "sqlx.Connect",
		"github.com/jmoiron/sqlx.ConnectContext": "sqlx.ConnectContext",
		"github.com/jmoiron/sqlx.MustOpen":       "sqlx.MustOpen",
		"github.com/jmoiron/sqlx.MustConnect":    "sqlx.MustConnect",
		"gorm.io/gorm.Open":                      "gorm.Open",
	}
	// configMethods touch the pool without using a connection for the
	// caller's own queries.
	configMethods = map[string]bool{
		"(*database/sql.DB).SetMaxIdleConns":    true,
		"(*database/sql.DB).SetConnMaxLifetime": true,
		"(*database/sql.DB).SetConnMaxIdleTime": true,
		"(*database/sql.DB).Ping":               true,
		"(*database/sql.DB).PingContext":        true,
		"(*database/sql.DB).Stats":              true,
		"(*database/sql.DB).Driver":             true,
	}
)

const (
	setMaxOpen = "(*database/sql.DB).SetMaxOpenConns"
	closeDB    = "(*database/sql.DB).Close"
	gormDB     = "(*gorm.io/gorm.DB).DB" // returns (*sql.DB, error): the same pool
	sqlxNewDb  = "github.com/jmoiron/sqlx.NewDb"
)

// isPoolType reports whether t is *sql.DB, *sqlx.DB or *gorm.DB.
func isPoolType(t types.Type) bool {
	ptr, ok := types.Unalias(t).(*types.Pointer)
	if !ok {
		return false
	}
	named, ok := types.Unalias(ptr.Elem()).(*types.Named)
	if !ok || named.Obj().Pkg() == nil || named.Obj().Name() != "DB" {
		return false
	}
	switch named.Obj().Pkg().Path() {
	case "database/sql", "github.com/jmoiron/sqlx", "gorm.io/gorm":
		return true
	}
	return false
}

// holdsNoPool reports whether a package other than a main package can
// neither hold nor pass a pool: no expression of it (a value, a type, a
// call's results, a function value) has a pool type, and it calls no
// function that opens a pool of its own. Such a package (a driver that
// only calls sql.Register, a library that imports database/sql for
// sql.ErrNoRows) has nothing to report and no fact to export: pools reach
// other packages only through values of their type. Main packages run
// regardless: they judge the whole program from the facts.
func holdsNoPool(pass *analysis.Pass) bool {
	if pass.TypesInfo == nil || pass.Pkg.Name() == "main" {
		return false
	}
	for _, tv := range pass.TypesInfo.Types {
		if mentionsPool(tv.Type) {
			return false
		}
	}
	for _, obj := range pass.TypesInfo.Uses {
		fn, ok := obj.(*types.Func)
		if !ok || fn.Pkg() == nil || fn.Pkg() == pass.Pkg {
			continue
		}
		var own opensOwnPool
		if pass.ImportObjectFact(fn.Origin(), &own) {
			return false
		}
	}
	return true
}

// mentionsPool reports whether t is a pool type, a pool's named type, or
// a tuple or function signature with a pool among its components.
func mentionsPool(t types.Type) bool {
	switch t := types.Unalias(t).(type) {
	case nil:
		return false
	case *types.Tuple:
		for i := range t.Len() {
			if mentionsPool(t.At(i).Type()) {
				return true
			}
		}
		return false
	case *types.Signature:
		return mentionsPool(t.Params()) || mentionsPool(t.Results())
	case *types.Named:
		return isPoolType(types.NewPointer(t))
	}
	return isPoolType(t)
}

// state is one pass's working memory.
type state struct {
	c           *checker
	pass        *analysis.Pass
	info        *types.Info
	root        inspector.Cursor
	decls       map[*types.Func]*ast.FuncDecl
	declCur     map[*ast.FuncDecl]inspector.Cursor
	imports     []*types.Package  // allImports(pass.Pkg), computed on first use
	mainCallees map[ast.Node]bool // see mainLifetime
	sums        map[*types.Func]*summary
	uses        map[*types.Var][]inspector.Cursor // uses of local variables
	slots       map[string]*slotFact
	owner       map[*types.Var]string // struct type name of a field
	done        []*value              // opened pools that did not leave their function
	rel         *relpos.Files         // resolves positions kept in facts
}

// A summary is what a function of this package does with pools.
type summary struct {
	busy, done bool
	params     []paramFate
	results    []poolResult
	own        *opensOwnPool
}

// A value is one pool followed through one function: a pool opened there,
// received from a callee, passed in as a parameter, or read from a slot.
type value struct {
	pos      token.Pos
	site     string // "sql.Open in store.Open"
	opener   string // "sql.Open" when the function opens the pool itself
	call     inspector.Cursor
	fn       ast.Node // the *ast.FuncDecl followed; nil at package level
	vars     []*types.Var
	f        fate
	touched  bool // used other than configured, compared or returned
	perCall  bool // reported by rule 3
	stored   bool // stored somewhere other than a local variable
	closed   bool
	returned []int
}

func (c *checker) run(pass *analysis.Pass) (any, error) {
	if passutil.IsTestMain(pass) {
		return nil, nil // go test's generated main: not the program
	}
	// Fast path: every pool type (sql, sqlx, gorm) is built on
	// database/sql, so a package that does not import it, directly or
	// indirectly, and sees no dbpool fact of a dependency (export data
	// may list fewer imports than the source) holds no pool and has no
	// fact to export.
	if !importsSQL(pass.Pkg, map[*types.Package]bool{}) && len(pass.AllPackageFacts()) == 0 && len(pass.AllObjectFacts()) == 0 {
		return nil, nil
	}
	if holdsNoPool(pass) {
		return nil, nil
	}
	l, ok := pass.ResultOf[lazyinspect.Analyzer].(*lazyinspect.Inspector)
	if !ok {
		return nil, nil
	}
	in := l.Get()
	st := &state{
		c: c, pass: pass, info: pass.TypesInfo, root: in.Root(), rel: relpos.New(pass),
		decls:   map[*types.Func]*ast.FuncDecl{},
		declCur: map[*ast.FuncDecl]inspector.Cursor{},
		sums:    map[*types.Func]*summary{},
		uses:    map[*types.Var][]inspector.Cursor{},
		slots:   map[string]*slotFact{},
		owner:   map[*types.Var]string{},
	}
	if st.info == nil {
		return nil, nil
	}
	// Top-level declarations, in source order.
	var top []inspector.Cursor
	for f := range st.root.Children() {
		for d := range f.Children() {
			switch n := d.Node().(type) {
			case *ast.FuncDecl:
				if fn, ok := st.info.Defs[n.Name].(*types.Func); ok {
					st.decls[fn] = n
					st.declCur[n] = d
				}
				top = append(top, d)
			case *ast.GenDecl:
				top = append(top, d)
			}
		}
	}
	for cur := range st.root.Preorder((*ast.Ident)(nil)) {
		if v, ok := st.info.Uses[cur.Node().(*ast.Ident)].(*types.Var); ok && !v.IsField() && !isPkgVar(v) {
			st.uses[v] = append(st.uses[v], cur)
		}
	}

	// Functions, in source order; callees of this package are summarized on demand.
	for _, d := range top {
		switch n := d.Node().(type) {
		case *ast.FuncDecl:
			if fn, ok := st.info.Defs[n.Name].(*types.Func); ok {
				st.summary(fn)
			}
		case *ast.GenDecl:
			st.followSources(d, nil)
		}
	}
	st.slotRefs()
	st.exportFacts()
	st.decide()
	return nil, nil
}

// summary returns the summary of fn, a function of this package, computing
// it on first use. A recursive call sees an empty summary.
func (st *state) summary(fn *types.Func) *summary {
	fn = fn.Origin()
	s := st.sums[fn]
	if s == nil {
		s = &summary{}
		st.sums[fn] = s
	}
	if s.busy || s.done {
		return s
	}
	decl := st.decls[fn]
	if decl == nil || decl.Body == nil {
		s.done = true
		return s
	}
	cur, ok := st.declCur[decl]
	if !ok {
		s.done = true
		return s
	}
	s.busy = true
	defer func() { s.busy, s.done = false, true }()

	// Accessors: results that return a pool variable or field directly.
	for rc := range cur.Preorder((*ast.ReturnStmt)(nil)) {
		if enclosingFunc(rc) != ast.Node(decl) {
			continue
		}
		for i, r := range rc.Node().(*ast.ReturnStmt).Results {
			if slot := st.slotExpr(r); slot != nil {
				s.results = append(s.results, poolResult{Index: i, Slot: slot.Key})
			}
		}
	}

	// Parameters.
	sig, _ := fn.Type().(*types.Signature)
	if sig != nil {
		for i := 0; i < sig.Params().Len(); i++ {
			p := sig.Params().At(i)
			if !isPoolType(p.Type()) {
				continue
			}
			v := &value{fn: decl, vars: []*types.Var{p}}
			st.follow(v)
			f := v.f
			if len(v.returned) > 0 {
				f.Escapes = true
			}
			s.params = append(s.params, paramFate{Index: i, Fate: f})
		}
	}

	// Pools opened or received inside.
	vals := st.followSources(cur, decl)
	for _, v := range vals {
		if len(v.returned) == 0 {
			continue
		}
		for _, i := range v.returned {
			if slices.ContainsFunc(s.results, func(r poolResult) bool { return r.Index == i }) {
				continue
			}
			s.results = append(s.results, poolResult{Index: i, Site: v.site, Fate: v.f})
		}
	}
	slices.SortFunc(s.results, func(a, b poolResult) int { return a.Index - b.Index })

	// Rule 3's helper fact: a pool opened and closed on every call.
	if !isHandler(st.info, decl.Type) {
		s.own = st.ownPool(cur, decl, vals)
	}
	return s
}

// followSources finds the pools opened or received under cur and follows
// each; those that stay in the function are kept for decide.
func (st *state) followSources(cur inspector.Cursor, decl *ast.FuncDecl) []*value {
	var vals []*value
	for cc := range cur.Preorder((*ast.CallExpr)(nil)) {
		call := cc.Node().(*ast.CallExpr)
		callee := typeutil.StaticCallee(st.info, call)
		if callee == nil {
			continue
		}
		callee = callee.Origin()
		where := "package initialization"
		if decl != nil {
			where = funcName(st.pass.Pkg, decl)
		}
		if name, ok := openers[callee.FullName()]; ok {
			v := &value{pos: call.Pos(), site: name + " in " + where, opener: name, call: cc, fn: decl}
			st.bindResult(cc, 0, v)
			st.follow(v)
			st.perCall(v)
			vals = append(vals, v)
			continue
		}
		for _, r := range st.results(callee) {
			if r.Slot != "" {
				continue // an accessor: see slotRefs
			}
			v := &value{pos: call.Pos(), site: r.Site, call: cc, fn: decl, f: r.Fate}
			st.bindResult(cc, r.Index, v)
			st.follow(v)
			vals = append(vals, v)
		}
		if own := st.ownOf(callee); own != nil && st.c.perCall {
			st.perCallHelper(cc, callee, own)
		}
	}
	for _, v := range vals {
		if len(v.returned) == 0 {
			st.done = append(st.done, v)
		}
	}
	return vals
}

// bindResult classifies the use of result i of the call at cc.
func (st *state) bindResult(cc inspector.Cursor, i int, v *value) {
	call := cc.Node().(*ast.CallExpr)
	tuple := false
	if tv, ok := st.info.Types[call]; ok {
		if t, ok := tv.Type.(*types.Tuple); ok && t.Len() > 1 {
			tuple = true
		}
	}
	if !tuple {
		if i == 0 {
			st.classify(cc, v)
		}
		return
	}
	// Have: a, b := f() or return f() or var a, b = f().
	k, _ := cc.ParentEdge()
	switch k {
	case edge.AssignStmt_Rhs:
		as := cc.Parent().Node().(*ast.AssignStmt)
		if len(as.Rhs) == 1 && i < len(as.Lhs) {
			st.store(as.Lhs[i], v)
		}
	case edge.ValueSpec_Values:
		vs := cc.Parent().Node().(*ast.ValueSpec)
		if len(vs.Values) == 1 && i < len(vs.Names) {
			st.store(vs.Names[i], v)
		}
	case edge.ReturnStmt_Results:
		if enclosingFunc(cc) == v.fn && v.fn != nil {
			v.returned = append(v.returned, i)
		} else {
			v.f.Escapes, v.stored = true, true
		}
	default:
		v.f.Escapes, v.stored = true, true
	}
}

// follow classifies every use of the local variables holding v, including
// the aliases found on the way.
func (st *state) follow(v *value) {
	for i := 0; i < len(v.vars); i++ {
		for _, u := range st.uses[v.vars[i]] {
			st.classify(u, v)
		}
	}
}

func (v *value) use(pkg string) {
	v.touched = true
	v.f.Users = addAll(v.f.Users, pkg)
}

// classify records what the expression at cur, which evaluates to v's
// pool, does with it.
func (st *state) classify(cur inspector.Cursor, v *value) {
	pkg := st.pass.Pkg.Path()
	if v.call.Valid() {
		// A goroutine that uses the pool may outlive the request or
		// iteration that opened it.
		for g := range cur.Enclosing((*ast.GoStmt)(nil)) {
			if !g.Contains(v.call) {
				v.stored = true
			}
			break
		}
	}
	for {
		parent := cur.Parent()
		k, idx := cur.ParentEdge()
		switch k {
		case edge.ParenExpr_X:
			cur = parent
			continue

		case edge.UnaryExpr_X:
			// &T{...}: the same struct.
			if u := parent.Node().(*ast.UnaryExpr); u.Op == token.AND {
				if _, ok := cur.Node().(*ast.CompositeLit); ok {
					cur = parent
					continue
				}
			}
			v.use(pkg)
			v.f.Escapes, v.stored = true, true
			return

		case edge.SelectorExpr_X:
			if st.member(parent, v) {
				cur = parent // sqlx.DB's embedded *sql.DB: the same pool
				continue
			}
			return

		case edge.CallExpr_Args:
			st.argument(parent, idx, v)
			return

		case edge.ReturnStmt_Results:
			if v.fn != nil && enclosingFunc(cur) == v.fn {
				v.returned = append(v.returned, idx)
			} else {
				v.use(pkg) // returned from a closure: not followed
				v.f.Escapes, v.stored = true, true
			}
			return

		case edge.AssignStmt_Rhs:
			as := parent.Node().(*ast.AssignStmt)
			if len(as.Lhs) == len(as.Rhs) {
				st.store(as.Lhs[idx], v)
			} else {
				v.use(pkg)
				v.f.Escapes, v.stored = true, true
			}
			return

		case edge.ValueSpec_Values:
			vs := parent.Node().(*ast.ValueSpec)
			if len(vs.Names) == len(vs.Values) {
				st.store(vs.Names[idx], v)
			}
			return

		case edge.KeyValueExpr_Value:
			kv := parent.Node().(*ast.KeyValueExpr)
			if key, ok := kv.Key.(*ast.Ident); ok {
				if f, ok := st.info.Uses[key].(*types.Var); ok && f.IsField() {
					st.storeField(f, v)
					v.f.Held = v.f.Held || st.holderEscapes(parent.Parent(), nil, v)
					return
				}
			}
			v.use(pkg)
			v.f.Escapes, v.stored = true, true
			return

		case edge.CompositeLit_Elts:
			lit := parent.Node().(*ast.CompositeLit)
			if tv, ok := st.info.Types[lit]; ok {
				if s, ok := tv.Type.Underlying().(*types.Struct); ok && idx < s.NumFields() {
					st.storeField(s.Field(idx), v)
					v.f.Held = v.f.Held || st.holderEscapes(parent, nil, v)
					return
				}
			}
			v.use(pkg)
			v.f.Escapes, v.stored = true, true
			return

		case edge.BinaryExpr_X, edge.BinaryExpr_Y, edge.ExprStmt_X, edge.AssignStmt_Lhs:
			return // compared with nil, discarded, or assigned to

		default:
			v.use(pkg)
			v.f.Escapes, v.stored = true, true
			return
		}
	}
}

// member classifies the selection x.m at cur, where x evaluates to v's
// pool, possibly through embedded fields. It reports whether x.m is the
// same pool (an embedded *sql.DB), to be followed further.
func (st *state) member(cur inspector.Cursor, v *value) bool {
	pkg := st.pass.Pkg.Path()
	sel := cur.Node().(*ast.SelectorExpr)
	s, ok := st.info.Selections[sel]
	if !ok {
		v.use(pkg)
		return false
	}
	if s.Kind() == types.FieldVal {
		if isPoolType(s.Type()) {
			return true
		}
		v.use(pkg)
		return false
	}
	fn, _ := s.Obj().(*types.Func)
	if fn == nil || cur.ParentEdgeKind() != edge.CallExpr_Fun {
		v.use(pkg) // a method value
		return false
	}
	call := cur.Parent().Node().(*ast.CallExpr)
	switch name := fn.FullName(); {
	case name == setMaxOpen:
		v.f.Limited = true
		if len(call.Args) == 1 {
			if tv, ok := st.info.Types[call.Args[0]]; ok && tv.Value != nil {
				if n, ok := constant.Int64Val(constant.ToInt(tv.Value)); ok && n > 0 && int(n) > v.f.Max {
					v.f.Max = int(n)
				}
			}
		}
	case configMethods[name]:
	case name == closeDB:
		v.closed = true
	case name == gormDB:
		st.bindResult(cur.Parent(), 0, v)
	default:
		v.use(pkg)
	}
	return false
}

// embeddedPool returns the pool-typed field through which the selection
// at sel is promoted (x.SetMaxOpenConns where x's struct embeds *sql.DB),
// or nil. Selections on a pool type itself are followed as values.
func (st *state) embeddedPool(sel *ast.SelectorExpr) *types.Var {
	s, ok := st.info.Selections[sel]
	if !ok || len(s.Index()) < 2 || isPoolType(s.Recv()) {
		return nil
	}
	t := s.Recv()
	for _, i := range s.Index()[:len(s.Index())-1] {
		if p, ok := types.Unalias(t).(*types.Pointer); ok {
			t = p.Elem()
		}
		str, ok := t.Underlying().(*types.Struct)
		if !ok || i < 0 || i >= str.NumFields() {
			return nil
		}
		f := str.Field(i)
		if isPoolType(f.Type()) {
			return f
		}
		t = f.Type()
	}
	return nil
}

// argument classifies v's pool passed as argument idx of the call at cc.
func (st *state) argument(cc inspector.Cursor, idx int, v *value) {
	pkg := st.pass.Pkg.Path()
	call := cc.Node().(*ast.CallExpr)
	if tv, ok := st.info.Types[call.Fun]; ok && tv.IsType() {
		st.classify(cc, v) // a conversion: the same pool
		return
	}
	callee := typeutil.StaticCallee(st.info, call)
	if callee == nil {
		v.use(pkg) // a builtin such as append, a func value or an interface method
		v.f.Escapes, v.stored = true, true
		return
	}
	callee = callee.Origin()
	if callee.FullName() == sqlxNewDb && idx == 0 {
		st.classify(cc, v) // sqlx.NewDb wraps the same pool
		return
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if s, ok := st.info.Selections[sel]; ok && s.Kind() == types.MethodExpr {
			v.use(pkg)
			v.f.Escapes = true
			return
		}
	}
	sig, _ := callee.Type().(*types.Signature)
	if sig == nil || (sig.Variadic() && idx >= sig.Params().Len()-1) {
		v.use(pkg)
		v.f.Escapes = true
		return
	}
	f, ok := st.params(callee, idx)
	if !ok {
		v.use(pkg)
		v.f.Escapes = true
		return
	}
	// Passing the pool to a function that can be followed is injection:
	// the callee's package is the user, not this one.
	v.f.merge(f)
}

// store classifies an assignment of v's pool to lhs.
func (st *state) store(lhs ast.Expr, v *value) {
	pkg := st.pass.Pkg.Path()
	switch lhs := ast.Unparen(lhs).(type) {
	case *ast.Ident:
		if lhs.Name == "_" {
			return
		}
		vr, ok := st.info.ObjectOf(lhs).(*types.Var)
		if !ok {
			return
		}
		if isPkgVar(vr) {
			if slot := st.slotOfVar(vr); slot != nil {
				v.f.Slots = addAll(v.f.Slots, slot.Key)
				v.stored = true
			}
			return
		}
		if !slices.Contains(v.vars, vr) {
			v.vars = append(v.vars, vr)
		}
		return
	case *ast.SelectorExpr:
		if s, ok := st.info.Selections[lhs]; ok {
			if f, ok := s.Obj().(*types.Var); ok && s.Kind() == types.FieldVal {
				st.storeField(f, v)
				// Have: x.f = pool. The struct stays here only if x is a
				// variable declared in this function's body.
				held := true
				if x, ok := ast.Unparen(lhs.X).(*ast.Ident); ok && len(s.Index()) == 1 {
					if vr, ok := st.info.Uses[x].(*types.Var); ok && st.declaredInBody(vr, v.fn) {
						held = st.holderEscapes(inspector.Cursor{}, vr, v)
					}
				}
				v.f.Held = v.f.Held || held
				return
			}
		} else if vr, ok := st.info.Uses[lhs.Sel].(*types.Var); ok && isPkgVar(vr) {
			if slot := st.slotOfVar(vr); slot != nil {
				v.f.Slots = addAll(v.f.Slots, slot.Key)
				v.stored = true
			}
			return
		}
	}
	v.use(pkg)
	v.f.Escapes, v.stored = true, true
}

// storeField classifies a store of v's pool into struct field f.
func (st *state) storeField(f *types.Var, v *value) {
	v.stored = true
	v.use(st.pass.Pkg.Path())
	if slot := st.slotOfField(f); slot != nil && isPoolType(f.Type()) {
		v.f.Slots = addAll(v.f.Slots, slot.Key)
		return
	}
	v.f.Escapes = true
}

// holderEscapes reports whether the struct that now holds v's pool, the
// composite literal at lit or the local variable x, leaves the function:
// returned, stored, or passed to code that cannot be followed.
func (st *state) holderEscapes(lit inspector.Cursor, x *types.Var, v *value) bool {
	h := &value{fn: v.fn}
	if x != nil {
		h.vars = []*types.Var{x}
	} else if lit.Valid() {
		st.classify(lit, h)
	}
	st.follow(h)
	return len(h.returned) > 0 || h.f.Escapes || h.stored || len(h.f.Slots) > 0 || h.f.Held
}

// declaredInBody reports whether vr is declared in the body of fn (not a
// parameter or receiver).
func (st *state) declaredInBody(vr *types.Var, fn ast.Node) bool {
	fd, ok := fn.(*ast.FuncDecl)
	return ok && fd.Body != nil && vr.Pos() >= fd.Body.Pos() && vr.Pos() < fd.Body.End()
}

// params returns the fate of the pool passed as parameter idx of callee.
func (st *state) params(callee *types.Func, idx int) (fate, bool) {
	if callee.Pkg() == st.pass.Pkg {
		s := st.summary(callee)
		if s.busy {
			return fate{}, true // recursion: nothing more to learn
		}
		for _, p := range s.params {
			if p.Index == idx {
				return p.Fate, true
			}
		}
		return fate{}, false
	}
	var pf poolParams
	if st.pass.ImportObjectFact(callee, &pf) {
		return pf.param(idx)
	}
	return fate{}, false
}

// results returns what callee returns of pools.
func (st *state) results(callee *types.Func) []poolResult {
	if callee.Pkg() == st.pass.Pkg {
		return st.summary(callee).results
	}
	var rs []poolResult
	var r poolResult
	if st.pass.ImportObjectFact(callee, &r) {
		rs = append(rs, r)
	}
	return rs
}

func (st *state) ownOf(callee *types.Func) *opensOwnPool {
	if callee.Pkg() == st.pass.Pkg {
		return st.summary(callee).own
	}
	var o opensOwnPool
	if st.pass.ImportObjectFact(callee, &o) {
		return &o
	}
	return nil
}

// slotExpr returns the slot that e reads directly, or nil.
func (st *state) slotExpr(e ast.Expr) *slotFact {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if vr, ok := st.info.Uses[e].(*types.Var); ok && isPkgVar(vr) && isPoolType(vr.Type()) {
			return st.slotOfVar(vr)
		}
	case *ast.SelectorExpr:
		if s, ok := st.info.Selections[e]; ok {
			if f, ok := s.Obj().(*types.Var); ok && s.Kind() == types.FieldVal && isPoolType(f.Type()) {
				return st.slotOfField(f)
			}
			return nil
		}
		if vr, ok := st.info.Uses[e.Sel].(*types.Var); ok && isPkgVar(vr) && isPoolType(vr.Type()) {
			return st.slotOfVar(vr)
		}
	case *ast.CallExpr:
		if callee := typeutil.StaticCallee(st.info, e); callee != nil {
			for _, r := range st.results(callee.Origin()) {
				if r.Index == 0 && r.Slot != "" {
					return st.slotByKey(r.Slot)
				}
			}
		}
	}
	return nil
}

// slotRefs follows every read of a pool variable or field in the package,
// and every call of an accessor that returns one.
func (st *state) slotRefs() {
	merge := func(slot *slotFact, v *value, at ast.Node) {
		if v.touched {
			slot.Reach = true
			if slot.Use == "" {
				slot.Use = relpos.Format(st.pass.Fset, at.Pos())
			}
		}
		slot.Users = addAll(slot.Users, v.f.Users...)
		if v.f.Limited {
			slot.Limited = true
			slot.Max = max(slot.Max, v.f.Max)
		}
	}
	for cur := range st.root.Preorder((*ast.Ident)(nil)) {
		id := cur.Node().(*ast.Ident)
		vr, ok := st.info.Uses[id].(*types.Var)
		if !ok || !isPoolType(vr.Type()) || !(vr.IsField() || isPkgVar(vr)) {
			continue
		}
		expr := cur
		if cur.ParentEdgeKind() == edge.SelectorExpr_Sel {
			expr = cur.Parent()
		} else if vr.IsField() {
			continue // a composite literal key or an embedded field
		}
		if k := expr.ParentEdgeKind(); k == edge.AssignStmt_Lhs || k == edge.ReturnStmt_Results && isAccessorReturn(expr) {
			continue
		}
		var slot *slotFact
		if vr.IsField() {
			slot = st.slotOfField(vr)
		} else {
			slot = st.slotOfVar(vr)
		}
		if slot == nil {
			continue
		}
		v := &value{fn: outerFuncDecl(cur)}
		st.classify(expr, v)
		st.follow(v)
		merge(slot, v, expr.Node())
	}
	for cur := range st.root.Preorder((*ast.SelectorExpr)(nil)) {
		f := st.embeddedPool(cur.Node().(*ast.SelectorExpr))
		if f == nil {
			continue
		}
		slot := st.slotOfField(f)
		if slot == nil {
			continue
		}
		// Have: x.m, promoted from the pool that x embeds.
		v := &value{fn: outerFuncDecl(cur)}
		if st.member(cur, v) {
			st.classify(cur, v)
		}
		st.follow(v)
		merge(slot, v, cur.Node())
	}
	for cc := range st.root.Preorder((*ast.CallExpr)(nil)) {
		callee := typeutil.StaticCallee(st.info, cc.Node().(*ast.CallExpr))
		if callee == nil {
			continue
		}
		for _, r := range st.results(callee.Origin()) {
			if r.Slot == "" {
				continue
			}
			if r.Index == 0 && isAccessorReturn(cc) && cc.ParentEdgeKind() == edge.ReturnStmt_Results {
				continue
			}
			slot := st.slotByKey(r.Slot)
			if slot == nil {
				continue
			}
			v := &value{fn: outerFuncDecl(cc)}
			st.bindResult(cc, r.Index, v)
			st.follow(v)
			merge(slot, v, cc.Node())
		}
	}
}

// isAccessorReturn reports whether cur is a result of a return statement
// of a declared function (not of a closure).
func isAccessorReturn(cur inspector.Cursor) bool {
	if cur.ParentEdgeKind() != edge.ReturnStmt_Results {
		return false
	}
	_, ok := enclosingFunc(cur).(*ast.FuncDecl)
	return ok
}

func (st *state) slotOfVar(vr *types.Var) *slotFact {
	if vr.Pkg() == nil {
		return nil
	}
	return st.slot(vr.Pkg(), vr.Name(), "", vr.Pos())
}

func (st *state) slotOfField(f *types.Var) *slotFact {
	f = f.Origin()
	if f.Pkg() == nil {
		return nil
	}
	name, ok := st.owner[f]
	if !ok {
		scope := f.Pkg().Scope()
		for _, n := range scope.Names() {
			tn, ok := scope.Lookup(n).(*types.TypeName)
			if !ok {
				continue
			}
			if s, ok := tn.Type().Underlying().(*types.Struct); ok {
				for i := 0; i < s.NumFields(); i++ {
					if s.Field(i) == f {
						name = tn.Name()
					}
				}
			}
		}
		st.owner[f] = name
	}
	if name == "" {
		return nil // a field of an unnamed or local struct type
	}
	return st.slot(f.Pkg(), name, f.Name(), f.Pos())
}

func (st *state) slot(pkg *types.Package, obj, field string, pos token.Pos) *slotFact {
	key := pkg.Path() + "." + obj
	name := pkg.Name() + "." + obj
	if field != "" {
		key += "." + field
		name += "." + field
	}
	s := st.slots[key]
	if s == nil {
		s = &slotFact{Key: key, Name: name, PkgPath: pkg.Path(), Obj: obj, Field: field}
		if pkg == st.pass.Pkg && pos.IsValid() {
			s.Decl = st.posString(pos)
		}
		st.slots[key] = s
	}
	return s
}

func (st *state) slotByKey(key string) *slotFact {
	if s := st.slots[key]; s != nil {
		return s
	}
	// A slot first met through an imported accessor: find its object.
	for _, p := range st.packages() {
		rest, ok := strings.CutPrefix(key, p.Path()+".")
		if !ok || strings.Contains(rest, "/") {
			continue
		}
		obj, field, _ := strings.Cut(rest, ".")
		o := p.Scope().Lookup(obj)
		if o == nil {
			continue
		}
		if field == "" {
			return st.slot(p, obj, "", o.Pos())
		}
		if s, ok := o.Type().Underlying().(*types.Struct); ok {
			for i := 0; i < s.NumFields(); i++ {
				if s.Field(i).Name() == field {
					return st.slot(p, obj, field, s.Field(i).Pos())
				}
			}
		}
	}
	return nil
}

// packages returns the current package and those reachable from its imports.
func (st *state) packages() []*types.Package {
	if st.imports == nil {
		st.imports = append([]*types.Package{st.pass.Pkg}, allImports(st.pass.Pkg)...)
	}
	return st.imports
}

// exportFacts exports the summaries of the package's functions and its
// package fact.
func (st *state) exportFacts() {
	for fn, s := range st.sums {
		if fn.Pkg() != st.pass.Pkg {
			continue
		}
		if len(s.params) > 0 {
			st.pass.ExportObjectFact(fn, &poolParams{Params: s.params})
		}
		if len(s.results) > 0 {
			r := s.results[0] // one pool result per function is followed
			st.pass.ExportObjectFact(fn, &r)
		}
		if s.own != nil {
			st.pass.ExportObjectFact(fn, s.own)
		}
	}
	var pf pkgPools
	for _, s := range st.slots {
		pf.Slots = append(pf.Slots, *s)
	}
	slices.SortFunc(pf.Slots, func(a, b slotFact) int { return strings.Compare(a.Key, b.Key) })
	for _, v := range st.done {
		if v.f.Limited || !st.deferred(v.f) || st.slotsLimited(v.f.Slots, nil) || st.shortLived(v) || st.inTest(v.call) {
			continue
		}
		pf.Opens = append(pf.Opens, openFact{Site: v.site, Pos: st.posString(v.pos), Slots: v.f.Slots, Users: v.f.Users})
	}
	slices.SortFunc(pf.Opens, func(a, b openFact) int { return strings.Compare(a.Pos, b.Pos) })
	if len(pf.Slots) > 0 || len(pf.Opens) > 0 {
		st.pass.ExportPackageFact(&pf)
	}
}

// slotsLimited reports whether any of keys is limited in this package or,
// when all is given, anywhere in the program.
func (st *state) slotsLimited(keys []string, all map[string]*slotFact) bool {
	for _, k := range keys {
		if s := st.slots[k]; s != nil && s.Limited {
			return true
		}
		if s := all[k]; s != nil && s.Limited {
			return true
		}
		// A field's own package, analyzed before this one, may limit it.
		if s := st.slotByKey(k); s != nil && s.Field != "" && s.PkgPath != st.pass.Pkg.Path() {
			for _, p := range st.packages() {
				var pf pkgPools
				if p.Path() == s.PkgPath && st.pass.ImportPackageFact(p, &pf) {
					for _, f := range pf.Slots {
						if f.Key == k && f.Limited {
							return true
						}
					}
				}
			}
		}
	}
	return false
}

// deferred reports whether main must decide about a pool with fate f: it
// is kept in a package variable, or in a struct that leaves the function
// where its path ends.
func (st *state) deferred(f fate) bool {
	return st.hasVarSlot(f.Slots) || f.Held && len(f.Slots) > 0
}

// hasVarSlot reports whether any of keys is a package variable (or
// unknown): anyone in the program may limit or use it, so main decides.
// A pool kept only in struct fields is decided where its path ends.
func (st *state) hasVarSlot(keys []string) bool {
	for _, k := range keys {
		if s := st.slotByKey(k); s == nil || s.Field == "" {
			return true
		}
	}
	return false
}

func (st *state) posString(pos token.Pos) string {
	p := st.pass.Fset.Position(pos)
	return fmt.Sprintf("%s:%d", p.Filename, p.Line)
}

func isPkgVar(v *types.Var) bool {
	return v.Pkg() != nil && v.Parent() == v.Pkg().Scope()
}

// enclosingFunc returns the innermost *ast.FuncDecl or *ast.FuncLit around cur.
func enclosingFunc(cur inspector.Cursor) ast.Node {
	for c := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		return c.Node()
	}
	return nil
}

// outerFuncDecl returns the *ast.FuncDecl around cur, or nil.
func outerFuncDecl(cur inspector.Cursor) ast.Node {
	for c := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		return c.Node()
	}
	return nil
}

// funcName names a declared function for messages: "store.Open", "store.Repo.Save".
func funcName(pkg *types.Package, fd *ast.FuncDecl) string {
	name := fd.Name.Name
	if fd.Recv != nil && len(fd.Recv.List) == 1 {
		t := fd.Recv.List[0].Type
		for {
			switch x := t.(type) {
			case *ast.StarExpr:
				t = x.X
				continue
			case *ast.IndexExpr:
				t = x.X
				continue
			case *ast.IndexListExpr:
				t = x.X
				continue
			}
			break
		}
		if id, ok := t.(*ast.Ident); ok {
			name = id.Name + "." + name
		}
	}
	return pkg.Name() + "." + name
}

// allImports returns the packages reachable from pkg's imports.
func allImports(pkg *types.Package) []*types.Package {
	var out []*types.Package
	seen := map[*types.Package]bool{pkg: true}
	var visit func(p *types.Package)
	visit = func(p *types.Package) {
		for _, q := range p.Imports() {
			if !seen[q] {
				seen[q] = true
				out = append(out, q)
				visit(q)
			}
		}
	}
	visit(pkg)
	return out
}

// shortNames names packages by their last path element, or in full when
// two would read alike.
func shortNames(paths []string) []string {
	count := map[string]int{}
	for _, p := range paths {
		count[filepath.Base(p)]++
	}
	out := make([]string, len(paths))
	for i, p := range paths {
		if count[filepath.Base(p)] == 1 {
			out[i] = filepath.Base(p)
		} else {
			out[i] = p
		}
	}
	slices.Sort(out)
	return out
}

// shortName returns paths[i] as shortNames writes it: its last element,
// unless another of paths ends the same.
func shortName(paths []string, i int) string {
	base := filepath.Base(paths[i])
	for j, p := range paths {
		if j != i && filepath.Base(p) == base {
			return paths[i]
		}
	}
	return base
}

// compilePatterns turns ./...-style import path patterns into regexps;
// "./x/..." is taken relative to module.
func compilePatterns(pats []string, module string) []*regexpT {
	var out []*regexpT
	for _, p := range pats {
		text := p
		if rest, ok := strings.CutPrefix(p, "./"); ok && module != "" {
			p = module + "/" + rest
		} else if p == "." && module != "" {
			p = module
		}
		re := regexp.QuoteMeta(p)
		re = strings.ReplaceAll(re, `\.\.\.`, `.*`)
		if strings.HasSuffix(re, `/.*`) {
			re = strings.TrimSuffix(re, `/.*`) + `(/.*)?`
		}
		r, err := regexp.Compile("^" + re + "$")
		if err != nil {
			continue
		}
		out = append(out, &regexpT{r, text})
	}
	return out
}

// regexpT is a compiled isolation pattern and its text.
type regexpT struct {
	*regexp.Regexp
	text string
}

func patternText(p *regexpT) string { return p.text }

func typeutilCallee(info *types.Info, call *ast.CallExpr) *types.Func {
	if fn := typeutil.StaticCallee(info, call); fn != nil {
		return fn.Origin()
	}
	return nil
}

// importsSQL reports whether pkg is database/sql or imports it, directly
// or indirectly.
func importsSQL(pkg *types.Package, seen map[*types.Package]bool) bool {
	if pkg.Path() == "database/sql" {
		return true
	}
	if seen[pkg] {
		return false
	}
	seen[pkg] = true
	for _, imp := range pkg.Imports() {
		if importsSQL(imp, seen) {
			return true
		}
	}
	return false
}
