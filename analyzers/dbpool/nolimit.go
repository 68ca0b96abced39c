package dbpool

import (
	"fmt"
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// noLimitLocal reports a pool followed to its end in this package that
// nothing limits (rule "nolimit"), at the call that opened or returned it.
func (st *state) noLimitLocal(v *value, prog *program) {
	if !st.c.noLimit || v.f.Limited || v.f.Escapes || v.perCall || st.testPool(v) || st.shortLived(v) || st.isEntOpen(v.fn) || isMigrationPkg(st.pass.Pkg.Path()) ||
		st.slotsLimited(v.f.Slots, prog.all) || !used(v.f.Users, v.f.Slots, prog.all) && !used(nil, v.f.Slots, st.slots) {
		return
	}
	var related []analysis.RelatedInformation
	if s := prog.holder(v.f.Slots); s != nil {
		related = st.holderRelated(s)
	}
	st.pass.Report(analysis.Diagnostic{
		Pos: v.pos, Category: catNoLimit, Related: related,
		Message: fmt.Sprintf("pool opened by %s is never limited: nothing calls SetMaxOpenConns on it; under load it opens connections without bound", v.site),
	})
}

// noLimitHeld reports a pool that another package opened into slots and
// that nothing in the program limits.
func (st *state) noLimitHeld(o heldOpen, prog *program) {
	if !st.c.noLimit || st.slotsLimited(o.Slots, prog.all) || !used(o.Users, o.Slots, prog.all) || isMigrationPkg(o.pkg) {
		return
	}
	slot := prog.holder(o.Slots)
	if slot == nil || isMigrationPkg(slot.PkgPath) {
		return
	}
	st.reportHeld(slot, o.Pos, o.pkg, catNoLimit, fmt.Sprintf("pool opened by %s and kept in %s is never limited: nothing in the program calls SetMaxOpenConns on it; under load it opens connections without bound", o.Site, slot.Name), nil)
}

// isMigrationPkg reports whether path is a package of the program's own
// schema migrations (its last element starts with "migrat": migrate,
// migration, migrations, migrator). Like the migration tools of the
// table, it runs one statement after another, at start-up or from a CLI:
// a pool it opens or keeps is not one that load drives (spicedb's
// internal/datastore/mysql/migrations keeps one in its MySQLDriver).
func isMigrationPkg(path string) bool {
	last := path[strings.LastIndex(path, "/")+1:]
	return strings.HasPrefix(last, "migrat")
}

// used reports whether a pool serves queries: some package calls a query
// method on it, directly or through the variables and fields it is stored
// in. A pool that is only pinged and closed needs no limit.
func used(users, slots []string, all map[string]*slotFact) bool {
	if len(users) > 0 {
		return true
	}
	for _, k := range slots {
		if s := all[k]; s != nil && len(s.Users) > 0 {
			return true
		}
	}
	return false
}

// shortLived reports whether v is a one-shot pool, whose life ends with
// the call of the function that opens or receives it (a CLI probe, a
// migration step, a version check): the function closes it, does not
// return it, uses it only in its own package, keeps it in local variables
// declared in it, and no closure or goroutine uses it. A pool kept also in
// struct fields is one-shot only when the struct stays in the function
// (a constructor that closes the pool only when setting up fails and
// returns the struct, lnd's newPostgresBackend, hands out a serving pool),
// and only outside func main and the functions main calls directly, whose
// structs (a server) live as long as the program. Per-call covers calling
// a one-shot function too often.
func (st *state) shortLived(v *value) bool {
	if !v.closed || len(v.returned) > 0 || v.f.Captured || v.heldHere {
		return false
	}
	for _, u := range v.f.Users {
		if u != st.pass.Pkg.Path() {
			return false // handed to other packages' components: a serving pool
		}
	}
	fd, ok := v.fn.(*ast.FuncDecl)
	if !ok {
		return false
	}
	for _, vr := range v.vars {
		if vr.Pos() < fd.Pos() || vr.Pos() >= fd.End() {
			return false
		}
	}
	if len(v.f.Slots) == 0 {
		return !v.stored // used right here, not by a goroutine
	}
	for _, k := range v.f.Slots {
		if s := st.slotByKey(k); s == nil || s.Field == "" {
			return false
		}
	}
	return !st.mainLifetime(fd)
}

// testPool reports whether v is a test's pool, which no load drives: it
// is opened or received in a _test.go file or a test helper (see inTest),
// opened in test support (see testSupport: trillian's storage/testdb,
// "creates new databases for tests"), or returned by a function of such
// code (v.test, carried by poolResult).
func (st *state) testPool(v *value) bool {
	return v.test || st.inTest(v.call)
}

// testSupport reports whether the file holding cur is test support
// compiled into its package: it refers to a type of package testing (T,
// B, F, M or TB, as trillian's testdb.SkipIfNoMySQL and lnd's
// postgres.NewFixture do). Importing testing is not enough: production
// code calls testing.Testing() to change its defaults under go test.
func (st *state) testSupport(cur inspector.Cursor) bool {
	for c := range cur.Enclosing((*ast.File)(nil)) {
		for n := range ast.Preorder(c.Node()) {
			if sel, ok := n.(*ast.SelectorExpr); ok {
				if tn, ok := st.info.Uses[sel.Sel].(*types.TypeName); ok && tn.Pkg() != nil && tn.Pkg().Path() == "testing" && testingType(tn.Name()) {
					return true
				}
			}
		}
	}
	return false
}

// testingType reports whether name is one of the types of package
// testing that only tests and their helpers take.
func testingType(name string) bool {
	switch name {
	case "T", "B", "F", "M", "TB":
		return true
	}
	return false
}

// mainLifetime reports whether fd is func main of a main package or a
// function of that package that main calls directly (func run() error).
func (st *state) mainLifetime(fd *ast.FuncDecl) bool {
	if st.pass.Pkg.Name() != "main" {
		return false
	}
	if st.mainCallees == nil {
		st.mainCallees = map[ast.Node]bool{}
		for fn, d := range st.decls {
			if d.Recv != nil || fn.Name() != "main" {
				continue
			}
			st.mainCallees[d] = true
			if c, ok := st.declCur[d]; ok {
				for cc := range c.Preorder((*ast.CallExpr)(nil)) {
					if callee := typeutilCallee(st.info, cc.Node().(*ast.CallExpr)); callee != nil {
						if cd := st.decls[callee]; cd != nil {
							st.mainCallees[cd] = true
						}
					}
				}
			}
		}
	}
	return st.mainCallees[fd]
}
