package ctxsum

import (
	_ "embed"
	"go/ast"
	"go/types"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/envvet/envvet/internal/analysisdoc"
	"github.com/envvet/envvet/internal/lazyinspect"
)

//go:embed doc.go
var doc string

// Analyzer computes ctxgo's function summaries. Its result is a *Result.
// It has no settings, so one instance serves every ctxgo instance.
var Analyzer = &analysis.Analyzer{
	Name:             "ctxgosum",
	Doc:              analysisdoc.MustExtract(doc, "ctxgosum"),
	URL:              "https://github.com/envvet/envvet#ctxgo",
	Requires:         []*analysis.Analyzer{lazyinspect.Analyzer},
	Run:              run,
	RunDespiteErrors: true,
	ResultType:       reflect.TypeFor[*Result](),
	FactTypes:        []analysis.Fact{new(keepsCtx), new(watchesCtx), new(runsUntilCtx), new(derivesCtx), new(pollsBlind)},
}

// keepsCtx is a fact on a *types.Func: the function starts a goroutine that
// keeps doing work with the context parameters at Params (indexes into the
// signature's parameters, receiver excluded) after it returns, and does not
// wait for that goroutine. Until holds those of Params whose goroutines all
// run until the context is cancelled (a worker loop), as opposed to doing
// bounded work that cancellation aborts. Params and Until are sorted and
// Names holds the names matching Params, so the fact encodes identically
// on every run.
type keepsCtx struct {
	Params []int
	Names  []string
	Until  []int
	// Go holds, matching Params, the "file:line:col" of the one go
	// statement that keeps the parameter (through the package's own
	// keepers and the facts of others'), "" when there are several or it
	// is not known: a caller in another package names it as related
	// information.
	Go []string
}

func (*keepsCtx) AFact() {}

func (f *keepsCtx) String() string {
	var names []string
	for k, i := range f.Params {
		if k < len(f.Names) {
			name := f.Names[k]
			if slices.Contains(f.Until, i) {
				name += " until cancelled"
			}
			names = append(names, name)
		}
	}
	return "keepsCtx(" + strings.Join(names, ", ") + ")"
}

// watchesCtx is a fact on a *types.Func: the function does no work with
// the context parameters at Params: it only calls their Done, Err,
// Deadline or Value methods (or passes them on to functions that do no
// more), or ignores them. go lib.Watch(ctx, conn) then does no work with
// ctx. Params is sorted and Names holds the matching parameter names.
type watchesCtx struct {
	Params []int
	Names  []string
}

func (*watchesCtx) AFact() {}

func (f *watchesCtx) String() string { return "watchesCtx(" + strings.Join(f.Names, ", ") + ")" }

// runsUntilCtx is a fact on a *types.Func: the function runs until the
// context parameters at Params are cancelled: it loops without bound using
// the context (a ticker, a pump, an accept loop), waits for <-ctx.Done(),
// or calls a function that does either. A goroutine running it may be
// stopped on purpose by a cancel (go srv.Run(ctx)); one running a function
// without the fact does bounded work that cancellation aborts. Params is
// sorted and Names holds the matching parameter names.
type runsUntilCtx struct {
	Params []int
	Names  []string
}

func (*runsUntilCtx) AFact() {}

func (f *runsUntilCtx) String() string { return "runsUntilCtx(" + strings.Join(f.Names, ", ") + ")" }

// A Result holds the summaries of one package: the keepsCtx facts of its
// own functions and of the functions it calls, and, for its own functions,
// which context parameters are used for work. It is read-only once the
// analyzer's Run has returned, so several checks may share it.
type Result struct {
	info   *types.Info
	pkg    *types.Package
	decls  map[*types.Func]*ast.FuncDecl
	keeps  map[*types.Func][]int
	kUntil map[*types.Func][]int    // Until of keepsCtx facts, imported and local
	kGo    map[*types.Func][]string // Go of imported keepsCtx facts
	watch  map[*types.Func][]int    // imported watchesCtx facts
	until  map[*types.Func][]int    // imported runsUntilCtx facts
	// derives holds the derivesCtx parameter of imported functions (-1:
	// analyzed, derives nothing); derived, that of local ones.
	derives, derived map[*types.Func]int
	runs             map[paramKey]uint8
	work             map[paramKey]uint8
	twirp            []*types.Interface // service interfaces of imported Twirp packages
	// blind holds the blind polls of local functions and of imported
	// ones the package calls or whose methods implement ifaces (the
	// interface methods with a context parameter the package calls);
	// impls, the implementations of ifaces.
	blind  map[*types.Func]BlindPoll
	impls  map[*types.Func][]*types.Func
	ifaces []*types.Func
	frozen bool
}

type paramKey struct {
	fn *types.Func
	i  int
}

const (
	workUnknown uint8 = iota
	workBusy
	workNo
	workYes
)

// Keeps returns the indexes of fn's context parameters that a goroutine
// started by fn keeps using after fn returns, or nil.
func (r *Result) Keeps(fn *types.Func) []int {
	if fn == nil {
		return nil
	}
	return r.keeps[fn.Origin()]
}

// Info returns the type information of the package the result describes.
func (r *Result) Info() *types.Info { return r.info }

func run(pass *analysis.Pass) (any, error) {
	r := &Result{
		info:    pass.TypesInfo,
		pkg:     pass.Pkg,
		decls:   make(map[*types.Func]*ast.FuncDecl),
		keeps:   make(map[*types.Func][]int),
		watch:   make(map[*types.Func][]int),
		kUntil:  make(map[*types.Func][]int),
		kGo:     make(map[*types.Func][]string),
		until:   make(map[*types.Func][]int),
		derives: make(map[*types.Func]int),
		derived: make(map[*types.Func]int),
		runs:    make(map[paramKey]uint8),
		work:    make(map[paramKey]uint8),
		blind:   make(map[*types.Func]BlindPoll),
		impls:   make(map[*types.Func][]*types.Func),
	}
	defer func() { r.frozen = true }()
	if pass.TypesInfo == nil || pass.Pkg == nil || !importsAny(pass.Pkg, "context", "net/http") {
		return r, nil
	}
	// Have: the package's functions with bodies, in source order.
	// (Two walks of the files: an inspector, built for them alone, would
	// cost more and live as long as the driver keeps this result's pass.)
	var funcs []*types.Func
	for _, file := range pass.Files {
		for _, d := range file.Decls {
			decl, ok := d.(*ast.FuncDecl)
			if !ok {
				continue
			}
			fn, ok := pass.TypesInfo.Defs[decl.Name].(*types.Func)
			if !ok || decl.Body == nil {
				continue
			}
			r.decls[fn] = decl
			funcs = append(funcs, fn)
		}
	}
	r.twirp = twirpServices(pass.Pkg)
	r.importFacts(pass, pass.ResultOf[lazyinspect.Analyzer].(*lazyinspect.Inspector))
	r.exportDerives(pass, funcs)
	r.exportParamFacts(pass, funcs)
	r.exportKeeps(pass, funcs)
	r.resolveImpls(pass)
	r.exportPollsBlind(pass, funcs)
	return r, nil
}

// importFacts records the facts of the functions called from other
// packages. The result keeps only the facts found: the driver may keep it
// to the end. The calls come from the package's inspector if another
// analyzer built it already or the package is a root (ctxgo builds it
// there), else from a walk of the files: this analyzer runs on every
// dependency importing context, where no inspector is built.
func (r *Result) importFacts(pass *analysis.Pass, in *lazyinspect.Inspector) {
	if in.IsRoot() {
		in.Get() // ctxgo builds it on this root (it imports context or net/http): build it once, now
	}
	seen := make(map[*types.Func]bool)
	in.Preorder([]ast.Node{(*ast.CallExpr)(nil)}, func(n ast.Node) {
		fn := Callee(pass.TypesInfo, n.(*ast.CallExpr))
		if fn == nil || fn.Pkg() == nil || seen[fn] {
			return
		}
		seen[fn] = true
		iface := isInterfaceMethod(fn)
		if iface && hasContextParam(fn) {
			r.ifaces = append(r.ifaces, fn) // of any package: resolveImpls looks for implementations
		}
		if fn.Pkg() == pass.Pkg {
			return
		}
		if !iface {
			r.derives[fn] = -1 // analyzed, and derives nothing unless the fact says so
		}
		if !hasContextParam(fn) {
			// Every fact of this analyzer names context parameters:
			// a function without one has none to look up.
			return
		}
		var f keepsCtx
		if pass.ImportObjectFact(fn, &f) && len(f.Params) > 0 {
			r.keeps[fn] = f.Params
			r.kUntil[fn] = f.Until
			r.kGo[fn] = f.Go
		}
		var w watchesCtx
		if pass.ImportObjectFact(fn, &w) {
			r.watch[fn] = w.Params
		}
		var u runsUntilCtx
		if pass.ImportObjectFact(fn, &u) {
			r.until[fn] = u.Params
		}
		var pb pollsBlind
		if !iface && pass.ImportObjectFact(fn, &pb) {
			r.blind[fn] = BlindPoll{Func: fn, Param: pb.Param, Loop: pb.Loop, Poller: pb.Poller, PollerPkg: pb.PollerPkg}
		}
		var d derivesCtx
		if pass.ImportObjectFact(fn, &d) { // none on an interface method: exportDerives marks declared bodies only
			r.derives[fn] = d.Param
		}
	})
}

// hasContextParam reports whether fn has a context.Context parameter.
func hasContextParam(fn *types.Func) bool {
	params := fn.Signature().Params()
	for i := range params.Len() {
		if IsContext(params.At(i).Type()) {
			return true
		}
	}
	return false
}

// exportDerives computes which local functions return a context derived
// from a parameter, and exports a derivesCtx fact for each.
func (r *Result) exportDerives(pass *analysis.Pass, funcs []*types.Func) {
	for _, fn := range funcs {
		if i := r.paramDerives(fn); i >= 0 {
			sig := fn.Type().(*types.Signature)
			pass.ExportObjectFact(fn, &derivesCtx{Param: i, Name: sig.Params().At(i).Name()})
		}
	}
}

// exportParamFacts computes which context parameters of local functions
// are used for work and which they run until the cancellation of, and
// exports watchesCtx and runsUntilCtx facts.
func (r *Result) exportParamFacts(pass *analysis.Pass, funcs []*types.Func) {
	for _, fn := range funcs {
		sig, ok := fn.Type().(*types.Signature)
		if !ok {
			continue
		}
		var w watchesCtx
		var st runsUntilCtx
		for i := range sig.Params().Len() {
			if !IsContext(sig.Params().At(i).Type()) {
				continue
			}
			if !r.paramWorks(fn, i) {
				w.Params = append(w.Params, i)
				w.Names = append(w.Names, sig.Params().At(i).Name())
			}
			if r.paramRunsUntil(fn, i) {
				st.Params = append(st.Params, i)
				st.Names = append(st.Names, sig.Params().At(i).Name())
			}
		}
		if len(w.Params) > 0 {
			pass.ExportObjectFact(fn, &w)
		}
		if len(st.Params) > 0 {
			pass.ExportObjectFact(fn, &st)
		}
	}
}

// exportKeeps computes the keepsCtx facts of local functions and exports
// them.
func (r *Result) exportKeeps(pass *analysis.Pass, funcs []*types.Func) {
	// Each function's Flow, built once: the fixed points below look at
	// every function at least twice, and a Flow is syntax only.
	flows := make(map[*types.Func]*Flow)
	// To a fixed point: a function that calls a keeper may be one itself.
	// The sets only grow, so this terminates.
	for changed := true; changed; {
		changed = false
		for _, fn := range funcs {
			ps, _ := r.computeKeeps(fn, flows)
			if len(ps) > len(r.keeps[fn]) {
				r.keeps[fn] = ps
				changed = true
			}
		}
	}
	// Which kept parameters only run-until goroutines keep, to the
	// greatest fixed point: start from all, drop what a bounded goroutine
	// keeps. The sets only shrink, so this terminates.
	for _, fn := range funcs {
		r.kUntil[fn] = r.keeps[fn]
	}
	for changed := true; changed; {
		changed = false
		for _, fn := range funcs {
			if len(r.kUntil[fn]) == 0 {
				continue
			}
			_, until := r.computeKeeps(fn, flows)
			if len(until) < len(r.kUntil[fn]) {
				r.kUntil[fn] = until
				changed = true
			}
		}
	}
	for _, fn := range funcs {
		ps := r.keeps[fn]
		if len(ps) == 0 {
			continue
		}
		sig := fn.Type().(*types.Signature)
		f := &keepsCtx{Params: ps, Until: r.kUntil[fn]}
		for _, i := range ps {
			f.Names = append(f.Names, sig.Params().At(i).Name())
			f.Go = append(f.Go, r.KeeperGo(pass.Fset, fn, i))
		}
		pass.ExportObjectFact(fn, f)
	}
}

// computeKeeps returns the sorted indexes of fn's context parameters that
// fn hands to a goroutine outliving it, and those of them whose
// goroutines all run until the context is cancelled. flows holds the
// Flows built so far, by function.
func (r *Result) computeKeeps(fn *types.Func, flows map[*types.Func]*Flow) (keeps, until []int) {
	decl := r.decls[fn]
	sig, ok := fn.Type().(*types.Signature)
	if decl == nil || !ok {
		return nil, nil
	}
	if sig.Recv() == nil && fn.Name() == "main" && r.pkg.Name() == "main" {
		return nil, nil
	}
	var f *Flow
	for i := range sig.Params().Len() {
		p := sig.Params().At(i)
		if !IsContext(p.Type()) || p.Name() == "" || p.Name() == "_" {
			continue
		}
		if f == nil { // not for a function without a named context parameter
			if f = flows[fn]; f == nil {
				f = r.NewFlow(decl.Type, decl.Body)
				flows[fn] = f
			}
		}
		// A context derived from p whose cancel f defers ends with f:
		// what happens to it is f's own business (ctxgo reports it there).
		roots := Roots{Entry: func(v *types.Var) bool { return v == p }, Stop: f.DeferredCancel}
		kept, runs := r.keptBy(f, roots)
		if kept {
			keeps = append(keeps, i)
			if runs {
				until = append(until, i)
			}
		}
	}
	return keeps, until
}

// keptBy reports whether the function of f hands a context matched by
// roots to a goroutine that outlives it (a go statement or a keeper call
// not waited for), and whether all such goroutines run until it is
// cancelled.
func (r *Result) keptBy(f *Flow, roots Roots) (kept, until bool) {
	until = true
	for _, n := range f.Direct() {
		switch n := n.(type) {
		case *ast.GoStmt:
			if u := f.GoWork(n, roots); u != nil && f.outlives(n) {
				kept = true
				until = until && u.RunsUntil
			}
		case *ast.CallExpr:
			args := f.KeptArgs(n, roots)
			if len(args) > 0 && f.outlives(n) {
				kept = true
				for _, i := range args {
					until = until && r.KeepsUntil(Callee(r.info, n), i)
				}
			}
		}
	}
	return kept, until
}

// outlives reports whether what n (a go statement or a keeper call)
// starts may outlive the function: it does not wait afterwards, or it
// returns success without waiting on some path (SucceedsUnwaited).
func (f *Flow) outlives(n ast.Node) bool {
	return !f.WaitsAfter(n, nil) || f.SucceedsUnwaited(n)
}

func importsAny(pkg *types.Package, paths ...string) bool {
	for _, imp := range pkg.Imports() {
		if slices.Contains(paths, imp.Path()) {
			return true
		}
	}
	return false
}

// Decl returns the declaration of fn if it is a function of this package
// with a body.
func (r *Result) Decl(fn *types.Func) *ast.FuncDecl {
	if fn == nil {
		return nil
	}
	return r.decls[fn.Origin()]
}

// KeepsUntil reports whether fn, a keeper of its context parameter at
// index i, keeps it only in goroutines that run until it is cancelled.
func (r *Result) KeepsUntil(fn *types.Func, i int) bool {
	if fn == nil {
		return false
	}
	return slices.Contains(r.kUntil[fn.Origin()], i)
}
