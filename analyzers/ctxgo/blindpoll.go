package ctxgo

import (
	"cmp"
	"go/ast"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/envvet/envvet/analyzers/ctxgo/internal/ctxsum"
	"github.com/envvet/envvet/internal/passutil"
)

// blindPoll reports the go statement at cur when its goroutine calls,
// with a context that can be cancelled, a function that polls blind to
// it (ctxsum's pollsBlind: for { try(); time.Sleep(d) }, with a way round
// that observes no context), or an interface method one of whose
// implementations in the package or the packages of its module it imports
// does: once the context is cancelled the goroutine keeps polling until
// what it polls for comes (rule 2, unobserved, its poll shape; temporal
// v1.46.0's reserveSlotAsync and ResourceBasedSlotSupplier.ReserveSlot).
// It reports whether it reported.
func blindPoll(pass *analysis.Pass, sum *ctxsum.Result, cur inspector.Cursor) bool {
	g := cur.Node().(*ast.GoStmt)
	info := pass.TypesInfo
	if pass.Pkg.Name() == "main" || processLifetime(info, cur) {
		return false
	}
	var region ast.Node
	for enc := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		region = enc.Node()
	}
	if region == nil {
		return false
	}
	// go f(ctx) and go iface.M(ctx): the arguments are the caller's.
	if _, isLit := ast.Unparen(g.Call.Fun).(*ast.FuncLit); !isLit {
		if call, polls := blindCall(sum, &liveness{info: info, g: g, regions: []ast.Node{region}}, g.Call); call != nil {
			reportBlindPoll(pass, g, call, polls)
			return true
		}
	}
	// The calls the literal or local function makes, its parameters
	// taking the go statement's arguments.
	ftype, body := goroutineBody(info, sum, g)
	if body == nil {
		return false
	}
	live := &liveness{info: info, g: g, params: passutil.Params(info, ftype), regions: []ast.Node{region, body}}
	for _, call := range ctxsum.OwnCalls(body) {
		if c, polls := blindCall(sum, live, call); c != nil {
			reportBlindPoll(pass, g, c, polls)
			return true
		}
	}
	return false
}

// blindCall returns call and the blind polls it may run when it passes a
// live context to a function that polls blind to it, or to an interface
// method with such implementations; nil otherwise.
func blindCall(sum *ctxsum.Result, live *liveness, call *ast.CallExpr) (*ast.CallExpr, []ctxsum.BlindPoll) {
	fn := ctxsum.Callee(live.info, call)
	if fn == nil || call.Ellipsis.IsValid() {
		return nil, nil
	}
	var out []ctxsum.BlindPoll
	for _, bp := range sum.PollsOf(fn) {
		if bp.Param < len(call.Args) && live.expr(call.Args[bp.Param], 0) {
			out = append(out, bp)
		}
	}
	if len(out) == 0 {
		return nil, nil
	}
	return call, out
}

// reportBlindPoll reports g, whose goroutine makes call, which may run the
// blind polls polls.
func reportBlindPoll(pass *analysis.Pass, g *ast.GoStmt, call *ast.CallExpr, polls []ctxsum.BlindPoll) {
	ctx := types.ExprString(call.Args[polls[0].Param])
	callStr := types.ExprString(call)
	if len(callStr) > 40 {
		callStr = types.ExprString(call.Fun) + "(…)"
	}
	what := "which polls in a loop (" + polls[0].Loop + ") without observing " + ctx
	if fn := ctxsum.Callee(pass.TypesInfo, call); len(polls) > 1 || fn == nil || ctxsum.QualifiedName(fn) != polls[0].Poller {
		var names, loops []string
		for _, bp := range polls {
			if name := pollerName(pass.Pkg, bp); !slices.Contains(names, name) {
				names = append(names, name)
				loops = append(loops, bp.Loop)
			}
		}
		what = "which may run " + strings.Join(names, " or ") + ": a loop (" + strings.Join(loops, ", ") + ") that polls without observing " + ctx
	}
	related := []analysis.RelatedInformation{{Pos: call.Pos(), End: call.End(), Message: "called here with " + ctx}}
	for _, bp := range polls {
		if bp.Pos.IsValid() && !slices.ContainsFunc(related, func(ri analysis.RelatedInformation) bool { return ri.Pos == bp.Pos }) {
			related = append(related, analysis.RelatedInformation{Pos: bp.Pos, End: bp.Pos + 3,
				Message: "this loop sleeps on every iteration and may go round without observing a context"})
		}
	}
	slices.SortFunc(related, func(a, b analysis.RelatedInformation) int { return cmp.Compare(a.Pos, b.Pos) })
	pass.Report(analysis.Diagnostic{
		Pos:      g.Pos(),
		End:      g.Call.Lparen,
		Category: catUnobserved,
		Message: "the goroutine started here calls " + callStr + ", " + what +
			" on every iteration, so once " + ctx + " is cancelled the goroutine keeps polling",
		Related: related,
	})
}

// pollerName names the function whose loop bp is, without the package
// name when it is pkg's.
func pollerName(pkg *types.Package, bp ctxsum.BlindPoll) string {
	if bp.PollerPkg == pkg.Path() {
		return strings.Replace(bp.Poller, pkg.Name()+".", "", 1)
	}
	return bp.Poller
}
