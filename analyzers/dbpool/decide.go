package dbpool

import (
	"slices"
	"strings"
)

// A program is what main knows of the whole program's pools: every
// package's slots, merged, and the pools opened into them that no package
// limited where it opened them.
type program struct {
	all     map[string]*slotFact
	reach   map[string][]string          // slot key → packages that read it
	useAt   map[string]map[string]string // slot key → package → its first read, "file:line:col"
	foreign []heldOpen
}

// A heldOpen is a pool that another package opened into slots, as its
// package fact says.
type heldOpen struct {
	openFact
	pkg string // the package that opened it
}

// decide reports the pools whose fate is settled in this package and, in
// a program's main package, the whole-program findings.
func (st *state) decide() {
	isMain := st.pass.Pkg.Name() == "main"
	prog := &program{all: map[string]*slotFact{}}
	if isMain {
		prog = st.gather()
	}
	pats := st.isolationPatterns(isMain)
	isolated := map[string]bool{} // slots already reported by rule 2
	if isMain {
		isolated = st.slotIsolation(prog, pats)
	}
	slices.SortFunc(st.done, func(a, b *value) int { return int(a.pos - b.pos) })
	for _, v := range st.done {
		if st.deferred(v.f) && !isMain {
			continue // exported as an openFact for main
		}
		st.isolationLocal(v, prog, pats, isolated)
		st.noLimitLocal(v, prog)
	}
	if !isMain {
		return
	}
	st.reportShared(prog)
	slices.SortFunc(prog.foreign, func(a, b heldOpen) int { return strings.Compare(a.Pos, b.Pos) })
	seen := map[string]bool{}
	for _, o := range prog.foreign {
		if seen[o.Pos] || !st.inModule(o.pkg) {
			continue // a dependency's own pool: the user can neither limit nor suppress it
		}
		seen[o.Pos] = true
		st.isolationHeld(o, prog, pats, isolated)
		st.noLimitHeld(o, prog)
	}
}

// gather merges the package facts of the program with this package's
// slots.
func (st *state) gather() *program {
	prog := &program{all: map[string]*slotFact{}, reach: map[string][]string{}, useAt: map[string]map[string]string{}}
	for _, pf := range st.pass.AllPackageFacts() {
		p, ok := pf.Fact.(*pkgPools)
		if !ok || pf.Package == st.pass.Pkg || strings.HasSuffix(pf.Package.Path(), ".test") {
			continue
		}
		for _, s := range p.Slots {
			prog.add(pf.Package.Path(), s)
		}
		for _, o := range p.Opens {
			prog.foreign = append(prog.foreign, heldOpen{o, pf.Package.Path()})
		}
	}
	for _, s := range st.slots {
		prog.add(st.pass.Pkg.Path(), *s)
	}
	return prog
}

// add merges slot s, as package pkg sees it, into the program.
func (prog *program) add(pkg string, s slotFact) {
	a := prog.all[s.Key]
	if a == nil {
		c := s
		c.Users = slices.Clone(s.Users)
		prog.all[s.Key] = &c
	} else {
		a.Users = addAll(a.Users, s.Users...)
		a.Limited = a.Limited || s.Limited
		a.Max = max(a.Max, s.Max)
		if a.Decl == "" {
			a.Decl = s.Decl
		}
		if s.Open != "" && (a.Open == "" || s.Open < a.Open) {
			a.Open, a.OpenSite, a.OpenPkg = s.Open, s.OpenSite, s.OpenPkg
		}
	}
	if s.Reach {
		prog.reach[s.Key] = addAll(prog.reach[s.Key], pkg)
		if s.Use != "" {
			if prog.useAt[s.Key] == nil {
				prog.useAt[s.Key] = map[string]string{}
			}
			prog.useAt[s.Key][pkg] = s.Use
		}
	}
}

// inModule reports whether the package path belongs to the module being
// analyzed (the current package's). Without module information (GOPATH
// mode) every package does, except the libraries whose openers the table
// models: their own opens are reported at the user's call.
func (st *state) inModule(path string) bool {
	if isModeledLibrary(path) {
		return false
	}
	if st.pass.Module == nil || st.pass.Module.Path == "" {
		return true
	}
	m := st.pass.Module.Path
	return path == m || strings.HasPrefix(path, m+"/")
}
