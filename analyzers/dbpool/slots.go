package dbpool

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/envvet/envvet/internal/relpos"
)

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
// every method promoted from an embedded pool, and every call of an
// accessor that returns one.
func (st *state) slotRefs() {
	for cur := range st.root.Preorder((*ast.Ident)(nil)) {
		st.slotRead(cur)
	}
	for cur := range st.root.Preorder((*ast.SelectorExpr)(nil)) {
		f := st.embeddedPool(cur.Node().(*ast.SelectorExpr))
		if f == nil {
			continue
		}
		if slot := st.slotOfField(f); slot != nil {
			// Have: x.m, promoted from the pool that x embeds.
			v := &value{fn: outerFuncDecl(cur)}
			if st.member(cur, v) {
				st.classify(cur, v)
			}
			st.follow(v)
			st.mergeRead(slot, v, cur.Node())
		}
	}
	for cc := range st.root.Preorder((*ast.CallExpr)(nil)) {
		callee := typeutil.StaticCallee(st.info, cc.Node().(*ast.CallExpr))
		if callee == nil {
			continue
		}
		for _, r := range st.results(callee.Origin()) {
			if r.Slot == "" || r.Index == 0 && isAccessorReturn(cc) && cc.ParentEdgeKind() == edge.ReturnStmt_Results {
				continue
			}
			if slot := st.slotByKey(r.Slot); slot != nil {
				v := &value{fn: outerFuncDecl(cc)}
				st.bindResult(cc, r.Index, v)
				st.follow(v)
				st.mergeRead(slot, v, cc.Node())
			}
		}
	}
}

// slotRead follows the read of a pool variable or field at the
// identifier cur, if it is one.
func (st *state) slotRead(cur inspector.Cursor) {
	vr, ok := st.info.Uses[cur.Node().(*ast.Ident)].(*types.Var)
	if !ok || !isPoolType(vr.Type()) || !(vr.IsField() || isPkgVar(vr)) {
		return
	}
	expr := cur
	if cur.ParentEdgeKind() == edge.SelectorExpr_Sel {
		expr = cur.Parent()
	} else if vr.IsField() {
		return // a composite literal key or an embedded field
	}
	if k := expr.ParentEdgeKind(); k == edge.AssignStmt_Lhs || k == edge.ReturnStmt_Results && isAccessorReturn(expr) {
		return
	}
	var slot *slotFact
	if vr.IsField() {
		slot = st.slotOfField(vr)
	} else {
		slot = st.slotOfVar(vr)
	}
	if slot == nil {
		return
	}
	v := &value{fn: outerFuncDecl(cur)}
	st.classify(expr, v)
	st.follow(v)
	st.mergeRead(slot, v, expr.Node())
}

// mergeRead adds what the read of slot at at did with the pool, followed
// as v, to the slot.
func (st *state) mergeRead(slot *slotFact, v *value, at ast.Node) {
	if v.touched {
		slot.Reach = true
		if slot.Use == "" {
			slot.Use = relpos.Format(st.pass.Fset, at.Pos())
		}
	}
	slot.Users = addAll(slot.Users, v.f.Users...)
	if v.f.Escapes {
		st.lostSlots[slot.Key] = true
	}
	if v.f.Limited {
		slot.Limited = true
		slot.Max = max(slot.Max, v.f.Max)
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
		if v.f.Limited || v.f.Escapes || !st.deferred(v.f) || st.slotsLimited(v.f.Slots, nil) || st.shortLived(v) || st.testPool(v) {
			continue
		}
		pf.Opens = append(pf.Opens, openFact{Site: v.site, Pos: relpos.Format(st.pass.Fset, v.pos), Slots: v.f.Slots, Users: v.f.Users})
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
	return (st.hasVarSlot(f.Slots) || f.Held && len(f.Slots) > 0) && !st.ownedHere(f.Slots)
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

// reportHeld reports a finding about the pool held in slot s at the call
// that opened it (open, "file:line:col", in package openPkg), with the
// holder's declaration as related information. When that call is outside
// the module or its position does not resolve, the finding goes to the
// holder's declaration if that is in the module, and is dropped
// otherwise: a user can neither fix nor suppress a position in a
// dependency.
func (st *state) reportHeld(s *slotFact, open, openPkg, cat, msg string, related []analysis.RelatedInformation) {
	if pos, ok := st.rel.PosString(open); ok && st.inModule(openPkg) {
		related = append(st.holderRelated(s), related...)
		st.pass.Report(analysis.Diagnostic{Pos: pos, Category: cat, Message: msg, Related: related})
		return
	}
	if !st.inModule(s.PkgPath) {
		return
	}
	pos := st.slotPos(s)
	if !pos.IsValid() {
		pos = st.mainPos()
		if s.Decl != "" {
			msg += fmt.Sprintf(" (%s declared at %s)", s.Name, shortPos(s.Decl))
		}
	}
	st.pass.Report(analysis.Diagnostic{Pos: pos, Category: cat, Message: msg, Related: related})
}

// holderRelated returns the related information naming the declaration
// of the variable or field s, when it is in the module.
func (st *state) holderRelated(s *slotFact) []analysis.RelatedInformation {
	if !st.inModule(s.PkgPath) {
		return nil
	}
	pos := st.slotPos(s)
	if !pos.IsValid() {
		return nil
	}
	what := "variable"
	if s.Field != "" {
		what = "field"
	}
	return []analysis.RelatedInformation{{Pos: pos, Message: fmt.Sprintf("the pool is kept in %s %s, declared here", what, s.Name)}}
}

// holder returns the slot of keys that best names where a pool is kept:
// a package variable rather than a field.
func (prog *program) holder(keys []string) *slotFact {
	var slot *slotFact
	for _, k := range keys {
		if s := prog.all[k]; s != nil && (slot == nil || slot.Field != "" && s.Field == "") {
			slot = s
		}
	}
	return slot
}

func sortedKeys(m map[string]*slotFact) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func (st *state) slotPos(s *slotFact) token.Pos {
	for _, p := range st.packages() {
		if p.Path() != s.PkgPath {
			continue
		}
		o := p.Scope().Lookup(s.Obj)
		if o == nil {
			return token.NoPos
		}
		if s.Field == "" {
			return o.Pos()
		}
		if str, ok := o.Type().Underlying().(*types.Struct); ok {
			for i := 0; i < str.NumFields(); i++ {
				if str.Field(i).Name() == s.Field {
					return str.Field(i).Pos()
				}
			}
		}
		return token.NoPos
	}
	return token.NoPos
}

// mainPos is the name of func main, or the package clause.
func (st *state) mainPos() token.Pos {
	for _, f := range st.pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil && fd.Name.Name == "main" {
				return fd.Name.Pos()
			}
		}
	}
	if len(st.pass.Files) > 0 {
		return st.pass.Files[0].Name.Pos()
	}
	return token.NoPos
}

func shortPos(s string) string {
	return filepath.Base(s)
}
