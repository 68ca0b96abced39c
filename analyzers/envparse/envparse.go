package envparse

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/envvet/envvet/analyzers/envgraph"
	"github.com/envvet/envvet/internal/analysisdoc"
	"github.com/envvet/envvet/internal/lazyinspect"
	"github.com/envvet/envvet/internal/manifest"
	"github.com/envvet/envvet/internal/passutil"
	"github.com/envvet/envvet/internal/relpos"
	"github.com/envvet/envvet/internal/report"
)

//go:embed doc.go
var doc string

const docURL = "https://github.com/envvet/envvet#envparse"

// Categories of envparse's diagnostics, one per rule; each is also the
// name of the flag that turns the rule off.
const (
	CategoryDropped  = "dropped"  // a parse of an env value whose error is dropped
	CategoryHelper   = "helper"   // a call of a helper that silently defaults on a bad value
	CategoryLoader   = "loader"   // a struct-tag loader, config unmarshaler or urfave/cli run whose error is dropped
	CategoryFallback = "fallback" // a parse of an env value whose error check keeps a default without a word
	CategoryInverted = "inverted" // a parse of an env value whose value is read only when the parse fails
)

// Config is envparse's settings; JSON names = flag names
// (-envparse.helper=false ≡ golangci "helper: false"). A nil rule field
// means the rule's default: on.
type Config struct {
	Dropped *bool `json:"dropped"` // a parse of an env value whose error is dropped
	Helper  *bool `json:"helper"`  // a call of a helper that returns a default on a bad value
	Loader  *bool `json:"loader"`  // a struct-tag loader or unmarshaler whose error is dropped
	// Fallback: a parse of an env value whose error check keeps a default
	// without failing, returning an error or logging.
	Fallback *bool `json:"fallback"`
	Inverted *bool `json:"inverted"` // a parse of an env value whose value is read only when the parse fails

	// Report adjusts reporting for drivers; it has no flag or setting.
	Report report.Options `json:"-"`
	// Overlay supplies unsaved manifest contents (an editor's buffers);
	// it has no flag or setting.
	Overlay manifest.Overlay `json:"-"`
	// Manifests, if set, returns the manifest files that replace discovery
	// (envkeys' manifest setting, shared by the suite); it has no flag or
	// setting.
	Manifests func() []string `json:"-"`
}

// Analyzer is envparse with its default settings: every rule on.
var Analyzer = New(Config{})

// A checker is one envparse instance: its rules and the manifest cache
// every package it analyzes shares.
type checker struct {
	dropped, helper, loader bool
	fallback, inverted      bool
	manifests               manifest.Cache
	listed                  func() []string // Config.Manifests
}

// New returns a fresh envparse analyzer whose flags write into its own copy of cfg.
func New(cfg Config) *analysis.Analyzer {
	c := &checker{dropped: on(cfg.Dropped), helper: on(cfg.Helper), loader: on(cfg.Loader), listed: cfg.Manifests,
		fallback: on(cfg.Fallback), inverted: on(cfg.Inverted)}
	c.manifests.Overlay = cfg.Overlay
	a := &analysis.Analyzer{
		Name:             "envparse",
		Doc:              analysisdoc.MustExtract(doc, "envparse"),
		URL:              docURL,
		Requires:         []*analysis.Analyzer{envgraph.Analyzer, lazyinspect.Analyzer},
		Run:              report.Wrap("envparse", c.run, cfg.Report),
		RunDespiteErrors: true,
		FactTypes:        []analysis.Fact{new(valueOf), new(silentDefault), new(parsesArg), new(urfaveFlags)},
		ResultType:       reflect.TypeFor[*Result](),
	}
	a.Flags.BoolVar(&c.dropped, CategoryDropped, c.dropped, "report a parse of an env value whose error is dropped (set false to disable)")
	a.Flags.BoolVar(&c.helper, CategoryHelper, c.helper, "report calls of helpers that return a default when the value does not parse (set false to disable)")
	a.Flags.BoolVar(&c.fallback, CategoryFallback, c.fallback, "report parses of env values whose error check keeps a default without failing or logging (set false to disable)")
	a.Flags.BoolVar(&c.inverted, CategoryInverted, c.inverted, "report parses of env values whose value is read only when the parse fails (set false to disable)")
	a.Flags.BoolVar(&c.loader, CategoryLoader, c.loader, "report env.Parse, envconfig.Process, viper.Unmarshal, kong parses and urfave/cli runs whose error is dropped (set false to disable)")
	return a
}

func on(b *bool) bool { return b == nil || *b }

func (c *checker) run(pass *analysis.Pass) (any, error) {
	res := new(Result)
	if pass.TypesInfo == nil || pass.Pkg == nil {
		return res, nil
	}
	ok, values, loader := c.relevant(pass)
	if !ok {
		return res, nil
	}
	graph, _ := pass.ResultOf[envgraph.Analyzer].(*envgraph.Graph)
	li, _ := pass.ResultOf[lazyinspect.Analyzer].(*lazyinspect.Inspector)
	if graph == nil || li == nil {
		return res, nil
	}
	if !values {
		// No env value and no loader: no scope holds one, so there is
		// nothing to find, and the only facts are parsesArg.
		exportParseFuncs(pass)
		return res, nil
	}
	s := newState(pass, graph, li.Get())
	s.hasLoader = loader
	s.infer()
	s.exportFacts()
	if !c.dropped && !c.helper && !c.loader && !c.fallback && !c.inverted {
		return res, nil
	}
	findings := s.findings(c.dropped, c.helper)
	if c.fallback {
		findings = append(findings, s.fallbacks()...)
	}
	if c.inverted {
		findings = append(findings, s.inverteds()...)
	}
	sort.SliceStable(findings, func(i, j int) bool { return findings[i].pos < findings[j].pos })
	dropped := s.loaders(graph)
	findings = withoutChecked(findings, s.loaderChecked(graph, dropped))
	if c.loader {
		for _, lc := range dropped {
			if s.inTest(lc.call) {
				continue
			}
			findings = append(findings, finding{pos: lc.call.Pos(), end: lc.call.End(), keys: lc.keys, category: CategoryLoader, message: loaderMessage(lc), by: lc.name, outcome: lc.outcome()})
		}
	}
	if len(findings) == 0 {
		return res, nil
	}
	res.BadValues = badValues(findings)
	lenient, err := c.lenientKeys(pass)
	if err != nil {
		return res, err
	}
	files := relpos.New(pass)
	for _, f := range findings {
		if len(f.keys) > 0 && !slices.ContainsFunc(f.keys, func(k string) bool { return !lenient[k] }) {
			continue // every key falls back by design
		}
		d := analysis.Diagnostic{Pos: f.pos, End: f.end, Category: f.category, Message: f.message, SuggestedFixes: f.fixes}
		if f.site != "" {
			if pos, ok := files.PosString(f.site); ok {
				d.Related = []analysis.RelatedInformation{{Pos: pos, Message: f.siteMsg}}
			}
		}
		pass.Report(d)
	}
	return res, nil
}

// relevant reports whether the package may parse an env value: it is not
// the standard library's, and it imports a loader (urfave/cli included),
// or it refers to a parse, an env read or an imported helper with a fact
// (usesParseOrRead) and imports a package that reads the environment or
// a package whose facts name helpers. values reports whether, besides,
// the package may hold an env value: it imports a loader, or refers to
// an env read or to an imported function with a valueOf or silentDefault
// fact. Every env value starts at a call of one of these (markEnv,
// valueParam, silentOf), so in a relevant package without values no
// scope holds one, and only parsesArg facts can come of it. loader
// reports whether the package imports a loader (importsLoader), false
// for the standard library's.
func (c *checker) relevant(pass *analysis.Pass) (ok, values, loader bool) {
	if len(pass.Files) > 0 && passutil.InGOROOT(pass.Fset, pass.Files[0].Pos()) {
		return false, false, false
	}
	if importsLoader(pass.Pkg) {
		return true, true, true
	}
	uses, reads := usesParseOrRead(pass)
	if !uses {
		return false, false, false
	}
	for _, imp := range pass.Pkg.Imports() {
		switch imp.Path() {
		case "os", "syscall", "golang.org/x/sys/unix", "golang.org/x/sys/windows":
			return true, reads, false
		}
	}
	return len(pass.AllObjectFacts()) > 0, reads, false
}

// usesParseOrRead reports whether some function the package refers to is
// a parse (parserOf), an env read (isEnvRead), or a function of another
// package with one of envparse's object facts. A package that refers to
// none has nothing for envparse: every scope infer marks, and every fact
// and finding, starts at a call of one of them (markEnv, parsesParam; the
// loaders and urfave/cli flags need their imports, see relevant), so
// its inspector need not be built. reads reports whether one of them is
// an env read or a function with a valueOf or silentDefault fact.
func usesParseOrRead(pass *analysis.Pass) (uses, reads bool) {
	var (
		value  valueOf
		silent silentDefault
		parses parsesArg
	)
	seen := make(map[*types.Func]bool)
	for _, obj := range pass.TypesInfo.Uses {
		fn, ok := obj.(*types.Func)
		if !ok || fn == nil {
			continue
		}
		fn = fn.Origin()
		if seen[fn] {
			continue
		}
		seen[fn] = true
		if isEnvRead(fn) {
			return true, true
		}
		if _, ok := parserOf(fn); ok {
			uses = true
		}
		if fn.Pkg() != nil && fn.Pkg() != pass.Pkg {
			if mayHaveValue(fn) && pass.ImportObjectFact(fn, &value) || mayBeSilent(fn) && pass.ImportObjectFact(fn, &silent) {
				return true, true
			}
			if !uses && isParseFunc(fn.Type()) && pass.ImportObjectFact(fn, &parses) {
				uses = true
			}
		}
	}
	return uses, false
}

// lenientKeys returns the keys whose manifest declaration accepts a
// default on a bad value (on-bad-value: default). A dependency module's
// package has none: its findings are never shown, and a listed manifest
// is the program's, not to be looked up in that module. Nor has a
// package of a module where a listed manifest, resolved against its
// root, names no file: another module of the program's workspace, whose
// packages envparse analyzes for their facts, which an error would lose
// (envkeys reports a listed manifest missing from a module it checks).
func (c *checker) lenientKeys(pass *analysis.Pass) (map[string]bool, error) {
	dir := passutil.PackageDir(pass)
	if dir == "" || passutil.InDependency(pass) {
		return nil, nil
	}
	var explicit []string
	if c.listed != nil {
		explicit = manifest.Resolve(dir, c.listed())
	}
	if slices.ContainsFunc(explicit, c.manifests.Missing) {
		return nil, nil
	}
	m, err := c.manifests.ForDir(dir, explicit)
	if err != nil || m == nil {
		return nil, err
	}
	out := make(map[string]bool)
	for _, k := range m.Keys {
		if k.OnBadValue == manifest.OnBadValueDefault {
			out[k.Name] = true
		}
	}
	return out, nil
}

// A finding is one diagnostic before the manifest is consulted.
type finding struct {
	pos, end token.Pos
	keys     []string
	category string
	message  string
	site     string // file:line:col of related information, "" if none
	siteMsg  string
	fixes    []analysis.SuggestedFix
	by       string // the parse, helper or loader: "strconv.Atoi"
	outcome  string // what a bad value does: "runs as 0"
}

// A Result is what a bad value of each key does in the package, for the
// inventory (envvet env): one entry per key of each finding of the rules,
// in source order, whether or not the finding is reported (a key declared
// on-bad-value: default, or a finding under //envvet:ignore, still runs
// that way).
type Result struct {
	BadValues []BadValue
}

// A BadValue is one place where a bad value of Key does not stop the
// program.
type BadValue struct {
	Key     string
	Pos     token.Pos
	Rule    string // dropped, helper, loader, fallback or inverted
	By      string // the parse, helper or loader: "strconv.Atoi", "envutil.Int", "env.Parse"
	Outcome string // "runs as 0", "runs as 25", "leaves its field unset"
}

func badValues(findings []finding) []BadValue {
	var out []BadValue
	for _, f := range findings {
		for _, k := range f.keys {
			out = append(out, BadValue{Key: k, Pos: f.pos, Rule: f.category, By: f.by, Outcome: f.outcome})
		}
	}
	return out
}

// findings returns the package's findings, in source order.
func (s *state) findings(dropped, helper bool) []finding {
	var out []finding
	if dropped {
		for _, p := range s.parses {
			if p.outcome != outcomeDropped || len(p.src.keys) == 0 || s.inTest(p.call) || s.handsOn(p) {
				continue
			}
			for _, k := range p.src.keys {
				f := finding{
					pos: p.call.Pos(), end: p.call.End(), keys: []string{k}, category: CategoryDropped,
					message: fmt.Sprintf("env key %q is parsed by %s but the error is dropped: a bad value %s", k, p.parser.name, p.parser.bad),
					by:      p.parser.name, outcome: p.parser.bad,
				}
				if len(p.src.keys) == 1 {
					f.fixes = s.dropFix(p, k)
				}
				out = append(out, f)
			}
		}
	}
	if helper {
		for _, hc := range s.helperCalls {
			if len(hc.keys) == 0 || hc.parserArg > 0 || s.inTest(hc.call) {
				continue
			}
			runs := hc.fact.Value
			if hc.fact.DefaultParam >= 0 && hc.fact.DefaultParam < len(hc.call.Args) {
				runs = shortExpr(hc.call.Args[hc.fact.DefaultParam])
			}
			outcome := "runs as " + runs
			if runs == "" {
				outcome = "runs as its fallback"
			}
			for _, k := range hc.keys {
				out = append(out, finding{
					pos: hc.call.Pos(), end: hc.call.End(), keys: []string{k}, category: CategoryHelper,
					message: fmt.Sprintf("env key %q is parsed by %s, which ignores a parse error: a bad value %s", k, hc.name, outcome),
					by:      hc.name, outcome: outcome,
					site:    hc.fact.Site,
					siteMsg: fmt.Sprintf("%s returns a fallback when %s fails here", hc.fact.Func, hc.fact.Parser),
				})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].pos < out[j].pos })
	return out
}

// inTest reports whether n is in a _test.go file.
func (s *state) inTest(n ast.Node) bool {
	f := s.pass.Fset.File(n.Pos())
	return f != nil && strings.HasSuffix(f.Name(), "_test.go")
}

// shortExpr returns e's source text, or "" when it is too long to quote
// in a message.
func shortExpr(e ast.Expr) string {
	s := types.ExprString(e)
	if len(s) > 40 {
		return ""
	}
	return s
}
