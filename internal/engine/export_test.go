package engine

import (
	"fmt"

	"golang.org/x/tools/go/packages"
)

// NoCarry makes every run of e build its graph with newGraph, for tests
// that compare a run carried over (carryOver) with the same run built.
func NoCarry(e *Engine) { e.noCarry = true }

// Carried reports whether e's last run was carried over from the one before.
func Carried(e *Engine) bool { return e.carried }

// Memos returns what e's node of p holds after a run: the IDs of its
// closure (whether each is p itself, and a package of e's last run) and, for each of its package fact sources, the package's path,
// whether it is p's own and how many facts the store holds.
func Memos(e *Engine, p *packages.Package) (closure, sources []string) {
	n := e.nodes[p]
	if n == nil {
		return nil, nil
	}
	for _, q := range n.closure {
		_, current := e.nodes[q]
		closure = append(closure, fmt.Sprintf("%s own=%v current=%v", q.ID, q == p, current))
	}
	for _, src := range n.pkgFactSrc {
		sources = append(sources, fmt.Sprintf("%s own=%v facts=%d", src.pkg.Path(), src.pkg == p.Types, len(src.pf.pkg)))
	}
	return closure, sources
}
