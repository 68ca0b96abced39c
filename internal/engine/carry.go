package engine

import (
	"slices"

	"golang.org/x/tools/go/packages"
)

// An editor's run after an edit has the graph of the run before it but
// for the packages type-checked again: the same package IDs, each new
// package in place of the last run's package of its ID, with imports of
// the same IDs. Building that graph again (newGraph, planReuse) visits
// every node and import edge of the program (tailscale's cmd/derper: 408
// nodes, 0.2-0.3 ms an edit in the server, on the edit's critical path,
// since the analyzers wait for the graph) though every node but the new
// ones is reused. carryOver builds it from the last run's graph instead,
// touching only the new packages and their imports; any other run falls
// back to newGraph.

// lastRun is what the next run may carry over from a completed run with
// Options.Reuse.
type lastRun struct {
	all      []*node // in postorder; node.pos indexes it
	byID     []*node // sorted by package ID; node.rank indexes it
	roots    []int   // the roots' ranks, sorted
	analyzed []*node // the nodes not reused
}

// A carry is a run's graph being taken from the last run's.
type carry struct {
	e        *Engine
	last     *lastRun
	fresh    []*node                     // the new packages' nodes, in postorder
	older    []*node                     // the last run's node of each of fresh, in the same order
	byPkg    map[*packages.Package]*node // fresh, by package
	replaced map[*node]bool              // older, as a set
}

// carryOver returns the graph of roots taken from the last run's, and the
// nodes to analyze (the others are reused), when this run differs from
// the last one only by packages type-checked again: the same root IDs,
// each new package replacing the last run's package of its ID with
// imports of the same IDs, no package of the last run importing a
// replaced one, and every package kept reusable. Otherwise it returns
// false and leaves the engine as it was (but for sorted imports).
func (e *Engine) carryOver(roots []*packages.Package, opts Options) (*graph, []*node, bool) {
	last := e.last
	if last == nil || e.noCarry || !opts.Reuse || len(e.onDeps) == 0 || e.idRank == nil || len(roots) != len(last.roots) {
		return nil, nil, false
	}
	c := &carry{e: e, last: last, byPkg: make(map[*packages.Package]*node), replaced: make(map[*node]bool)}
	ranks := make([]int, 0, len(roots))
	for _, p := range roots {
		n, ok := c.resolve(p)
		if !ok {
			return nil, nil, false
		}
		ranks = append(ranks, n.rank)
	}
	slices.Sort(ranks)
	if !slices.Equal(ranks, last.roots) || !c.oneVersionEach(roots) || !c.keptReusable(roots, opts) {
		return nil, nil, false
	}
	g, todo := c.commit(roots, opts)
	return g, todo, true
}

// resolve returns the node of p in this run: the last run's node if p is
// one of its packages, else a new node in place of the last run's node of
// p's ID, after the nodes of its imports. It returns false if p's ID is
// not the last run's, or p imports other IDs than its last version did.
func (c *carry) resolve(p *packages.Package) (*node, bool) {
	if n, ok := c.e.nodes[p]; ok {
		return n, true
	}
	if n, ok := c.byPkg[p]; ok {
		return n, true
	}
	i, ok := c.e.idRank[p.ID]
	if !ok {
		return nil, false
	}
	old := c.last.byID[i]
	imps := c.e.sortedImports(p)
	if old.pkg.ID != p.ID || c.replaced[old] || len(imps) != len(old.imports) {
		return nil, false
	}
	n := &node{pkg: p, gen: c.e.gen, rank: old.rank, pos: old.pos, importers: old.importers, imports: make([]*node, len(imps))}
	for k, imp := range imps {
		m, ok := c.resolve(imp)
		if !ok || imp.ID != old.imports[k].pkg.ID {
			return nil, false
		}
		n.imports[k] = m
	}
	c.byPkg[p], c.replaced[old] = n, true
	c.fresh, c.older = append(c.fresh, n), append(c.older, old)
	return n, true
}

// isFresh reports whether n is one of the run's new nodes.
func (c *carry) isFresh(n *node) bool { return c.byPkg[n.pkg] == n }

// isReplaced reports whether n is a node of the last run a new one replaces.
func (c *carry) isReplaced(n *node) bool { return c.replaced[n] }

// oneVersionEach reports whether this run has one node per package ID:
// no root and no import of a new node is a replaced node, and every
// importer of a replaced node is replaced too (its count of importers is
// the number of new nodes importing its ID: in the last run an ID was
// one node). A kept importer that still imports the older version of an
// edited package needs newGraph.
func (c *carry) oneVersionEach(roots []*packages.Package) bool {
	for _, p := range roots {
		if n, ok := c.e.nodes[p]; ok && c.isReplaced(n) {
			return false
		}
	}
	importers := make(map[*node]int) // a replaced node's importers in this run
	for i, n := range c.fresh {
		if slices.ContainsFunc(n.imports, c.isReplaced) {
			return false
		}
		for k, imp := range n.imports {
			if c.isFresh(imp) {
				importers[c.older[i].imports[k]]++ // imp replaces it: they have the same ID
			}
		}
	}
	for old := range c.replaced {
		if importers[old] != old.importers {
			return false
		}
	}
	return true
}

// keptReusable reports whether planReuse would reuse every node the run
// keeps: the kept roots are cached, and the nodes the last run analyzed
// completed their facts (those it reused had them already, and Forget
// drops lastRun).
func (c *carry) keptReusable(roots []*packages.Package, opts Options) bool {
	for _, p := range roots {
		if _, kept := c.e.nodes[p]; kept && (opts.Cached == nil || !opts.Cached(p)) {
			return false
		}
	}
	c.e.mu.Lock()
	defer c.e.mu.Unlock()
	for _, n := range c.last.analyzed {
		if c.isReplaced(n) {
			continue
		}
		if pf := c.e.facts[n.pkg.Types]; pf == nil || !pf.complete {
			return false
		}
	}
	return true
}

// commit makes the carried graph the engine's, as newGraph and planReuse
// would have left it: the replaced nodes forgotten with their sorted
// imports and facts, the new nodes in their places and planned, the
// nodes kept marked reused. It returns the graph and the nodes to analyze.
// The last run's postorder and order by ID become this run's, in place:
// only the engine holds them (every node shares byID; a kept node's is
// read only when it is analyzed, and then it is a new node).
func (c *carry) commit(roots []*packages.Package, opts Options) (*graph, []*node) {
	e := c.e
	all, byID := c.last.all, c.last.byID
	e.mu.Lock()
	for i, n := range c.fresh {
		old := c.older[i]
		all[n.pos], byID[n.rank] = n, n
		delete(e.nodes, old.pkg)
		delete(e.imports, old.pkg)
		if old.pkg.Types != nil {
			delete(e.facts, old.pkg.Types)
		}
	}
	for _, n := range c.last.analyzed {
		if !c.isReplaced(n) {
			n.skip, n.acts, n.done = true, nil, e.closed // as takeBack and planReuse leave a reused node
		}
	}
	var analyzed []*node
	for i, n := range c.fresh { // imports first, so reusable reads their skip
		e.nodes[n.pkg] = n
		n.root = slices.Contains(roots, n.pkg)
		n.byID, n.done = byID, e.closed
		if n.skip = e.reusable(n, opts); !n.skip {
			if n.pkg.Types != nil {
				e.facts[n.pkg.Types] = newPkgFacts()
			}
			analyzed = append(analyzed, n)
			c.memos(n, c.older[i])
		}
	}
	e.mu.Unlock()
	e.last = &lastRun{all: all, byID: byID, roots: c.last.roots, analyzed: analyzed}
	return &graph{nodes: e.nodes, all: all, byID: byID}, analyzed
}

// memos gives n the closure and fact sources of old, the last run's node
// of its ID, with n's package in place of old's, when old kept them (an
// editor's root) and every import of n is the last run's (no other new
// package in n's closure, so n's closure is old's but for n, and the
// fact sources of its imports are final). The engine's lock is held.
func (c *carry) memos(n, old *node) {
	if old.closure == nil || slices.ContainsFunc(n.imports, c.isFresh) {
		return
	}
	i := slices.Index(old.closure, old.pkg)
	if i < 0 {
		return
	}
	n.closure = slices.Clone(old.closure)
	n.closure[i] = n.pkg
	if old.pkgFactSrc == nil || n.pkg.Types == nil {
		return
	}
	n.pkgFactSrc = slices.Clone(old.pkgFactSrc)
	for k, src := range n.pkgFactSrc {
		if src.pkg == old.pkg.Types {
			n.pkgFactSrc[k] = &factSource{n.pkg.Types, c.e.facts[n.pkg.Types]}
			return
		}
	}
	n.pkgFactSrc = nil // old's own store is not among them: compute them
}

// recordRun keeps what the next run may carry over from a run whose
// graph newGraph built: each node's position and count of importers
// (takeBack cleared them), the roots' ranks and the nodes analyzed.
func (e *Engine) recordRun(g *graph, roots []*packages.Package) {
	var analyzed []*node
	for i, n := range g.all {
		n.pos = i
		for _, imp := range n.imports {
			imp.importers++
		}
		if !n.skip {
			analyzed = append(analyzed, n)
		}
	}
	ranks := make([]int, len(roots))
	for i, p := range roots {
		ranks[i] = g.nodes[p].rank
	}
	slices.Sort(ranks)
	e.last = &lastRun{all: g.all, byID: g.byID, roots: ranks, analyzed: analyzed}
}
