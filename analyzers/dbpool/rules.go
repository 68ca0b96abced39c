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

	"github.com/envvet/envvet/internal/passutil"
)

// Rule 3: pool per call.

// scopeOf returns the innermost function around cur and the loop, inside
// that function, whose body holds cur (nil when there is none).
func scopeOf(cur inspector.Cursor) (fn ast.Node, loop ast.Node) {
	pos := cur.Node().Pos()
	for c := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil), (*ast.ForStmt)(nil), (*ast.RangeStmt)(nil)) {
		switch n := c.Node().(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return n, loop
		case *ast.ForStmt:
			if loop == nil && n.Body != nil && n.Body.Pos() <= pos && pos < n.Body.End() {
				loop = n
			}
		case *ast.RangeStmt:
			if loop == nil && n.Body != nil && n.Body.Pos() <= pos && pos < n.Body.End() {
				loop = n
			}
		}
	}
	return nil, loop
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

// isHandler reports whether ft is func(http.ResponseWriter, *http.Request).
func isHandler(info *types.Info, ft *ast.FuncType) bool {
	if ft == nil || ft.Params == nil {
		return false
	}
	var params []types.Type
	for _, f := range ft.Params.List {
		tv, ok := info.Types[f.Type]
		if !ok || tv.Type == nil {
			return false
		}
		n := max(len(f.Names), 1)
		for range n {
			params = append(params, tv.Type)
		}
	}
	if len(params) != 2 {
		return false
	}
	return isNamed(params[0], "net/http", "ResponseWriter") && isPtrToNamed(params[1], "net/http", "Request")
}

func isNamed(t types.Type, pkg, name string) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == pkg && n.Obj().Name() == name
}

func isPtrToNamed(t types.Type, pkg, name string) bool {
	p, ok := types.Unalias(t).(*types.Pointer)
	return ok && isNamed(p.Elem(), pkg, name)
}

// where describes the per-call context of cur, or returns "" when cur runs
// once per call of a function that is neither a handler nor in a loop.
func (st *state) where(cur inspector.Cursor) (desc string, scope ast.Node, isLoop bool) {
	fn, loop := scopeOf(cur)
	if loop != nil {
		return fmt.Sprintf("every iteration of the loop on line %d", st.pass.Fset.Position(loop.Pos()).Line), loop, true
	}
	if fn != nil && isHandler(st.info, funcType(fn)) {
		switch fn := fn.(type) {
		case *ast.FuncDecl:
			return "every request in handler " + funcName(st.pass.Pkg, fn), fn, false
		default:
			return fmt.Sprintf("every request in the handler literal on line %d", st.pass.Fset.Position(fn.Pos()).Line), fn, false
		}
	}
	return "", nil, false
}

// perCall reports a pool opened in a handler or a loop and kept local to it.
func (st *state) perCall(v *value) {
	if v.opener == "" {
		return
	}
	desc, scope, isLoop := st.where(v.call)
	if desc == "" {
		return
	}
	// A pool kept beyond the request or iteration (stored, returned,
	// assigned to an outer variable) is lazy initialization or one pool per
	// tenant, not a pool per call.
	if len(v.returned) > 0 || len(v.f.Slots) > 0 || v.stored || isLoop && v.f.Escapes {
		return
	}
	if len(v.f.Users) == 0 {
		return // only pinged: a connectivity probe, as in a wait-for-database loop
	}
	for _, vr := range v.vars {
		if vr.Pos() < scope.Pos() || vr.Pos() >= scope.End() {
			return
		}
	}
	if isLoop && st.loopVariant(v.call.Node().(*ast.CallExpr), scope) {
		return // a pool per database or tenant, not the same pool again
	}
	advice := "open it once at start-up and share it"
	if isLoop {
		advice = "open it once before the loop"
	}
	v.perCall = true // rule 4 stays quiet about it even when rule 3 is off
	if !st.c.perCall || st.inTest(v.call) {
		return
	}
	call := v.call.Node()
	st.pass.Report(analysis.Diagnostic{
		Pos: call.Pos(), End: call.End(), Category: catPerCall,
		Message: fmt.Sprintf("%s opens a new pool on %s; %s", v.opener, desc, advice),
		Related: st.scopeRelated(scope, isLoop),
	})
}

// scopeRelated returns the related information of a per-call finding
// whose scope (see where) is a loop or a handler: the loop, or the
// handler and the calls of this package that register it.
func (st *state) scopeRelated(scope ast.Node, isLoop bool) []analysis.RelatedInformation {
	if scope == nil {
		return nil
	}
	if isLoop {
		return []analysis.RelatedInformation{{Pos: scope.Pos(), Message: "each iteration of this loop opens the pool again"}}
	}
	var out []analysis.RelatedInformation
	switch fn := scope.(type) {
	case *ast.FuncDecl:
		obj, ok := st.info.Defs[fn.Name].(*types.Func)
		if !ok || obj == nil {
			return nil
		}
		name := calleeName(obj)
		out = append(out, analysis.RelatedInformation{
			Pos: fn.Name.Pos(), End: fn.Name.End(),
			Message: fmt.Sprintf("handler %s runs once per request", name),
		})
		for cur := range st.root.Preorder((*ast.Ident)(nil)) {
			id := cur.Node().(*ast.Ident)
			if st.info.Uses[id] != obj {
				continue
			}
			arg := cur
			if arg.ParentEdgeKind() == edge.SelectorExpr_Sel {
				arg = arg.Parent() // percall.Handle, s.handle
			}
			if call, ok := registration(arg); ok {
				out = append(out, analysis.RelatedInformation{
					Pos: id.Pos(), End: id.End(),
					Message: fmt.Sprintf("handler %s is passed to %s here", name, types.ExprString(call.Fun)),
				})
			}
		}
	case *ast.FuncLit:
		msg := "this handler literal runs once per request"
		if cur, ok := st.root.FindNode(fn); ok {
			if call, ok := registration(cur); ok {
				msg = fmt.Sprintf("this handler literal, passed to %s, runs once per request", types.ExprString(call.Fun))
			}
		}
		out = append(out, analysis.RelatedInformation{Pos: fn.Pos(), End: fn.Type.End(), Message: msg})
	}
	return out
}

// registration returns the call that cur is an argument of.
func registration(cur inspector.Cursor) (*ast.CallExpr, bool) {
	if cur.ParentEdgeKind() != edge.CallExpr_Args {
		return nil, false
	}
	call, ok := cur.Parent().Node().(*ast.CallExpr)
	return call, ok
}

// loopVariant reports whether an argument of call (the data source name)
// depends on a variable declared in loop, such as its range variables.
func (st *state) loopVariant(call *ast.CallExpr, loop ast.Node) bool {
	variant := false
	for _, arg := range call.Args {
		ast.Inspect(arg, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				if vr, ok := st.info.Uses[id].(*types.Var); ok && vr.Pos() >= loop.Pos() && vr.Pos() < loop.End() {
					variant = true
				}
			}
			return !variant
		})
	}
	return variant
}

// perCallHelper reports a call, in a handler or a loop, of a function that
// opens and closes its own pool.
func (st *state) perCallHelper(cc inspector.Cursor, callee *types.Func, own *opensOwnPool) {
	desc, scope, isLoop := st.where(cc)
	if desc == "" || st.inTest(cc) {
		return
	}
	how := own.Open
	if len(own.Via) > 0 {
		how += " via " + strings.Join(own.Via, " → ")
	}
	call := cc.Node()
	st.pass.Report(analysis.Diagnostic{
		Pos: call.Pos(), End: call.End(), Category: catPerCall,
		Message: fmt.Sprintf("%s opens and closes its own pool (%s) on every call, and is called on %s", calleeName(callee), how, desc),
		Related: st.scopeRelated(scope, isLoop),
	})
}

// ownPool returns the opensOwnPool fact of decl: it opens a pool into a
// local variable and closes it, outside any loop and closure, or it calls
// such a function there.
func (st *state) ownPool(cur inspector.Cursor, decl *ast.FuncDecl, vals []*value) *opensOwnPool {
	for _, v := range vals {
		if v.opener == "" || !v.closed || v.stored || len(v.returned) > 0 || len(v.f.Slots) > 0 || len(v.f.Users) == 0 {
			continue
		}
		if fn, loop := scopeOf(v.call); fn != ast.Node(decl) || loop != nil {
			continue
		}
		local := true
		for _, vr := range v.vars {
			local = local && vr.Pos() >= decl.Pos() && vr.Pos() < decl.End()
		}
		if local {
			return &opensOwnPool{Open: v.opener}
		}
	}
	for cc := range cur.Preorder((*ast.CallExpr)(nil)) {
		if fn, loop := scopeOf(cc); fn != ast.Node(decl) || loop != nil {
			continue
		}
		callee := typeutilCallee(st.info, cc.Node().(*ast.CallExpr))
		if callee == nil || callee == st.info.Defs[decl.Name] {
			continue
		}
		if own := st.ownOf(callee); own != nil {
			return &opensOwnPool{Open: own.Open, Via: append([]string{calleeName(callee)}, own.Via...)}
		}
	}
	return nil
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

// inTest reports whether cur is in a _test.go file or in a test helper
// (a function taking *testing.T, *testing.B, *testing.F or testing.TB):
// tests open throwaway pools and never limit them, and that is fine.
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
				if isPtrToNamed(t, "testing", "T") || isPtrToNamed(t, "testing", "B") || isPtrToNamed(t, "testing", "F") || isNamed(t, "testing", "TB") {
					return true
				}
			}
		}
	}
	return false
}

// shortLived reports whether v is a pool whose life ends with the call
// of the function that holds it: the function closes it, keeps it in local
// variables or struct fields (not package variables), does not return it
// and does not hand it to other packages, and it is not the program's
// main or a function that main calls,
// whose pools live as long as the program. Such a pool is a one-shot
// helper's (per-call covers calling it too often), not the serving pool.
func (st *state) shortLived(v *value) bool {
	if !v.closed || len(v.returned) > 0 {
		return false
	}
	for _, u := range v.f.Users {
		if u != st.pass.Pkg.Path() {
			return false // handed to other packages' components: a serving pool
		}
	}
	for _, k := range v.f.Slots {
		if s := st.slotByKey(k); s == nil || s.Field == "" {
			return false
		}
	}
	fd, ok := v.fn.(*ast.FuncDecl)
	if !ok || st.mainLifetime(fd) {
		return false
	}
	for _, vr := range v.vars {
		if vr.Pos() < fd.Pos() || vr.Pos() >= fd.End() {
			return false
		}
	}
	return true
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

// Rules 1, 2 and 4: decisions.

// decide reports the pools whose fate is settled in this package and, in
// a program's main package, the whole-program findings.
func (st *state) decide() {
	isMain := st.pass.Pkg.Name() == "main"
	module := ""
	if st.pass.Module != nil {
		module = st.pass.Module.Path
	}
	isolate := st.c.isolate
	if len(isolate) == 0 && isMain {
		isolate = st.manifestIsolate()
	}
	pats := compilePatterns(isolate, module)

	all := map[string]*slotFact{}
	reach := map[string][]string{}
	useAt := map[string]map[string]string{} // slot key → package → its first read, "file:line:col"
	var foreign []openFact
	if isMain {
		add := func(pkg string, s slotFact) {
			a := all[s.Key]
			if a == nil {
				c := s
				c.Users = slices.Clone(s.Users)
				all[s.Key] = &c
			} else {
				a.Users = addAll(a.Users, s.Users...)
				a.Limited = a.Limited || s.Limited
				a.Max = max(a.Max, s.Max)
				if a.Decl == "" {
					a.Decl = s.Decl
				}
			}
			if s.Reach {
				reach[s.Key] = addAll(reach[s.Key], pkg)
				if s.Use != "" {
					if useAt[s.Key] == nil {
						useAt[s.Key] = map[string]string{}
					}
					useAt[s.Key][pkg] = s.Use
				}
			}
		}
		for _, pf := range st.pass.AllPackageFacts() {
			p, ok := pf.Fact.(*pkgPools)
			if !ok || pf.Package == st.pass.Pkg || strings.HasSuffix(pf.Package.Path(), ".test") {
				continue
			}
			for _, s := range p.Slots {
				add(pf.Package.Path(), s)
			}
			foreign = append(foreign, p.Opens...)
		}
		for _, s := range st.slots {
			add(st.pass.Pkg.Path(), *s)
		}
	}

	// Pools followed to their end in this package.
	isolated := map[string]bool{} // slots already reported by rule 2
	if isMain {
		isolated = st.slotIsolation(all, pats)
	}
	slices.SortFunc(st.done, func(a, b *value) int { return int(a.pos - b.pos) })
	for _, v := range st.done {
		deferred := st.deferred(v.f) && !isMain
		if deferred {
			continue // exported as an openFact for main
		}
		users := slices.Clone(v.f.Users)
		reported := false
		for _, k := range v.f.Slots {
			// A field holds many pools (one per instance): only a
			// package variable's users are this pool's users.
			if s := all[k]; s != nil && s.Field == "" {
				users = addAll(users, s.Users...)
			}
			reported = reported || isolated[k]
		}
		subject := "pool opened by " + v.site
		if st.c.isolation && !reported {
			if groups := isolationGroups(users, pats); groups != "" {
				st.pass.Report(analysis.Diagnostic{
					Pos: v.pos, Category: catIsolation,
					Message: fmt.Sprintf("%s is shared by packages that must be isolated: %s; give each its own pool", subject, groups),
				})
			}
		}
		if st.c.noLimit && !v.f.Limited && !v.f.Escapes && !v.perCall && !st.inTest(v.call) && !st.shortLived(v) &&
			!st.slotsLimited(v.f.Slots, all) && used(v.f.Users, v.f.Slots, all) {
			st.pass.Report(analysis.Diagnostic{
				Pos: v.pos, Category: catNoLimit,
				Message: fmt.Sprintf("%s is never limited: nothing calls SetMaxOpenConns on it; under load it opens connections without bound", subject),
			})
		}
	}
	if !isMain {
		return
	}

	// Rule 1.
	keys := make([]string, 0, len(all))
	for k := range all {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	if st.c.shared {
		for _, k := range keys {
			s := all[k]
			if s.Field != "" {
				continue
			}
			var others []string
			for _, p := range reach[k] {
				if p != s.PkgPath {
					others = append(others, p)
				}
			}
			if len(others) < 2 {
				continue
			}
			limit := ""
			if s.Limited && s.Max > 0 {
				limit = fmt.Sprintf(" (max %d open)", s.Max)
			}
			// Related: where each package uses the pool.
			var related []analysis.RelatedInformation
			for i, p := range others {
				if pos, ok := st.rel.PosString(useAt[k][p]); ok {
					related = append(related, analysis.RelatedInformation{
						Pos: pos, Message: fmt.Sprintf("package %s uses %s here", shortName(others, i), s.Name),
					})
				}
			}
			st.reportAtSlot(s, catShared, fmt.Sprintf("%s%s is shared by %d packages: %s; one slow package starves the others",
				s.Name, limit, len(others), strings.Join(shortNames(others), ", ")), related...)
		}
	}

	// Rules 2 and 4 for pools that other packages opened into slots.
	slices.SortFunc(foreign, func(a, b openFact) int { return strings.Compare(a.Pos, b.Pos) })
	seen := map[string]bool{}
	for _, o := range foreign {
		if seen[o.Pos] {
			continue
		}
		seen[o.Pos] = true
		var slot *slotFact
		users := slices.Clone(o.Users)
		reported := false
		for _, k := range o.Slots {
			s := all[k]
			if s == nil {
				continue
			}
			if slot == nil || slot.Field != "" && s.Field == "" {
				slot = s // prefer a package variable
			}
			if s.Field == "" {
				users = addAll(users, s.Users...)
			}
			reported = reported || isolated[k]
		}
		if slot == nil {
			continue
		}
		if st.c.isolation && !reported {
			if groups := isolationGroups(users, pats); groups != "" {
				st.reportAtSlot(slot, catIsolation, fmt.Sprintf("%s holds a pool (opened by %s) shared by packages that must be isolated: %s; give each its own pool", slot.Name, o.Site, groups))
			}
		}
		if st.c.noLimit && !st.slotsLimited(o.Slots, all) && used(o.Users, o.Slots, all) {
			st.reportAtSlot(slot, catNoLimit, fmt.Sprintf("%s holds a pool opened by %s that nothing in the program limits with SetMaxOpenConns; under load it opens connections without bound", slot.Name, o.Site))
		}
	}
}

// slotIsolation reports the slots whose users fall under different
// isolation patterns, and returns them.
func (st *state) slotIsolation(all map[string]*slotFact, pats []*regexpT) map[string]bool {
	out := map[string]bool{}
	if !st.c.isolation || len(pats) < 2 {
		return out
	}
	keys := make([]string, 0, len(all))
	for k := range all {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		s := all[k]
		if s.Field != "" {
			continue // a field holds one pool per instance
		}
		if groups := isolationGroups(s.Users, pats); groups != "" {
			out[k] = true
			st.reportAtSlot(s, catIsolation, fmt.Sprintf("%s is shared by packages that must be isolated: %s; give each its own pool", s.Name, groups))
		}
	}
	return out
}

// isolationGroups describes how users fall under the patterns, or returns
// "" when they fall under fewer than two.
func isolationGroups(users []string, pats []*regexpT) string {
	if len(pats) < 2 {
		return ""
	}
	byPat := make([][]string, len(pats))
	n := 0
	for _, u := range users {
		for i, p := range pats {
			if p.MatchString(u) {
				if byPat[i] == nil {
					n++
				}
				byPat[i] = append(byPat[i], u)
				break
			}
		}
	}
	if n < 2 {
		return ""
	}
	var parts []string
	for i, us := range byPat {
		if us != nil {
			parts = append(parts, fmt.Sprintf("%s (%s)", strings.Join(shortNames(us), ", "), patternText(pats[i])))
		}
	}
	return strings.Join(parts, " and ")
}

// reportAtSlot reports at the declaration of a pool variable or field,
// which may be in another package of the program. Both go vet (export
// data) and the multichecker (source) give imported objects a file:line;
// when the object cannot be found, the report goes to the main package
// and names the declaration.
func (st *state) reportAtSlot(s *slotFact, cat, msg string, related ...analysis.RelatedInformation) {
	pos := st.slotPos(s)
	if !pos.IsValid() {
		pos = st.mainPos()
		if s.Decl != "" {
			msg += fmt.Sprintf(" (%s declared at %s)", s.Name, shortPos(s.Decl))
		}
	}
	st.pass.Report(analysis.Diagnostic{Pos: pos, Category: cat, Message: msg, Related: related})
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

// manifestIsolate returns the isolation patterns of the envvet.yaml that
// governs the main package, if any. A broken manifest is envkeys' to
// report; dbpool then runs without declared isolation.
func (st *state) manifestIsolate() []string {
	dir := passutil.PackageDir(st.pass)
	if dir == "" {
		return nil
	}
	m, err := st.c.manifests.ForDir(dir, nil)
	if err != nil || m == nil {
		return nil
	}
	return m.Isolate
}
