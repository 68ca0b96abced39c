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
// goroutines at a time; a package's analyzers that do not require one
// another run at once on the slots no other package takes (an editor's
// run of one edited package, or a standalone run's last packages), unless
// Options.Sequential. An analyzer that
// panics fails its action with an error; it does not bring the driver
// down.
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
	"strings"
	"sync"
	"time"

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
	// idRank holds each package ID's index in the last run's nodes
	// sorted by ID: a run over the same IDs (an editor's, whose edited
	// packages keep their IDs) reads its order from it instead of
	// sorting again. Runs do not overlap, so it needs no lock.
	idRank map[string]int
	// nodes holds the last run's node of each package, and gen the
	// number of the run: an editor's run, whose graph differs from the
	// last one only at the packages type-checked again, takes the
	// others' nodes back (see addNode) instead of allocating hundreds.
	// A package's node stands for its imports, which do not change
	// between runs (see imports). Runs do not overlap: no lock.
	nodes map[*packages.Package]*node
	gen   int
	// last is what the next run may carry over (carryOver) from the
	// last one, if it completed with Options.Reuse; nil otherwise.
	last *lastRun
	// costs holds what each analyzer's last action took, by which a
	// package's schedule runs the longest chain of its actions first.
	costs struct {
		sync.Mutex
		last map[*analysis.Analyzer]time.Duration
	}
	// noCarry and carried are for tests (export_test.go): the first
	// disables carryOver, the second tells whether the last run used it.
	noCarry, carried bool
	// closed is a closed channel: the done of every node a run skips.
	closed chan struct{}
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
	// would be, and Result.Roots has no action for it. Run calls it with
	// the engine's lock held, so it must not call the Engine (Facts
	// would deadlock).
	Cached func(*packages.Package) bool
	// Sequential runs a package's analyzers one after the other. By
	// default those that do not require one another run at the same
	// time when slots of the run's GOMAXPROCS are free (see schedule):
	// an editor's run, which analyzes one edited package, then uses the
	// cores the others leave idle. Results, diagnostics and facts are
	// the same either way.
	Sequential bool
	// Prepared returns the result of analyzer a on package p that the
	// caller computed already, and true; the engine then uses it instead
	// of running a. Only an analyzer whose result depends on nothing but
	// the package's syntax may be prepared (lazyinspect's Inspector): an
	// editor builds it while go/types checks the edited package, on a
	// core the type-check leaves idle. Nil prepares nothing.
	Prepared func(p *packages.Package, a *analysis.Analyzer) (any, bool)
	// TypeCheck, if set, gives a package loaded without syntax or types
	// (but with its types.Package and FileSet) its Syntax, TypesInfo and
	// errors. Run calls it once per package analyzed, on one of the
	// run's slots, after the package's imports are analyzed and before
	// its analyzers run: with Release, a dependency's syntax and type
	// information then live only while it is analyzed (the standalone
	// driver's streamed load).
	TypeCheck func(*packages.Package)
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
		nodes:     make(map[*packages.Package]*node),
		closed:    make(chan struct{}),
	}
	close(e.closed)
	e.order = prerequisitesFirst(analyzers)
	for _, a := range e.order {
		if len(a.FactTypes) > 0 {
			e.markOnDeps(a)
			e.factTypes[a] = factTypeSet(a)
		}
	}
	return e, nil
}

// prerequisitesFirst returns analyzers and all they require, directly or
// not, each once and after its requirements.
func prerequisitesFirst(analyzers []*analysis.Analyzer) []*analysis.Analyzer {
	var order []*analysis.Analyzer
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
		order = append(order, a)
	}
	for _, a := range analyzers {
		visit(a)
	}
	return order
}

// markOnDeps marks a and what it requires, directly or not, as running on
// dependencies. New marks the analyzers with facts: an importer needs
// their facts on every package it imports, and they need their
// requirements' results there.
func (e *Engine) markOnDeps(a *analysis.Analyzer) {
	if e.onDeps[a] {
		return
	}
	e.onDeps[a] = true
	for _, req := range a.Requires {
		e.markOnDeps(req)
	}
}

// factTypeSet returns the set of a's fact types.
func factTypeSet(a *analysis.Analyzer) typeSet {
	ts := make(typeSet)
	for _, f := range a.FactTypes {
		ts[reflect.TypeOf(f)] = true
	}
	return ts
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
	e.last = nil // the packages kept by the next run may need analysis
}

// A node is one package of a run; the next run takes it back if it has
// the package (see addNode).
type node struct {
	pkg        *packages.Package
	gen        int // the run that last added it (Engine.gen)
	root       bool
	imports    []*node
	done       chan struct{} // closed when done; set by analyzeAll
	skip       bool          // facts reused from a previous run
	acts       map[*analysis.Analyzer]*Action
	memo       sync.Mutex          // guards closure and pkgFactSrc
	closure    []*packages.Package // see closure; while the node is analyzed
	pkgFactSrc []*factSource       // see packageFactSources; while the node is analyzed
	byID       []*node             // the run's nodes sorted by package ID, shared
	rank       int                 // n's index in byID
	pos        int                 // n's index in the run's postorder (lastRun)
	importers  int                 // how many of the run's nodes import n (lastRun)
}

// Run analyzes roots and, for the analyzers with facts, every package they
// import. It returns ctx's error if ctx is cancelled before the end.
func (e *Engine) Run(ctx context.Context, roots []*packages.Package, opts Options) (*Result, error) {
	res := new(Result)
	g, todo, carried := e.carryOver(roots, opts)
	e.carried = carried
	if carried {
		res.Reused, res.Analyzed = len(g.all)-len(todo), len(todo)
	} else {
		e.last = nil
		g = e.newGraph(roots)
		res.Reused, res.Analyzed = e.planReuse(g.all, opts)
		todo = g.all
	}
	e.analyzeAll(ctx, todo, opts)
	if err := ctx.Err(); err != nil {
		e.forgetUnfinished(todo)
		e.last = nil
		return nil, err
	}
	if !carried && opts.Reuse {
		e.recordRun(g, roots)
	}
	res.Roots = e.rootActions(roots, g.nodes)
	res.Failed = e.failedDependencies(todo)
	return res, nil
}

// A graph is the packages of one run.
type graph struct {
	nodes map[*packages.Package]*node // Engine.nodes, this run's only
	all   []*node                     // in postorder: a package comes after its imports
	byID  []*node                     // sorted by package ID; node.rank indexes it
}

// newGraph returns the graph of roots: the roots and, when an analyzer
// runs on dependencies, every package they import, directly or not. It
// forgets the nodes, the sorted imports and the facts of the packages the
// graph does not have (type-checked again, or no longer imported): only a
// node's package has its types.
func (e *Engine) newGraph(roots []*packages.Package) *graph {
	e.gen++
	g := &graph{nodes: e.nodes, all: make([]*node, 0, len(e.nodes))}
	for _, p := range roots {
		e.addNode(g, p, true)
	}
	e.mu.Lock()
	for p, n := range e.nodes {
		if n.gen != e.gen {
			delete(e.nodes, p) // type-checked again, or no longer imported
			delete(e.imports, p)
			if p.Types != nil {
				delete(e.facts, p.Types) // a package's types are its own
			}
		}
	}
	e.mu.Unlock()
	g.byID = e.rankByID(g.all)
	return g
}

// addNode returns p's node in g, adding it after the nodes of its imports
// if g does not have it yet: the last run's node of p, cleared, or a new
// one. A node taken back keeps its imports' nodes, which are the nodes of
// p's imports in this run too (addNode takes them back first).
func (e *Engine) addNode(g *graph, p *packages.Package, root bool) *node {
	n, ok := g.nodes[p]
	if ok {
		e.takeBack(g, n, root)
		return n
	}
	n = &node{pkg: p, gen: e.gen, root: root}
	g.nodes[p] = n
	if len(e.onDeps) > 0 {
		imps := e.sortedImports(p)
		n.imports = make([]*node, len(imps))
		for i, imp := range imps {
			n.imports[i] = e.addNode(g, imp, false)
		}
	}
	g.all = append(g.all, n)
	return n
}

// takeBack adds n, a node of the last run, to g after the nodes of its
// imports, cleared, unless g has it already. Its imports are nodes of
// the last run too (the graph keeps a node only with its imports'), so
// they are taken back by pointer, without looking their packages up.
func (e *Engine) takeBack(g *graph, n *node, root bool) {
	if n.gen == e.gen {
		n.root = n.root || root
		return
	}
	*n = node{pkg: n.pkg, gen: e.gen, root: root, imports: n.imports}
	for _, imp := range n.imports {
		e.takeBack(g, imp, false)
	}
	g.all = append(g.all, n)
}

// sortedImports returns p's imports sorted by path, sorted once per
// engine (see Engine.imports).
func (e *Engine) sortedImports(p *packages.Package) []*packages.Package {
	imps, ok := e.imports[p]
	if !ok {
		for _, path := range slices.Sorted(maps.Keys(p.Imports)) {
			imps = append(imps, p.Imports[path])
		}
		e.imports[p] = imps
	}
	return imps
}

// rankByID gives every node the run's nodes sorted by package ID, and its
// index among them, from which closure reads a package's closure in order,
// and returns them. When the run has the last run's IDs, each once, it
// places them by the last order (Engine.idRank); otherwise it sorts, and
// records the order.
func (e *Engine) rankByID(all []*node) []*node {
	byID, ok := e.placeByID(all)
	if !ok {
		byID = slices.Clone(all)
		slices.SortFunc(byID, func(a, b *node) int { return cmp.Compare(a.pkg.ID, b.pkg.ID) })
		e.idRank = make(map[string]int, len(byID))
		for i, n := range byID {
			e.idRank[n.pkg.ID] = i
		}
		if len(e.idRank) != len(byID) {
			// Two versions of a package (a kept importer still
			// imports the older): no order by ID alone.
			e.idRank = nil
		}
	}
	for i, n := range byID {
		n.byID, n.rank = byID, i
	}
	return byID
}

// placeByID returns all sorted by package ID from the last run's order,
// and false unless all has exactly the IDs of e.idRank, each once (the
// last run's IDs were distinct, or e.idRank is nil).
func (e *Engine) placeByID(all []*node) ([]*node, bool) {
	if len(all) != len(e.idRank) {
		return nil, false
	}
	byID := make([]*node, len(all))
	for _, n := range all {
		i, ok := e.idRank[n.pkg.ID]
		if !ok || byID[i] != nil {
			return nil, false
		}
		byID[i] = n
	}
	return byID, true
}

// planReuse marks the nodes whose facts from a previous run stand
// (reusable) and gives each of the others an empty fact store for this
// run. It returns the number of packages reused and to be analyzed.
func (e *Engine) planReuse(all []*node, opts Options) (reused, analyzed int) {
	e.mu.Lock()
	defer e.mu.Unlock()
	for _, n := range all {
		n.skip = e.reusable(n, opts)
		if n.skip {
			reused++
			continue
		}
		if n.pkg.Types != nil {
			e.facts[n.pkg.Types] = newPkgFacts()
		}
		analyzed++
	}
	return reused, analyzed
}

// reusable reports whether n can be skipped, its facts from a previous
// run kept: opts.Reuse is set, n is a dependency or a root the caller
// kept (opts.Cached), every analyzer with facts succeeded on it, and its
// imports are reused too, since facts are derived from the imports'.
// planReuse visits the nodes in postorder, so n's imports are marked
// already. e.mu must be held.
func (e *Engine) reusable(n *node, opts Options) bool {
	pf := e.facts[n.pkg.Types]
	if !opts.Reuse || n.root && (opts.Cached == nil || !opts.Cached(n.pkg)) || pf == nil || !pf.complete {
		return false
	}
	for _, imp := range n.imports {
		if !imp.skip {
			return false
		}
	}
	return true
}

// analyzeAll analyzes every node not reused, each once its imports are
// done, on at most GOMAXPROCS goroutines at a time. It returns when they
// are all done or, if ctx is cancelled, when those under way are.
func (e *Engine) analyzeAll(ctx context.Context, all []*node, opts Options) {
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for _, n := range all {
		n.done = e.closed
		if !n.skip {
			n.done = make(chan struct{})
		}
	}
	var wg sync.WaitGroup
	for _, n := range all {
		if n.skip {
			// Its imports are skipped too (a package is reused only if
			// they are): nothing to wait for, nothing to run. An editor's
			// run skips most of the graph; no goroutine per package, no
			// channel of its own.
			continue
		}
		wg.Go(func() { e.analyzeWhenReady(ctx, n, sem, opts) })
	}
	wg.Wait()
}

// analyzeWhenReady waits for n's imports, then for one of sem's slots,
// and analyzes n unless ctx is cancelled meanwhile. It closes n.done in
// any case: n's importers wait on it.
func (e *Engine) analyzeWhenReady(ctx context.Context, n *node, sem chan struct{}, opts Options) {
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
	if opts.TypeCheck != nil {
		opts.TypeCheck(n.pkg)
	}
	e.analyze(n, sem, opts)
}

// forgetUnfinished drops the facts of the packages a cancelled run did
// not analyze: they are incomplete, and the next run must analyze them.
func (e *Engine) forgetUnfinished(all []*node) {
	e.mu.Lock()
	defer e.mu.Unlock()
	for _, n := range all {
		if !n.skip && n.acts == nil {
			delete(e.facts, n.pkg.Types)
		}
	}
}

// rootActions returns the action of each requested analyzer on each root
// not reused, analyzers outer (Result.Roots).
func (e *Engine) rootActions(roots []*packages.Package, nodes map[*packages.Package]*node) []*Action {
	var acts []*Action
	for _, a := range e.analyzers {
		for _, p := range roots {
			if n := nodes[p]; !n.skip {
				acts = append(acts, n.acts[a])
			}
		}
	}
	return acts
}

// failedDependencies returns the failed actions on the dependency packages
// analyzed, sorted by package ID, then analyzer name (Result.Failed).
func (e *Engine) failedDependencies(all []*node) []*Action {
	var failed []*Action
	for _, n := range all {
		if n.root || n.skip {
			continue
		}
		for _, a := range e.order {
			if act := n.acts[a]; act != nil && act.Err != nil {
				failed = append(failed, act)
			}
		}
	}
	slices.SortFunc(failed, func(a, b *Action) int {
		return cmp.Or(cmp.Compare(a.Package.ID, b.Package.ID), cmp.Compare(a.Analyzer.Name, b.Analyzer.Name))
	})
	return failed
}

// analyze runs the node's analyzers on its package, each after those it
// requires: along a schedule that uses the free slots of sem or, with
// Options.Sequential, one after the other in the engine's order.
func (e *Engine) analyze(n *node, sem chan struct{}, opts Options) {
	p := n.pkg
	pf := e.pkgFacts(p.Types)
	acts := make(map[*analysis.Analyzer]*Action)
	for _, a := range e.order {
		if n.root || e.onDeps[a] {
			acts[a] = &Action{Analyzer: a, Package: p, IsRoot: n.root}
		}
	}
	step := func(act *Action) {
		if act.Err = failedPrerequisites(act.Analyzer, n, acts); act.Err == nil {
			e.exec(act, n, pf, acts, opts)
		}
	}
	if !opts.Sequential && len(acts) > 1 {
		s := newSchedule(e.order, acts, sem, e.expected)
		s.runAll(func(i int) { step(s.acts[i]) })
	} else {
		for _, a := range e.order {
			if act := acts[a]; act != nil {
				step(act)
			}
		}
	}
	complete := true
	for a, act := range acts {
		if act.Err != nil && len(a.FactTypes) > 0 {
			complete = false
		}
	}
	if pf != nil {
		pf.complete = complete
	}
	if !n.root || !opts.Reuse {
		n.closure, n.pkgFactSrc = nil, nil // an editor's root keeps them for its next version (carry)
	}
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

// failedPrerequisites returns an error naming the actions a's action on
// n's package depends on that failed, nil if none did: a's requirements
// on the package (in acts) and, if a has facts, a's actions on the
// package's imports, as the checker's.
func failedPrerequisites(a *analysis.Analyzer, n *node, acts map[*analysis.Analyzer]*Action) error {
	var failed []*Action
	for _, req := range a.Requires {
		if r := acts[req]; r.Err != nil {
			failed = append(failed, r)
		}
	}
	if len(a.FactTypes) > 0 {
		for _, imp := range n.imports {
			if r := imp.acts[a]; r != nil && r.Err != nil {
				failed = append(failed, r)
			}
		}
	}
	if len(failed) == 0 {
		return nil
	}
	slices.SortFunc(failed, func(x, y *Action) int { return cmp.Compare(x.String(), y.String()) })
	names := make([]string, len(failed))
	for i, r := range failed {
		names[i] = r.String()
	}
	return &prerequisitesError{failed: names, cause: causeOf(failed[0])}
}

// A prerequisitesError is the error of an action whose prerequisites
// failed. Besides their names (the checker's message) it carries the
// first one's own error, followed through prerequisites that failed in
// turn: a driver reports the errors of root packages only, and without
// it a root would say "failed prerequisites: nocgo@example.com/lib" and
// never why the dependency's action failed.
type prerequisitesError struct {
	failed []string
	cause  string // "nocgo@example.com/lib: deploy/x.env: cannot read manifest: no such file"
}

func (e *prerequisitesError) Error() string {
	return fmt.Sprintf("failed prerequisites: %s (%s)", strings.Join(e.failed, ", "), e.cause)
}

// causeOf returns the action that failed first along r's failed
// prerequisites, with its error.
func causeOf(r *Action) string {
	if pe, ok := r.Err.(*prerequisitesError); ok {
		return pe.cause
	}
	return r.String() + ": " + r.Err.Error()
}

// exec runs one action whose prerequisites succeeded, or takes the result
// Options.Prepared holds for it (checked against its ResultType alike).
func (e *Engine) exec(act *Action, n *node, pf *pkgFacts, acts map[*analysis.Analyzer]*Action, opts Options) {
	if act.Err = cannotRun(act); act.Err != nil {
		return
	}
	if r, ok := prepared(opts, act); ok {
		act.Result = r
	} else {
		h := &hooks{e: e, act: act, n: n, pf: pf, running: true}
		start := time.Now()
		act.Result, act.Err = run(newPass(act, inputs(act.Analyzer, acts), h))
		e.observe(act.Analyzer, time.Since(start))
		h.running = false
	}
	if act.Err == nil {
		if err := resultTypeError(act); err != nil {
			act.Result, act.Err = nil, err
		}
	}
	if m, ok := act.Result.(RootMarker); ok && n.root {
		m.MarkRoot()
	}
}

// observe records what an action of a took (Engine.costs).
func (e *Engine) observe(a *analysis.Analyzer, took time.Duration) {
	e.costs.Lock()
	defer e.costs.Unlock()
	if e.costs.last == nil {
		e.costs.last = make(map[*analysis.Analyzer]time.Duration)
	}
	e.costs.last[a] = took
}

// expected returns what an action of a is expected to take: what its
// last action took, at least a microsecond (a chain of actions never run
// is as long as it has actions).
func (e *Engine) expected(a *analysis.Analyzer) time.Duration {
	e.costs.Lock()
	defer e.costs.Unlock()
	return max(e.costs.last[a], time.Microsecond)
}

// prepared returns the result Options.Prepared holds for act, if any; an
// analyzer with facts is always run.
func prepared(opts Options, act *Action) (any, bool) {
	if opts.Prepared == nil || len(act.Analyzer.FactTypes) > 0 {
		return nil, false
	}
	return opts.Prepared(act.Package, act.Analyzer)
}

// A RootMarker is an analyzer's result that is told when its package is a
// root of the run (a package whose every analyzer runs, not only those
// with facts): exec calls MarkRoot before the analyzers requiring the
// result run. lazyinspect's Inspector is one: on a root, the analyzers
// that walk the syntax before a check builds the inspector anyway can
// build it first and traverse it.
type RootMarker interface{ MarkRoot() }

// cannotRun returns why act's analyzer cannot run on its package, nil if
// it can: the package has errors and the analyzer does not run despite
// them (the checker's message, which the driver recognizes), or the
// package has no type information.
func cannotRun(act *Action) error {
	a, p := act.Analyzer, act.Package
	if (len(p.Errors) > 0 || len(p.TypeErrors) > 0) && !a.RunDespiteErrors {
		return fmt.Errorf("analysis skipped due to errors in package")
	}
	if p.Types == nil || p.TypesInfo == nil || p.Fset == nil {
		return fmt.Errorf("package %s has no type information", p.ID)
	}
	return nil
}

// inputs returns the results of a's requirements on the package, for
// Pass.ResultOf.
func inputs(a *analysis.Analyzer, acts map[*analysis.Analyzer]*Action) map[*analysis.Analyzer]any {
	in := make(map[*analysis.Analyzer]any, len(a.Requires))
	for _, req := range a.Requires {
		in[req] = acts[req].Result
	}
	return in
}

// newPass returns the pass of act, whose calls back into the engine go to h.
func newPass(act *Action, inputs map[*analysis.Analyzer]any, h *hooks) *analysis.Pass {
	p := act.Package
	module := &analysis.Module{}
	if p.Module != nil {
		module = analysisModule(p.Module)
	}
	pass := &analysis.Pass{
		Analyzer:          act.Analyzer,
		Fset:              p.Fset,
		Files:             p.Syntax,
		OtherFiles:        p.OtherFiles,
		IgnoredFiles:      p.IgnoredFiles,
		Pkg:               p.Types,
		TypesInfo:         p.TypesInfo,
		TypesSizes:        p.TypesSizes,
		TypeErrors:        p.TypeErrors,
		Module:            module,
		ResultOf:          inputs,
		Report:            h.report,
		ImportObjectFact:  h.importObjectFact,
		ImportPackageFact: h.importPackageFact,
		ExportObjectFact:  h.exportObjectFact,
		ExportPackageFact: h.exportPackageFact,
		AllObjectFacts:    h.allObjectFacts,
		AllPackageFacts:   h.allPackageFacts,
	}
	pass.ReadFile = func(name string) ([]byte, error) {
		if !readable(pass, name) {
			return nil, fmt.Errorf("Pass.ReadFile: %s is not among OtherFiles, IgnoredFiles, or names of Files", name)
		}
		return os.ReadFile(name)
	}
	return pass
}

// hooks are one action's calls back into the engine from its pass: its
// diagnostics, kept for a root only, and its facts, its own package's to
// write while the analyzer runs, and those of the package and its imports
// to read with the checker's visibility.
type hooks struct {
	e       *Engine
	act     *Action
	n       *node
	pf      *pkgFacts
	running bool // the analyzer's Run has not returned
}

func (h *hooks) report(d analysis.Diagnostic) {
	if h.n.root {
		h.act.Diagnostics = append(h.act.Diagnostics, d)
	}
}

func (h *hooks) importObjectFact(obj types.Object, fact analysis.Fact) bool {
	return h.e.importObjectFact(h.n, obj, fact)
}

// exportObjectFact records fact on obj, which must be an object of the
// package; like the checker, it panics on an analyzer's misuse: an object
// of another package, or a call after Run returned (from a goroutine the
// analyzer left running).
func (h *hooks) exportObjectFact(obj types.Object, fact analysis.Fact) {
	if !h.running {
		panic(fmt.Sprintf("%s: ExportObjectFact(%s, %T) called after Run", h.act, obj, fact))
	}
	if obj == nil || obj.Pkg() != h.act.Package.Types {
		panic(fmt.Sprintf("%s: ExportObjectFact(%v, %T): object of another package", h.act, obj, fact))
	}
	key := objectKey{obj, factType(fact)}
	h.pf.mu.Lock()
	h.pf.objs[key] = fact
	h.pf.mu.Unlock()
}

func (h *hooks) exportPackageFact(fact analysis.Fact) {
	if !h.running {
		panic(fmt.Sprintf("%s: ExportPackageFact(%T) called after Run", h.act, fact))
	}
	t := factType(fact)
	h.pf.mu.Lock()
	h.pf.pkg[t] = fact
	h.pf.mu.Unlock()
}

func (h *hooks) importPackageFact(pkg *types.Package, fact analysis.Fact) bool {
	return h.e.importPackageFact(h.n, pkg, fact)
}

func (h *hooks) allObjectFacts() []analysis.ObjectFact {
	return h.e.allObjectFacts(h.n, h.act.Analyzer)
}

func (h *hooks) allPackageFacts() []analysis.PackageFact {
	return h.e.allPackageFacts(h.n, h.act.Analyzer)
}

// resultTypeError returns an error if act's analyzer returned a result of
// another type than its ResultType, as the checker does.
func resultTypeError(act *Action) error {
	a := act.Analyzer
	if got, want := reflect.TypeOf(act.Result), a.ResultType; got != want {
		return fmt.Errorf("internal error: on package %s, analyzer %s returned a result of type %v, but declared ResultType %v", act.Package.PkgPath, a.Name, got, want)
	}
	return nil
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
