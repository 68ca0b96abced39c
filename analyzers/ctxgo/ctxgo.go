package ctxgo

import (
	_ "embed"
	"go/ast"
	"go/token"
	"go/types"
	"go/version"
	"slices"

	"golang.org/x/tools/go/analysis"

	"github.com/envvet/envvet/analyzers/ctxgo/internal/ctxsum"
	"github.com/envvet/envvet/internal/analysisdoc"
	"github.com/envvet/envvet/internal/lazyinspect"
	"github.com/envvet/envvet/internal/passutil"
	"github.com/envvet/envvet/internal/report"
)

//go:embed doc.go
var doc string

const docURL = "https://github.com/envvet/envvet"

// Categories of ctxgo's diagnostics, one per rule; each is also the name
// of the flag that turns the rule off.
const (
	catCutShort   = "cutshort"
	catUnobserved = "unobserved"
	catHandover   = "handover"
)

// Config is ctxgo's settings; JSON names = flag names (-ctxgo.cutshort=false
// ≡ golangci "cutshort: false"). A nil field means the rule's default: on.
type Config struct {
	CutShort   *bool `json:"cutshort"`   // rule 1: a goroutine works with a context cancelled when the function returns
	Unobserved *bool `json:"unobserved"` // rule 2: a goroutine loops forever on blocking work, never observing ctx, spins once ctx ends, waits blind to ctx, or sends to a receiver that left
	Handover   *bool `json:"handover"`   // rule 3: a cancel func handed to a goroutine that does not call it on every path

	// Report adjusts reporting for drivers; it has no flag or setting.
	Report report.Options `json:"-"`
}

// Analyzer is ctxgo with its default settings: every rule on.
var Analyzer = New(Config{})

type checker struct {
	cutShort, unobserved, handover bool
}

// New returns a fresh ctxgo analyzer whose flags write into its own copy of cfg.
func New(cfg Config) *analysis.Analyzer {
	c := &checker{
		cutShort:   on(cfg.CutShort),
		unobserved: on(cfg.Unobserved),
		handover:   on(cfg.Handover),
	}
	a := &analysis.Analyzer{
		Name:             "ctxgo",
		Doc:              analysisdoc.MustExtract(doc, "ctxgo"),
		URL:              docURL + "#ctxgo",
		Requires:         []*analysis.Analyzer{lazyinspect.Analyzer, ctxsum.Analyzer},
		Run:              report.Wrap("ctxgo", c.run, cfg.Report),
		RunDespiteErrors: true,
	}
	a.Flags.BoolVar(&c.cutShort, catCutShort, c.cutShort, "report a context cancelled at return that reaches a goroutine outliving the function (set false to disable)")
	a.Flags.BoolVar(&c.unobserved, catUnobserved, c.unobserved, "report a goroutine that loops forever on blocking work and never observes a context in scope, spins once the context it passes on is cancelled, waits in a select blind to the context it then works with, or blocks sending to a receiver that may have returned (set false to disable)")
	a.Flags.BoolVar(&c.handover, catHandover, c.handover, "report a cancel function handed to a goroutine that does not call it on every path (set false to disable)")
	return a
}

func on(b *bool) bool { return b == nil || *b }

func (c *checker) run(pass *analysis.Pass) (any, error) {
	if pass.TypesInfo == nil || pass.Pkg == nil || !importsAny(pass.Pkg, "context", "net/http") {
		return nil, nil // no context in sight
	}
	in := pass.ResultOf[lazyinspect.Analyzer].(*lazyinspect.Inspector).Get()
	sum := pass.ResultOf[ctxsum.Analyzer].(*ctxsum.Result)

	rootCalls := mayBeRootCalls(in)
	for cur := range in.Root().Preorder((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		fn := funcOf(pass, cur.Node())
		if fn.body == nil || fn.isMain {
			continue
		}
		// Both rules start at a context.With... call (handover) or a
		// root (cutShort): most functions hold no call that may be one.
		may := rootCalls.in(fn)
		if c.cutShort {
			cutShort(pass, sum, fn, may)
		}
		if c.handover && may {
			handover(pass, fn)
		}
	}
	if c.cutShort {
		dials := dialFuncs(pass, sum, in)
		dialGo(pass, sum, dials, dialField(pass, sum, in, dials))
	}
	if c.unobserved {
		for cur := range in.Root().Preorder((*ast.GoStmt)(nil)) {
			unobserved(pass, sum, cur)
		}
		abandoned(pass, sum, in)
	}
	return nil, nil
}

// A function is a function declaration or literal under analysis.
type function struct {
	node   ast.Node // *ast.FuncDecl or *ast.FuncLit
	name   string   // "Checkout", or "the function literal"
	ftype  *ast.FuncType
	body   *ast.BlockStmt
	isMain bool // main.main or an init function: the process outlives nothing
}

func funcOf(pass *analysis.Pass, n ast.Node) function {
	switch n := n.(type) {
	case *ast.FuncDecl:
		f := function{node: n, name: n.Name.Name, ftype: n.Type, body: n.Body}
		f.isMain = n.Recv == nil && (n.Name.Name == "init" || n.Name.Name == "main" && pass.Pkg.Name() == "main")
		return f
	case *ast.FuncLit:
		return function{node: n, name: "the function literal", ftype: n.Type, body: n.Body}
	}
	return function{}
}

func importsAny(pkg *types.Package, paths ...string) bool {
	for _, imp := range pkg.Imports() {
		if slices.Contains(paths, imp.Path()) {
			return true
		}
	}
	return false
}

// withoutCancelName returns the name under which the file containing pos
// refers to package context, if the file may use context.WithoutCancel
// (its Go version is go1.21 or later, or unknown) and the name is not
// shadowed at pos; ok is false otherwise.
func withoutCancelName(pass *analysis.Pass, pos token.Pos) (string, bool) {
	file := passutil.FileOf(pass, pos)
	if file == nil {
		return "", false
	}
	v := pass.TypesInfo.FileVersions[file]
	if v == "" {
		v = pass.Pkg.GoVersion()
	}
	if version.IsValid(v) && version.Compare(v, "go1.21") < 0 {
		return "", false
	}
	name, _, ok := passutil.ImportName(pass, file, pos, "context")
	return name, ok
}
