package envkeys

import (
	"go/ast"
	"go/constant"
	"go/token"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"

	"github.com/envvet/envvet/analyzers/envgraph"
	"github.com/envvet/envvet/internal/lazyinspect"
)

// bindGroups finds the env names that viper binds to one of its keys in
// one call, viper.BindEnv("db.url", "APP_DB_URL", "DB_URL") or a helper
// that hands its arguments on to it (MustBindEnv(input...)): viper tries
// them in order and takes the first that is set, so they are one
// declaration of several keys, as urfave/cli's EnvVars are. It returns
// each such reference's group, in argument order, keyed by the reference's
// position.
//
// A call's names form a group only when its first argument is viper's key
// and no reference of its own: a helper that binds each of its arguments
// as a key of its own (bindAll("a", "b")) has a reference at its first
// argument, and its keys stay apart.
func bindGroups(pass *analysis.Pass, refs []envgraph.Ref) map[token.Pos][]string {
	var cands []envgraph.Ref
	for _, r := range refs {
		if r.Kind == envgraph.Bind && r.Loader == envgraph.LoaderViper && !r.Dynamic && r.Key != "" && len(r.Group) == 0 && r.Pos.IsValid() {
			cands = append(cands, r)
		}
	}
	if len(cands) < 2 {
		return nil
	}
	refAt := make(map[token.Pos]bool, len(refs))
	for _, r := range refs {
		if r.Pos.IsValid() {
			refAt[r.Pos] = true
		}
	}
	type member struct {
		index int
		pos   token.Pos
		key   string
	}
	calls := make(map[*ast.CallExpr][]member)
	root := pass.ResultOf[lazyinspect.Analyzer].(*lazyinspect.Inspector).Root()
	for _, r := range cands {
		cur, ok := root.FindByPos(r.Pos, r.End)
		if !ok || cur.Node().Pos() != r.Pos || cur.Node().End() != r.End {
			continue
		}
		kind, index := cur.ParentEdge()
		if kind != edge.CallExpr_Args || index < 1 {
			continue
		}
		call, ok := cur.Parent().Node().(*ast.CallExpr)
		if !ok || call.Ellipsis.IsValid() || refAt[call.Args[0].Pos()] || !isConstString(pass, call.Args[0]) {
			continue
		}
		calls[call] = append(calls[call], member{index, r.Pos, r.Key})
	}
	groups := make(map[token.Pos][]string)
	for _, ms := range calls {
		if len(ms) < 2 {
			continue
		}
		slices.SortFunc(ms, func(a, b member) int { return a.index - b.index })
		keys := make([]string, len(ms))
		for i, m := range ms {
			keys[i] = m.key
		}
		for _, m := range ms {
			groups[m.pos] = keys
		}
	}
	return groups
}

// isConstString reports whether e is a constant string: viper's key.
func isConstString(pass *analysis.Pass, e ast.Expr) bool {
	tv, ok := pass.TypesInfo.Types[e]
	return ok && tv.Value != nil && tv.Value.Kind() == constant.String
}
