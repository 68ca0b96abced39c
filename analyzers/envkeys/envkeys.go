package envkeys

import (
	"cmp"
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/envvet/envvet/analyzers/envgraph"
	"github.com/envvet/envvet/internal/analysisdoc"
	"github.com/envvet/envvet/internal/lazyinspect"
	"github.com/envvet/envvet/internal/manifest"
	"github.com/envvet/envvet/internal/passutil"
	"github.com/envvet/envvet/internal/relpos"
	"github.com/envvet/envvet/internal/report"
	"github.com/envvet/envvet/internal/wellknown"
)

//go:embed doc.go
var doc string

const docURL = "https://github.com/envvet/envvet#envkeys"

// Categories of envkeys' diagnostics.
const (
	CategoryUndeclared = "undeclared"
	CategoryUnread     = "unread"
	CategoryDynamic    = "dynamic"
)

// Config is envkeys' settings. The JSON names are the flag names.
type Config struct {
	// Manifest names the manifest files, overriding discovery. Relative
	// paths are resolved against the analyzed package's module root.
	Manifest []string `json:"manifest"`
	// Allow lists keys, or KEY_* prefixes, that need no declaration.
	Allow []string `json:"allow"`
	// Dynamic reports reads whose key is not a constant.
	Dynamic bool `json:"dynamic"`

	// Report adjusts reporting for drivers; it has no flag or setting.
	Report report.Options `json:"-"`
	// Overlay supplies unsaved manifest contents (an editor's buffers);
	// it has no flag or setting.
	Overlay manifest.Overlay `json:"-"`
	// OnManifest, if set, is told the manifest list when -manifest sets
	// it, so that other checks of a suite read the same manifests; it has
	// no flag or setting.
	OnManifest func([]string) `json:"-"`
}

// Analyzer is envkeys with its default settings.
var Analyzer = New(Config{})

// New returns an envkeys analyzer whose flags write into its own copy of cfg.
func New(cfg Config) *analysis.Analyzer {
	c := &checker{cfg: cfg}
	c.manifests.Overlay = cfg.Overlay
	a := &analysis.Analyzer{
		Name:     "envkeys",
		Doc:      analysisdoc.MustExtract(doc, "envkeys"),
		URL:      docURL,
		Requires: []*analysis.Analyzer{envgraph.Analyzer, lazyinspect.Analyzer, fallbackAnalyzer},
		Run:      report.Wrap("envkeys", c.run, cfg.Report),
		// Result is set only for main packages that share their manifest.
		ResultType: reflect.TypeFor[*Result](),
	}
	a.Flags.Func("manifest", "comma-separated manifest files relative to the module root, replacing discovery (e.g. deploy/.env.example)", func(s string) error {
		c.cfg.Manifest = passutil.SplitList(s)
		if c.cfg.OnManifest != nil {
			c.cfg.OnManifest(c.cfg.Manifest)
		}
		return nil
	})
	a.Flags.Func("allow", "comma-separated keys, or patterns (AWS_*, *_FILE), that need no declaration (e.g. AWS_*,CI)", func(s string) error {
		c.cfg.Allow = passutil.SplitList(s)
		for _, a := range c.cfg.Allow {
			if err := wellknown.CheckPattern(a); err != nil {
				return err
			}
		}
		return nil
	})
	a.Flags.BoolVar(&c.cfg.Dynamic, "dynamic", cfg.Dynamic, "also report reads whose key is not a constant")
	return a
}

// A checker is one envkeys instance: its settings and the caches that
// every package it analyzes shares.
type checker struct {
	cfg       Config
	manifests manifest.Cache

	mu    sync.Mutex
	mains map[string][]string // manifest scope directory → directories of its main packages
}

func (c *checker) run(pass *analysis.Pass) (any, error) {
	r, err := c.check(pass)
	return r, err // a typed nil when there is no Result, as ResultType requires
}

func (c *checker) check(pass *analysis.Pass) (*Result, error) {
	graph := pass.ResultOf[envgraph.Analyzer].(*envgraph.Graph)
	dir := passutil.PackageDir(pass)
	if dir == "" {
		return nil, nil
	}
	explicit := manifest.Resolve(dir, c.cfg.Manifest)
	m, err := c.manifests.ForDir(dir, explicit)
	if err != nil {
		return nil, err // a broken manifest stops the run: file:line: what is wrong
	}
	if m == nil {
		return nil, nil // nothing declared, nothing to compare
	}
	c.checkReads(pass, graph, m)
	c.checkEnvironments(pass, graph, m)
	prog := graph.Program()
	if prog == nil || passutil.IsTestMain(pass) {
		return nil, nil
	}
	unread := c.unread(prog, m)
	mains := c.mainDirs(c.scope(dir, explicit, m))
	if len(mains) == 0 || len(mains) == 1 && mains[0] == dir {
		c.reportUnread(pass, unread)
		return nil, nil
	}
	// Other programs share the manifest: leave the verdict to a driver
	// that sees them all (see SharedUnread).
	return &Result{Dir: dir, Mains: mains, Unread: unread}, nil
}

// A Result is what envkeys returns for a main package that shares its
// manifest with other main packages. Alone, it cannot tell whether
// another program reads a key, so it reports no unread keys; it returns
// the declared keys its own program does not read, and a driver that
// analyzed every program of the manifest reports the keys none reads
// (SharedUnread). go vet and golangci-lint, which analyze one package at a
// time, do not.
type Result struct {
	Dir    string         // the main package's directory
	Mains  []string       // the directories of every main package sharing the manifest, sorted
	Unread []manifest.Key // declared keys this program does not read
}

// SharedUnread returns the declared keys that no program reads, from the
// Results of main packages sharing manifests. A group of programs counts
// only when every one of its main packages is among results: with one
// program missing, nothing can be said.
func SharedUnread(results []*Result) []manifest.Key {
	groups := make(map[string][]*Result)
	for _, r := range results {
		k := strings.Join(r.Mains, "\x00")
		groups[k] = append(groups[k], r)
	}
	var out []manifest.Key
	for _, rs := range groups {
		seen := make(map[string]bool)
		for _, r := range rs {
			seen[r.Dir] = true
		}
		if !slices.ContainsFunc(rs[0].Mains, func(d string) bool { return seen[d] }) ||
			slices.ContainsFunc(rs[0].Mains, func(d string) bool { return !seen[d] }) {
			continue
		}
		for _, k := range rs[0].Unread {
			if !slices.ContainsFunc(rs[1:], func(r *Result) bool {
				return !slices.ContainsFunc(r.Unread, func(u manifest.Key) bool { return u.Name == k.Name })
			}) {
				out = append(out, k)
			}
		}
	}
	slices.SortFunc(out, func(a, b manifest.Key) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line))
	})
	return out
}

// UnreadMessage is the message of the diagnostic about an unread key.
func UnreadMessage(k manifest.Key) string {
	return fmt.Sprintf("env key %q is declared in %s but never read", k.Name, filepath.Base(k.File))
}

// checkReads reports each constant key that the package reads and the
// manifest does not declare, and, with -envkeys.dynamic, each read whose
// key is not a constant.
func (c *checker) checkReads(pass *analysis.Pass, graph *envgraph.Graph, m *manifest.Manifest) {
	var lits map[token.Pos]*ast.BasicLit // built on first use
	sites := &siteFiles{files: relpos.New(pass)}
	fb := newFallbackIndex(pass, graph.Refs(), func(k string) bool { return declared(m, k) || wellknown.Allowed(k, c.cfg.Allow) })
	for _, ref := range graph.Refs() {
		if !ref.Kind.IsRead() || !ref.Pos.IsValid() {
			continue
		}
		if ref.Dynamic {
			if c.cfg.Dynamic {
				pass.Report(analysis.Diagnostic{
					Pos: ref.Pos, End: ref.End, Category: CategoryDynamic,
					Message: fmt.Sprintf("env key %s is not a constant, so envvet cannot check that it is declared%s", ref.Expr, via(ref)),
					Related: sites.related(ref),
				})
			}
			continue
		}
		if ref.Key == "" || declared(m, ref.Key) || wellknown.Allowed(ref.Key, c.cfg.Allow) {
			continue
		}
		// envconfig also tries the un-prefixed name: declaring either will do.
		if ref.Alt != "" && (declared(m, ref.Alt) || wellknown.Allowed(ref.Alt, c.cfg.Allow)) {
			continue
		}
		// A key read only when a declared key is unset is a legacy alias.
		if fb.excused(ref) {
			continue
		}
		// An optional setting a deployment-only manifest leaves to the code.
		if optional(ref, m) {
			continue
		}
		// A flag or field naming several keys reads the first one set:
		// declaring any will do, and the first one stands for them all.
		// So do the names viper binds to one of its keys in one call.
		group := ref.Group
		if len(group) > 1 && (ref.Key != group[0] || slices.ContainsFunc(group, func(k string) bool {
			return declared(m, k) || wellknown.Allowed(k, c.cfg.Allow)
		})) {
			continue
		}
		d := analysis.Diagnostic{Pos: ref.Pos, End: ref.End, Category: CategoryUndeclared}
		msg := fmt.Sprintf("env key %q is not declared in %s", ref.Key, m.DisplayName())
		switch {
		case ref.Alt != "":
			msg = fmt.Sprintf("env key %q (or %q) is not declared in %s", ref.Key, ref.Alt, m.DisplayName())
		case len(group) > 1:
			msg = fmt.Sprintf("env key %q (or %s) is not declared in %s", ref.Key, quoteAll(group[1:]), m.DisplayName())
		}
		if guess := closest(ref.Key, m.Keys); guess != "" {
			msg += fmt.Sprintf("; did you mean %q?", guess)
			if lits == nil {
				lits = stringLits(pass)
			}
			if lit, ok := lits[ref.Pos]; ok && lit.End() == ref.End && unquote(lit.Value) == ref.Key {
				d.SuggestedFixes = []analysis.SuggestedFix{{
					Message:   fmt.Sprintf("Replace %q with %q", ref.Key, guess),
					TextEdits: []analysis.TextEdit{{Pos: lit.Pos(), End: lit.End(), NewText: []byte(strconv.Quote(guess))}},
				}}
			}
		}
		d.Message = msg + via(ref) + unresolvedNote(m)
		d.Related = sites.related(ref)
		pass.Report(d)
	}
}

// unread returns the declared keys that no package of the program reads.
func (c *checker) unread(prog *envgraph.Program, m *manifest.Manifest) []manifest.Key {
	var keys []manifest.Key
	for _, k := range m.Keys {
		// A key the deployment itself uses ($(KEY) in a container's
		// command) is read even if the program never reads it.
		if !k.Expanded && !wellknown.Allowed(k.Name, c.cfg.Allow) && !prog.Reads(k.Name) {
			keys = append(keys, k)
		}
	}
	return keys
}

// reportUnread reports each unread key on its line in the manifest.
func (c *checker) reportUnread(pass *analysis.Pass, keys []manifest.Key) {
	files := relpos.New(pass)
	for _, k := range keys {
		pos, ok := files.Decl(k.File, k.Line, k.Col)
		if !ok {
			continue
		}
		d := analysis.Diagnostic{Pos: pos, Category: CategoryUnread, Message: UnreadMessage(k)}
		if reason, ok := k.Ignored("envkeys"); ok {
			// envvet.yaml's ignore: field, the manifest's own directive.
			if !c.cfg.Report.KeepSuppressed {
				continue
			}
			d.Category = report.SuppressedPrefix + d.Category
			d.Related = []analysis.RelatedInformation{{Pos: pos, Message: reason}}
		}
		pass.Report(d)
	}
}

// scope returns the directory whose main packages share manifest m: the
// directory of a discovered manifest, or the module root for manifests
// named by flag.
func (c *checker) scope(dir string, explicit []string, m *manifest.Manifest) string {
	if len(explicit) == 0 && len(m.Files) > 0 {
		return filepath.Dir(m.Files[0])
	}
	if root := passutil.ModuleRoot(dir); root != "" {
		return root
	}
	return dir
}

// mainDirs returns the directories of the main packages under scope,
// which share its manifest; computed once per scope.
func (c *checker) mainDirs(scope string) []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.mains == nil {
		c.mains = make(map[string][]string)
	}
	mains, ok := c.mains[scope]
	if !ok {
		mains = mainDirs(scope)
		c.mains[scope] = mains
	}
	return mains
}

// stringLits indexes the package's string literals by position.
func stringLits(pass *analysis.Pass) map[token.Pos]*ast.BasicLit {
	in := pass.ResultOf[lazyinspect.Analyzer].(*lazyinspect.Inspector).Get()
	lits := make(map[token.Pos]*ast.BasicLit)
	for n := range in.PreorderSeq((*ast.BasicLit)(nil)) {
		if lit := n.(*ast.BasicLit); lit.Kind == token.STRING {
			lits[lit.Pos()] = lit
		}
	}
	return lits
}

// declared reports whether m declares key, as a runtime or a build-time
// variable.
func declared(m *manifest.Manifest, key string) bool {
	if _, ok := m.Lookup(key); ok {
		return true
	}
	_, ok := m.BuildVar(key)
	return ok
}

// unresolvedNote hedges an "is not declared" message when the manifest
// names declarations whose keys envvet cannot list (an envFrom of a
// Secret defined outside the given files, a missing env_file): the key
// may be declared there.
func unresolvedNote(m *manifest.Manifest) string {
	n := len(m.Unresolved)
	if n == 0 {
		return ""
	}
	u := m.Unresolved[0]
	note := fmt.Sprintf(", unless it comes from what envvet cannot read: %s (%s:%d)", u.What, filepath.Base(u.File), u.Line)
	if n > 1 {
		note += fmt.Sprintf(" and %d more", n-1)
	}
	return note
}

// via describes how a reference reached its key, for the end of a message.
func via(ref envgraph.Ref) string {
	var parts []string
	if len(ref.Via) > 0 {
		parts = append(parts, "read via "+strings.Join(ref.Via, " → "))
	}
	if ref.Kind == envgraph.Tag {
		s := "struct field " + ref.Field
		if ref.Loader != "" {
			s += " loaded by " + ref.Loader
		}
		parts = append(parts, s)
	}
	if len(parts) == 0 {
		return ""
	}
	return " (" + strings.Join(parts, ", ") + ")"
}

func unquote(s string) string {
	u, err := strconv.Unquote(s)
	if err != nil {
		return ""
	}
	return u
}

// quoteAll writes keys quoted, separated by commas.
func quoteAll(keys []string) string {
	q := make([]string, len(keys))
	for i, k := range keys {
		q[i] = strconv.Quote(k)
	}
	return strings.Join(q, ", ")
}
