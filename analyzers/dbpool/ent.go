package dbpool

import (
	"fmt"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// entOpen is a fact on the Open function of a client that ent generated
// (func Open(driverName, dataSourceName string, options ...Option)
// (*Client, error)): it opens a pool with entsql.Open and keeps it inside
// the client's unexported config, where nothing can reach it to call
// SetMaxOpenConns. Site is where it opens the pool (file:line).
type entOpen struct{ Site string }

func (*entOpen) AFact()           {}
func (f *entOpen) String() string { return "entOpen(" + f.Site + ")" }

const entSQLOpen = "entgo.io/ent/dialect/sql.Open"

// localEntOpens returns this package's generated ent Opens (usually none),
// found on first use.
func (st *state) localEntOpens() map[*types.Func]*entOpen {
	if st.ents == nil {
		st.ents = map[*types.Func]*entOpen{}
		for fn, fd := range st.decls {
			if f := st.entOpenOf(fn, fd); f != nil {
				st.ents[fn] = f
			}
		}
	}
	return st.ents
}

// isEntOpen reports whether fd is a generated ent client's Open, whose
// pool is reported at its callers (entClients), not where it opens it.
func (st *state) isEntOpen(fd ast.Node) bool {
	d, ok := fd.(*ast.FuncDecl)
	if !ok {
		return false
	}
	fn, ok := st.info.Defs[d.Name].(*types.Func)
	return ok && st.localEntOpens()[fn] != nil
}

// entClients exports the entOpen fact of this package's generated Open,
// if it has one, and reports each call of an ent Open (rule "nolimit") at
// the call, where the user can open the pool instead: outside tests, and
// unless the calling function closes the client before the program
// needs it again (a migration CLI).
func (st *state) entClients() {
	local := st.localEntOpens()
	for fn, f := range local {
		st.pass.ExportObjectFact(fn, f)
	}
	if !st.c.noLimit {
		return
	}
	for cur := range st.root.Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		fn, _ := typeutil.Callee(st.info, call).(*types.Func)
		if fn == nil {
			continue
		}
		f := local[fn]
		if f == nil && fn.Pkg() != st.pass.Pkg {
			var imported entOpen
			if st.pass.ImportObjectFact(fn, &imported) {
				f = &imported
			}
		}
		if f == nil || st.inTest(cur) || st.entOneShot(cur, call) {
			continue
		}
		name := fn.Pkg().Name() + "." + fn.Name()
		d := analysis.Diagnostic{
			Pos: call.Pos(), End: call.End(), Category: catNoLimit,
			Message: fmt.Sprintf("pool opened by %s is never limited: the ent client keeps it where nothing can call SetMaxOpenConns; under load it opens connections without bound (open it with sql.Open, limit it, and pass entsql.OpenDB to %s.NewClient)", name, fn.Pkg().Name()),
		}
		if pos, ok := st.rel.PosString(f.Site); ok {
			d.Related = []analysis.RelatedInformation{{Pos: pos, Message: fmt.Sprintf("%s opens the pool here with entsql.Open", name)}}
		}
		st.pass.Report(d)
	}
}

// entOpenOf returns the entOpen fact of fn when it is a generated ent
// client's Open: a package-level func Open whose first result is a
// *Client of its package and whose body calls entsql.Open.
func (st *state) entOpenOf(fn *types.Func, fd *ast.FuncDecl) *entOpen {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || fd.Recv != nil || fn.Name() != "Open" || sig.Results().Len() != 2 {
		return nil
	}
	ptr, ok := types.Unalias(sig.Results().At(0).Type()).(*types.Pointer)
	if !ok {
		return nil
	}
	named, ok := types.Unalias(ptr.Elem()).(*types.Named)
	if !ok || named.Obj().Pkg() != st.pass.Pkg || named.Obj().Name() != "Client" {
		return nil
	}
	var site *ast.CallExpr
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && site == nil {
			if callee, ok := typeutil.Callee(st.info, call).(*types.Func); ok && callee.FullName() == entSQLOpen {
				site = call
			}
		}
		return site == nil
	})
	if site == nil {
		return nil
	}
	return &entOpen{Site: st.posString(site.Pos())}
}

// entOneShot reports whether the client that call returns is assigned to
// a local variable that the calling function closes and otherwise only
// calls methods and reads fields of, outside closures: a client for one
// task (a migration, a CLI command), not one handed to a server.
func (st *state) entOneShot(cur inspector.Cursor, call *ast.CallExpr) bool {
	as, ok := cur.Parent().Node().(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 || as.Rhs[0] != call || len(as.Lhs) == 0 {
		return false
	}
	id, ok := as.Lhs[0].(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := st.info.ObjectOf(id).(*types.Var)
	if !ok {
		return false
	}
	closed := false
	for _, use := range st.uses[v] {
		sel, ok := use.Parent().Node().(*ast.SelectorExpr)
		if !ok || sel.X != use.Node() {
			return false // passed on, stored, returned
		}
		if _, inLit := enclosingFunc(use).(*ast.FuncLit); inLit {
			return false // a handler or goroutine keeps it
		}
		closed = closed || sel.Sel.Name == "Close"
	}
	return closed
}
