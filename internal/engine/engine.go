// Package engine runs analyzers over packages loaded by go/packages with
// the semantics of golang.org/x/tools/go/analysis/checker (the same
// actions, the same fact visibility, the same errors), organised for
// envvet's two long-running needs:
//
//   - Facts live in one store per Engine, by package, instead of a copy of
//     every dependency's facts in every action. The store outlives a run:
//     an editor session that type-checks again only the packages it edited
//     (their dependencies keep their *types.Package) analyzes only those
//     packages and the packages importing them; the facts of the others
//     are reused.
//   - A dependency package's results are dropped as soon as its analyzers
//     are done, and with Options.Release so are its syntax and type
//     information, so the run's memory is bounded by what loading costs.
//
// Work is scheduled by package: a package is analyzed (all its analyzers,
// in dependency order) once its imports are, on at most GOMAXPROCS
// goroutines at a time. An analyzer that panics fails its action with an
// error; it does not bring the driver down.
//
// One difference from the checker: an analyzer that does not run despite
// errors skips a package that has errors of its own, not one that merely
// imports such a package (the checker skips every IllTyped package, and
// with it the whole program above one broken package). A package that
// type-checks has complete type information whatever its imports' state;
// the facts of a broken import may be missing or partial, which the
// driver accounts for.
package engine

import (
	"cmp"
	"context"
	"fmt"
	"go/types"
	"maps"
	"os"
	"reflect"
	"runtime"
	"runtime/debug"
	"slices"
	"sort"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
)

// An Engine runs one list of analyzers; it keeps the facts of the packages
// it analyzed for the next run. Runs must not overlap.
type Engine struct {
	analyzers []*analysis.Analyzer           // requested, in order
	order     []*analysis.Analyzer           // all needed, prerequisites first
	onDeps    map[*analysis.Analyzer]bool    // those that run on dependencies
	factTypes map[*analysis.Analyzer]typeSet // of each fact analyzer

	mu    sync.Mutex
	facts map[*types.Package]*pkgFacts

	// imports holds each package's imports sorted by path, as the last
	// run found them: an editor's runs over the same graph sort each
	// package's imports once, not once per run. Run assumes that a
	// package's Imports do not change between runs (internal/lsp passes
	// a new *packages.Package for a package it type-checks again). Runs
	// do not overlap, so it needs no lock.
	imports map[*packages.Package][]*packages.Package
}

type typeSet map[reflect.Type]bool

// Options adjust one run.
type Options struct {
	// Release drops the syntax (Syntax) and type information (TypesInfo)
	// of every dependency package once it is analyzed. Only a driver that
	// needs neither afterwards, nor the packages again, may set it.
	Release bool
	// Reuse skips dependency packages whose facts the engine holds from a
	// previous run (same *types.Package, every fact analyzer succeeded).
	Reuse bool
	// Cached reports the roots whose actions the caller kept from a
	// previous run: with Reuse, such a root is skipped as a dependency
	// would be, and Result.Roots has no action for it.
	Cached func(*packages.Package) bool
}

// An Action is one analyzer's run on one package.
type Action struct {
	Analyzer    *analysis.Analyzer
	Package     *packages.Package
	IsRoot      bool
	Result      any // kept for root actions only
	Err         error
	Diagnostics []analysis.Diagnostic // of root actions
}

func (act *Action) String() string { return act.Analyzer.Name + "@" + act.Package.ID }

// A Result is what a run produced.
type Result struct {
	// Roots has one action per requested analyzer and root package, in
	// that order (analyzers outer), as checker.Graph.Roots; none for the
	// roots skipped as Options.Cached.
	Roots []*Action
	// Failed lists the actions on dependency packages that failed, by
	// package ID and analyzer name.
	Failed []*Action
	// Analyzed and Reused count the packages analyzed and skipped because
	// their facts were known.
	Analyzed, Reused int
}

// New returns an engine for analyzers, which must be valid
// (analysis.Validate).
func New(analyzers []*analysis.Analyzer) (*Engine, error) {
	if err := analysis.Validate(analyzers); err != nil {
		return nil, err
	}
	e := &Engine{
		analyzers: analyzers,
		onDeps:    make(map[*analysis.Analyzer]bool),
		factTypes: make(map[*analysis.Analyzer]typeSet),
		facts:     make(map[*types.Package]*pkgFacts),
		imports:   make(map[*packages.Package][]*packages.Package),
	}
	seen := make(map[*analysis.Analyzer]bool)
	var visit func(a *analysis.Analyzer)
	visit = func(a *analysis.Analyzer) {
		if seen[a] {
			return
		}
		seen[a] = true
		for _, req := range a.Requires {
			visit(req)
		}
		e.order = append(e.order, a)
	}
	for _, a := range analyzers {
		visit(a)
	}
	// What runs on dependencies: the analyzers with facts, and what
	// they require.
	var mark func(a *analysis.Analyzer)
	mark = func(a *analysis.Analyzer) {
		if e.onDeps[a] {
			return
		}
		e.onDeps[a] = true
		for _, req := range a.Requires {
			mark(req)
		}
	}
	for _, a := range e.order {
		if len(a.FactTypes) > 0 {
			mark(a)
			ts := make(typeSet)
			for _, f := range a.FactTypes {
				ts[reflect.TypeOf(f)] = true
			}
			e.factTypes[a] = ts
		}
	}
	return e, nil
}

// Forget drops the facts of pkgs, so that the next run analyzes them, and
// the packages importing them, again: for a change the packages' syntax
// does not show, such as a manifest their facts depend on.
func (e *Engine) Forget(pkgs ...*types.Package) {
	e.mu.Lock()
	defer e.mu.Unlock()
	for _, p := range pkgs {
		delete(e.facts, p)
	}
}

// A node is one package of a run.
type node struct {
	pkg     *packages.Package
	root    bool
	imports []*node
	done    chan struct{}
	skip    bool // facts reused from a previous run
	acts    map[*analysis.Analyzer]*Action
	closure []*packages.Package // see closure; while the node is analyzed
	byID    []*node             // the run's nodes sorted by package ID, shared
	rank    int                 // n's index in byID
}

// Run analyzes roots and, for the analyzers with facts, every package they
// import. It returns ctx's error if ctx is cancelled before the end.
func (e *Engine) Run(ctx context.Context, roots []*packages.Package, opts Options) (*Result, error) {
	nodes := make(map[*packages.Package]*node)
	var all []*node
	var add func(p *packages.Package, root bool) *node
	add = func(p *packages.Package, root bool) *node {
		if n, ok := nodes[p]; ok {
			n.root = n.root || root
			return n
		}
		n := &node{pkg: p, done: make(chan struct{})}
		nodes[p] = n
		if len(e.onDeps) > 0 {
			imps, ok := e.imports[p]
			if !ok {
				for _, path := range slices.Sorted(maps.Keys(p.Imports)) {
					imps = append(imps, p.Imports[path])
				}
				e.imports[p] = imps
			}
			n.imports = make([]*node, len(imps))
			for i, imp := range imps {
				n.imports[i] = add(imp, false)
			}
		}
		all = append(all, n)
		n.root = n.root || root
		return n
	}
	for _, p := range roots {
		add(p, true)
	}
	for p := range e.imports {
		if _, ok := nodes[p]; !ok {
			delete(e.imports, p) // type-checked again, or no longer imported
		}
	}

	byID := slices.Clone(all)
	slices.SortFunc(byID, func(a, b *node) int { return cmp.Compare(a.pkg.ID, b.pkg.ID) })
	for i, n := range byID {
		n.byID, n.rank = byID, i
	}

	// all is in postorder: a package comes after its imports. A package is
	// reused only if its imports are: facts are derived from the imports'.
	live := make(map[*types.Package]bool, len(all))
	e.mu.Lock()
	res := new(Result)
	for _, n := range all {
		if n.pkg.Types != nil {
			live[n.pkg.Types] = true
		}
		pf := e.facts[n.pkg.Types]
		n.skip = opts.Reuse && (!n.root || opts.Cached != nil && opts.Cached(n.pkg)) && pf != nil && pf.complete
		for _, imp := range n.imports {
			n.skip = n.skip && imp.skip
		}
		if n.skip {
			res.Reused++
			continue
		}
		if n.pkg.Types != nil {
			e.facts[n.pkg.Types] = newPkgFacts()
		}
		res.Analyzed++
	}
	// Forget packages this run no longer has: they were type-checked
	// again, or are no longer imported.
	for p := range e.facts {
		if !live[p] {
			delete(e.facts, p)
		}
	}
	e.mu.Unlock()

	workers := runtime.GOMAXPROCS(0)
	sem := make(chan struct{}, workers)
	var wg sync.WaitGroup
	for _, n := range all {
		if n.skip {
			// Its imports are skipped too (a package is reused only if
			// they are): nothing to wait for, nothing to run. An editor's
			// run skips most of the graph; no goroutine per package.
			close(n.done)
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer close(n.done)
			for _, imp := range n.imports {
				<-imp.done
			}
			if ctx.Err() != nil {
				return
			}
			sem <- struct{}{}
			defer func() { <-sem }()
			if ctx.Err() != nil {
				return
			}
			e.analyze(n, opts)
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		// Facts of packages cut short are incomplete: forget them.
		e.mu.Lock()
		for _, n := range all {
			if pf := e.facts[n.pkg.Types]; pf != nil && !n.skip && n.acts == nil {
				delete(e.facts, n.pkg.Types)
			}
		}
		e.mu.Unlock()
		return nil, err
	}

	for _, a := range e.analyzers {
		for _, p := range roots {
			if n := nodes[p]; !n.skip {
				res.Roots = append(res.Roots, n.acts[a])
			}
		}
	}
	for _, n := range all {
		if n.root || n.skip {
			continue
		}
		for _, a := range e.order {
			if act := n.acts[a]; act != nil && act.Err != nil {
				res.Failed = append(res.Failed, act)
			}
		}
	}
	slices.SortFunc(res.Failed, func(a, b *Action) int {
		return cmp.Or(cmp.Compare(a.Package.ID, b.Package.ID), cmp.Compare(a.Analyzer.Name, b.Analyzer.Name))
	})
	return res, nil
}

// analyze runs the node's analyzers on its package, in order.
func (e *Engine) analyze(n *node, opts Options) {
	p := n.pkg
	pf := e.pkgFacts(p.Types)
	acts := make(map[*analysis.Analyzer]*Action)
	complete := true
	for _, a := range e.order {
		if !n.root && !e.onDeps[a] {
			continue
		}
		act := &Action{Analyzer: a, Package: p, IsRoot: n.root}
		acts[a] = act
		var failed []string
		for _, req := range a.Requires {
			if r := acts[req]; r.Err != nil {
				failed = append(failed, r.String())
			}
		}
		if len(a.FactTypes) > 0 {
			for _, imp := range n.imports {
				if r := imp.acts[a]; r != nil && r.Err != nil {
					failed = append(failed, r.String())
				}
			}
		}
		if len(failed) > 0 {
			sort.Strings(failed)
			act.Err = fmt.Errorf("failed prerequisites: %s", strings.Join(failed, ", "))
		} else {
			e.exec(act, n, pf, acts)
		}
		if act.Err != nil && len(a.FactTypes) > 0 {
			complete = false
		}
	}
	if pf != nil {
		pf.complete = complete
	}
	n.closure = nil
	if !n.root {
		for _, act := range acts {
			act.Result = nil
			act.Diagnostics = nil
		}
		if opts.Release {
			p.Syntax = nil
			p.TypesInfo = nil
		}
	}
	n.acts = acts
}

// exec runs one action.
func (e *Engine) exec(act *Action, n *node, pf *pkgFacts, acts map[*analysis.Analyzer]*Action) {
	a, p := act.Analyzer, act.Package
	if (len(p.Errors) > 0 || len(p.TypeErrors) > 0) && !a.RunDespiteErrors {
		act.Err = fmt.Errorf("analysis skipped due to errors in package")
		return
	}
	if p.Types == nil || p.TypesInfo == nil || p.Fset == nil {
		act.Err = fmt.Errorf("package %s has no type information", p.ID)
		return
	}
	inputs := make(map[*analysis.Analyzer]any, len(a.Requires))
	for _, req := range a.Requires {
		inputs[req] = acts[req].Result
	}
	module := &analysis.Module{}
	if p.Module != nil {
		module = analysisModule(p.Module)
	}
	running := true
	pass := &analysis.Pass{
		Analyzer:     a,
		Fset:         p.Fset,
		Files:        p.Syntax,
		OtherFiles:   p.OtherFiles,
		IgnoredFiles: p.IgnoredFiles,
		Pkg:          p.Types,
		TypesInfo:    p.TypesInfo,
		TypesSizes:   p.TypesSizes,
		TypeErrors:   p.TypeErrors,
		Module:       module,
		ResultOf:     inputs,
		Report: func(d analysis.Diagnostic) {
			if n.root {
				act.Diagnostics = append(act.Diagnostics, d)
			}
		},
		ImportObjectFact: func(obj types.Object, fact analysis.Fact) bool {
			return e.importObjectFact(n, obj, fact)
		},
		ImportPackageFact: func(pkg *types.Package, fact analysis.Fact) bool {
			return e.importPackageFact(pkg, fact)
		},
		ExportObjectFact: func(obj types.Object, fact analysis.Fact) {
			if !running {
				panic(fmt.Sprintf("%s: ExportObjectFact(%s, %T) called after Run", act, obj, fact))
			}
			if obj == nil || obj.Pkg() != p.Types {
				panic(fmt.Sprintf("%s: ExportObjectFact(%v, %T): object of another package", act, obj, fact))
			}
			pf.objs[objectKey{obj, factType(fact)}] = fact
		},
		ExportPackageFact: func(fact analysis.Fact) {
			if !running {
				panic(fmt.Sprintf("%s: ExportPackageFact(%T) called after Run", act, fact))
			}
			pf.pkg[factType(fact)] = fact
		},
		AllObjectFacts:  func() []analysis.ObjectFact { return e.allObjectFacts(n, a) },
		AllPackageFacts: func() []analysis.PackageFact { return e.allPackageFacts(n, a) },
	}
	pass.ReadFile = func(name string) ([]byte, error) {
		if !readable(pass, name) {
			return nil, fmt.Errorf("Pass.ReadFile: %s is not among OtherFiles, IgnoredFiles, or names of Files", name)
		}
		return os.ReadFile(name)
	}
	act.Result, act.Err = run(pass)
	running = false
	if act.Err == nil {
		if got, want := reflect.TypeOf(act.Result), a.ResultType; got != want {
			act.Result, act.Err = nil, fmt.Errorf("internal error: on package %s, analyzer %s returned a result of type %v, but declared ResultType %v", p.PkgPath, a.Name, got, want)
		}
	}
}

// run calls the analyzer, turning a panic into an error.
func run(pass *analysis.Pass) (result any, err error) {
	defer func() {
		if r := recover(); r != nil {
			result, err = nil, fmt.Errorf("panic: %v\n%s", r, debug.Stack())
		}
	}()
	return pass.Analyzer.Run(pass)
}

// readable reports whether pass.ReadFile may read name, as checker's.
func readable(pass *analysis.Pass, name string) bool {
	if slices.Contains(pass.OtherFiles, name) || slices.Contains(pass.IgnoredFiles, name) {
		return true
	}
	for _, f := range pass.Files {
		if pass.Fset.File(f.FileStart).Name() == name {
			return true
		}
	}
	return false
}

func analysisModule(m *packages.Module) *analysis.Module {
	if m == nil {
		return nil
	}
	var merr *analysis.ModuleError
	if m.Error != nil {
		merr = &analysis.ModuleError{Err: m.Error.Err}
	}
	return &analysis.Module{
		Path: m.Path, Version: m.Version, Replace: analysisModule(m.Replace), Time: m.Time,
		Main: m.Main, Indirect: m.Indirect, Dir: m.Dir, GoMod: m.GoMod, GoVersion: m.GoVersion, Error: merr,
	}
}
