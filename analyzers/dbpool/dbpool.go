package dbpool

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
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
	// sql answers the fast path's question, importsSQL, per package.
	sql sqlImports
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
		FactTypes:        []analysis.Fact{new(poolParams), new(poolResult), new(opensOwnPool), new(pkgPools), new(entOpen)},
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

// holdsNoPool reports whether a package other than a main package can
// neither hold nor pass a pool: no expression of it (a value, a type, a
// call's results, a function value) has a pool type, and it calls no
// function that opens a pool of its own or is a generated ent client's
// Open. Such a package (a driver that only calls sql.Register, a library
// that imports database/sql for sql.ErrNoRows) has nothing to report and
// no fact to export: pools reach other packages only through values of
// their type. Main packages run regardless: they judge the whole program
// from the facts.
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
		var ent entOpen
		if pass.ImportObjectFact(fn.Origin(), &own) || pass.ImportObjectFact(fn.Origin(), &ent) {
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
	owner       map[*types.Var]string    // struct type name of a field
	lostSlots   map[string]bool          // slots a read of which escapes (see ownedHere)
	done        []*value                 // opened pools that did not leave their function
	holding     map[any]bool             // holders being followed (see holderEscapes)
	rel         *relpos.Files            // resolves positions kept in facts
	ents        map[*types.Func]*entOpen // see localEntOpens
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
	opener   string // "sql.Open", or the helper that returned a fresh pool ("store.Open")
	call     inspector.Cursor
	fn       ast.Node // the *ast.FuncDecl followed; nil at package level
	vars     []*types.Var
	f        fate
	touched  bool // used other than configured, compared or returned
	perCall  bool // reported by rule 3
	stored   bool // stored somewhere other than a local variable
	closed   bool
	heldHere bool // kept in a struct that leaves fn (f.Held also says so of callees' structs)
	test     bool // opened in test support (see testPool)
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
	if !c.sql.importsSQL(pass.Pkg) && len(pass.AllPackageFacts()) == 0 && len(pass.AllObjectFacts()) == 0 {
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
		holding: map[any]bool{},

		lostSlots: map[string]bool{},
	}
	if st.info == nil {
		return nil, nil
	}
	top := st.index()

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
	st.entClients()
	return nil, nil
}

// index records the package's function declarations and the uses of its
// local variables, and returns the top-level declarations in source order.
func (st *state) index() []inspector.Cursor {
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
	return top
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

func typeutilCallee(info *types.Info, call *ast.CallExpr) *types.Func {
	if fn := typeutil.StaticCallee(info, call); fn != nil {
		return fn.Origin()
	}
	return nil
}

func funcType(n ast.Node) *ast.FuncType {
	switch n := n.(type) {
	case *ast.FuncDecl:
		return n.Type
	case *ast.FuncLit:
		return n.Type
	}
	return nil
}

func isNamed(t types.Type, pkg, name string) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == pkg && n.Obj().Name() == name
}

func isPtrToNamed(t types.Type, pkg, name string) bool {
	p, ok := types.Unalias(t).(*types.Pointer)
	return ok && isNamed(p.Elem(), pkg, name)
}

// inTest reports whether cur is in a _test.go file or in a test helper
// (a function taking *testing.T, *testing.B, *testing.F or testing.TB, or
// an interface with a FailNow method: enttest's TestingT, testify's, a
// project's own TB): tests open throwaway pools and never limit them, and
// that is fine.
func (st *state) inTest(cur inspector.Cursor) bool {
	if !cur.Valid() {
		return false
	}
	if strings.HasSuffix(st.pass.Fset.Position(cur.Node().Pos()).Filename, "_test.go") {
		return true
	}
	for c := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		ft := funcType(c.Node())
		if ft == nil || ft.Params == nil {
			continue
		}
		for _, f := range ft.Params.List {
			if tv, ok := st.info.Types[f.Type]; ok && tv.Type != nil {
				t := tv.Type
				if isPtrToNamed(t, "testing", "T") || isPtrToNamed(t, "testing", "B") || isPtrToNamed(t, "testing", "F") || isNamed(t, "testing", "TB") || failsNow(t) {
					return true
				}
			}
		}
	}
	return false
}

// failsNow reports whether t is an interface with a FailNow method, the
// mark of a testing.TB stand-in.
func failsNow(t types.Type) bool {
	it, ok := t.Underlying().(*types.Interface)
	if !ok {
		return false
	}
	for m := range it.Methods() {
		if m.Name() == "FailNow" {
			return true
		}
	}
	return false
}

// calleeName names a function for messages: "store.Open", "store.Repo.Save".
func calleeName(fn *types.Func) string {
	name := fn.Name()
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil {
		t := sig.Recv().Type()
		if p, ok := types.Unalias(t).(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			name = n.Obj().Name() + "." + name
		}
	}
	if fn.Pkg() != nil {
		name = fn.Pkg().Name() + "." + name
	}
	return name
}
