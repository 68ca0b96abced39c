package lsp

import (
	"cmp"
	"context"
	"fmt"
	"go/token"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"runtime/pprof"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/envvet/envvet/analyzers"
	"github.com/envvet/envvet/analyzers/envkeys"
	"github.com/envvet/envvet/internal/engine"
	"github.com/envvet/envvet/internal/passutil"
	"github.com/envvet/envvet/internal/report"
)

// A snapshot is the state an analysis works on: the open documents.
type snapshot struct {
	docs   map[string]*document // copies, by file name
	graphs map[string]*modGraph // the modules of the open files
}

func (s *server) snapshot() *snapshot {
	s.mu.Lock()
	defer s.mu.Unlock()
	snap := &snapshot{docs: make(map[string]*document), graphs: make(map[string]*modGraph)}
	for path, d := range s.docs {
		c := *d
		snap.docs[path] = &c
		if g := s.graphFor(path); g != nil {
			snap.graphs[g.root] = g
		}
	}
	return snap
}

// A modGraph is a module's import graph, from go list metadata.
type modGraph struct {
	root      string
	stale     bool                // rebuild before the next use
	loaded    bool                // built at least once
	pkgsIn    map[string][]string // directory → package paths
	dirOf     map[string]string   // package path → directory
	importers map[string][]string // package path → paths of the module's packages importing it
}

// graphFor returns the import graph of the module containing path,
// creating an empty one; nil outside a module. s.mu is held.
func (s *server) graphFor(path string) *modGraph {
	root := passutil.ModuleRoot(filepath.Dir(path))
	if root == "" {
		return nil
	}
	g := s.graphs[root]
	if g == nil {
		g = &modGraph{root: root, stale: true}
		s.graphs[root] = g
	}
	return g
}

func (g *modGraph) knowsDir(dir string) bool { return len(g.pkgsIn[dir]) > 0 }

// refresh lists the module's packages again. It runs under runMu only;
// it replaces the graph's maps under mu, which the handlers hold.
func (g *modGraph) refresh(ctx context.Context, mu *sync.Mutex) error {
	cfg := &packages.Config{Mode: packages.NeedName | packages.NeedFiles | packages.NeedImports, Dir: g.root, Context: ctx}
	pkgs, err := packages.Load(cfg, "./...")
	if err != nil {
		return err
	}
	pkgsIn := make(map[string][]string)
	dirOf := make(map[string]string)
	importers := make(map[string][]string)
	for _, p := range pkgs {
		files := append(slices.Clone(p.GoFiles), p.OtherFiles...)
		files = append(files, p.IgnoredFiles...)
		if len(files) == 0 {
			continue
		}
		dir := filepath.Dir(files[0])
		pkgsIn[dir] = append(pkgsIn[dir], p.PkgPath)
		dirOf[p.PkgPath] = dir
		for imp := range p.Imports {
			importers[imp] = append(importers[imp], p.PkgPath)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	g.pkgsIn, g.dirOf, g.importers = pkgsIn, dirOf, importers
	g.loaded = true
	return nil
}

// rootDirs returns the directories to analyze in the module: those of
// the open Go files and of every package of the module importing them,
// and, for an open manifest, those of the packages it governs.
func (g *modGraph) rootDirs(docs map[string]*document) []string {
	dirs := make(map[string]bool)
	var queue []string
	for path := range docs {
		if passutil.ModuleRoot(filepath.Dir(path)) != g.root {
			continue
		}
		switch {
		case strings.HasSuffix(path, ".go"):
			dir := filepath.Dir(path)
			dirs[dir] = true
			queue = append(queue, g.pkgsIn[dir]...)
		case isManifest(path):
			mdir := filepath.Dir(path)
			for dir := range g.pkgsIn {
				if dir == mdir || strings.HasPrefix(dir, mdir+string(filepath.Separator)) {
					dirs[dir] = true
				}
			}
		}
	}
	seen := make(map[string]bool)
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		if seen[p] {
			continue
		}
		seen[p] = true
		if dir, ok := g.dirOf[p]; ok {
			dirs[dir] = true
		}
		queue = append(queue, g.importers[p]...)
	}
	out := make([]string, 0, len(dirs))
	for d := range dirs {
		out = append(out, d)
	}
	sort.Strings(out)
	return out
}

// A result is what one analysis publishes.
type result struct {
	diags   map[uri.URI][]protocol.Diagnostic
	fixes   map[uri.URI][]fixEntry
	keep    map[uri.URI]bool // files whose package did not type-check: keep what the client shows
	version map[uri.URI]int32
	only    map[uri.URI]bool // if not nil, the only files to publish (publishEarly)
}

// A fixEntry is a published diagnostic and its code actions.
type fixEntry struct {
	diag    protocol.Diagnostic
	actions []protocol.CodeAction
}

// analyze loads and checks the packages of snap's open files. It returns
// the diagnostics and the errors to show the client.
//
// When an edit type-checks a plain package and defers its test variants
// (loadState.update), the diagnostics of the plain packages analyzed are
// published first, on their files only (publishEarly); then the test
// variants are type-checked and analyzed, and the result holds every
// root's diagnostics, as without the early publication.
func (s *server) analyze(ctx context.Context, snap *snapshot) (*result, []string) {
	res := newResult(snap)
	overlay := make(map[string][]byte)
	for path, d := range snap.docs {
		if strings.HasSuffix(path, ".go") {
			overlay[path] = d.text
		}
	}
	var errs []string
	var states []*loadState
	var early []*engine.Action
	for _, root := range slices.Sorted(maps.Keys(snap.graphs)) {
		st, acts, err := s.analyzeModule(ctx, snap.graphs[root], snap, overlay)
		if ctx.Err() != nil {
			return res, nil
		}
		if err != "" {
			errs = append(errs, err)
		}
		if st != nil {
			states = append(states, st)
			early = append(early, acts...)
		}
	}
	if early != nil {
		s.publishEarly(ctx, snap, early)
		ctx = pprof.WithLabels(ctx, pprof.Labels("envvet.phase", "tests"))
		pprof.SetGoroutineLabels(ctx)
	}
	c := &converter{snap: snap, files: make(map[string][]byte), res: res, cfg: s.opts.Config}
	for _, st := range states {
		if roots, ok := st.finish(); ok {
			run, err := s.runEngine(ctx, st, roots)
			if ctx.Err() != nil {
				return res, nil
			} else if err != nil {
				errs = append(errs, fmt.Sprintf("analyzing %s: %v", st.key, err))
				continue
			}
			s.logRun(run, st.first)
		}
		s.keepBroken(st, res)
		errs = append(errs, c.collect(st.rootActions())...)
	}
	res.finish()
	return res, errs
}

// newResult returns an empty result for snap's documents.
func newResult(snap *snapshot) *result {
	res := &result{
		diags:   make(map[uri.URI][]protocol.Diagnostic),
		fixes:   make(map[uri.URI][]fixEntry),
		keep:    make(map[uri.URI]bool),
		version: make(map[uri.URI]int32),
	}
	for _, d := range snap.docs {
		res.version[d.uri] = d.version
	}
	return res
}

// analyzeModule loads and analyzes the packages of g's module. It returns
// their load, the actions to publish early (the roots analyzed when the
// update deferred test variants) and an error for the client.
func (s *server) analyzeModule(ctx context.Context, g *modGraph, snap *snapshot, overlay map[string][]byte) (*loadState, []*engine.Action, string) {
	pkgs, err := s.load(ctx, g, snap, overlay)
	if err != nil || len(pkgs) == 0 {
		if err != nil {
			return nil, nil, err.Error()
		}
		return nil, nil, ""
	}
	st := s.loads[g.root]
	if gen := s.manifestGen.Load(); st.manifestGen != gen {
		// Facts of the module's packages may depend on its manifests
		// (nocgo's policy): analyze them again.
		st.engine.Forget(st.mainTypes()...)
		st.manifestGen = gen
	}
	run, err := s.runEngine(ctx, st, pkgs)
	if err != nil {
		return nil, nil, fmt.Sprintf("analyzing %s: %v", g.root, err)
	}
	if len(st.later) == 0 {
		s.logRun(run, nil)
		return st, nil, ""
	}
	st.first = run
	return st, run.acts, ""
}

// keepBroken marks the files of st's roots that do not type-check
// (mid-edit): they are not analyzed, keep the diagnostics they have, and
// gopls reports the errors themselves.
func (s *server) keepBroken(st *loadState, res *result) {
	for _, p := range st.roots {
		if len(p.Errors) > 0 || len(p.TypeErrors) > 0 {
			for _, f := range p.CompiledGoFiles {
				res.keep[uri.File(f)] = true
			}
			s.log.Printf("%s has errors; its files keep their diagnostics", p.ID)
		}
	}
}

// finish drops the diagnostics of kept files and sorts the others.
func (res *result) finish() {
	for u := range res.keep {
		delete(res.diags, u)
		delete(res.fixes, u)
	}
	for u, ds := range res.diags {
		slices.SortStableFunc(ds, func(a, b protocol.Diagnostic) int {
			return cmp.Or(
				cmp.Compare(a.Range.Start.Line, b.Range.Start.Line),
				cmp.Compare(a.Range.Start.Character, b.Range.Start.Character),
				cmp.Compare(a.Message, b.Message))
		})
		res.diags[u] = ds
	}
}

// publishEarly publishes the diagnostics of the plain packages analyzed
// before their test variants (acts), on their Go files only: a test
// variant may add findings there, which the full publication that
// follows carries; the files of a package with errors are left alone.
func (s *server) publishEarly(ctx context.Context, snap *snapshot, acts []*engine.Action) {
	res := newResult(snap)
	res.only = make(map[uri.URI]bool)
	var plain []*engine.Action
	for _, act := range acts {
		p := act.Package
		if p.ForTest != "" {
			continue
		}
		plain = append(plain, act)
		for _, f := range p.CompiledGoFiles {
			res.only[uri.File(f)] = true
		}
		if len(p.Errors) > 0 || len(p.TypeErrors) > 0 {
			for _, f := range p.CompiledGoFiles {
				res.keep[uri.File(f)] = true
			}
		}
	}
	c := &converter{snap: snap, files: make(map[string][]byte), res: res, cfg: s.opts.Config}
	c.collect(plain)
	res.finish()
	s.publish(ctx, res)
	s.log.Printf("published the diagnostics of %d files before the test variants (%s)", len(res.only), cpuMark())
}

// An engineRun is what runEngine did.
type engineRun struct {
	acts                     []*engine.Action // the root actions run
	analyzed, reused, rounds int
	took                     time.Duration
}

// runEngine analyzes roots, reusing the actions of the roots kept since their
// last analysis, until no kept package's stale import has other facts
// than its new version (keep.go).
func (s *server) runEngine(ctx context.Context, st *loadState, roots []*packages.Package) (*engineRun, error) {
	start := time.Now()
	r := &engineRun{}
	for {
		run, err := st.engine.Run(ctx, roots, engine.Options{Reuse: true, Cached: st.cached, Prepared: st.prepared})
		if err != nil {
			return nil, err
		}
		st.record(run)
		r.acts = append(r.acts, run.Roots...)
		r.analyzed, r.reused, r.rounds = r.analyzed+run.Analyzed, r.reused+run.Reused, r.rounds+1
		force := st.staleFacts()
		if len(force) == 0 {
			break
		}
		s.log.Printf("facts changed under %d kept packages: type-checking them again", len(force))
		roots = st.recheckStale(force)
	}
	r.took = time.Since(start)
	return r, nil
}

// logRun logs what an analysis ran; first is the part of it run before
// the test variants were type-checked (publishEarly), if any.
func (s *server) logRun(r, first *engineRun) {
	if first == nil {
		s.log.Printf("analyzed %d packages, reused the facts of %d, in %v (%d rounds)", r.analyzed, r.reused, r.took, r.rounds)
		return
	}
	s.log.Printf("analyzed %d packages, reused the facts of %d, in %v (%d rounds), of which %d before the test variants, in %v",
		first.analyzed+r.analyzed, r.reused, first.took+r.took, first.rounds+r.rounds, first.analyzed, first.took)
}

// load returns the packages to analyze in g's module: those of the open
// files and their importers. It updates the last load of the same
// packages when it can (see loadState), and loads them otherwise.
func (s *server) load(ctx context.Context, g *modGraph, snap *snapshot, overlay map[string][]byte) ([]*packages.Package, error) {
	for attempt := 0; ; attempt++ {
		s.mu.Lock()
		refreshed := g.stale || !g.loaded
		g.stale = false
		s.mu.Unlock()
		if refreshed {
			if err := g.refresh(ctx, &s.mu); err != nil {
				s.mu.Lock()
				g.stale = true
				s.mu.Unlock()
				return nil, fmt.Errorf("listing packages of %s: %v", g.root, err)
			}
		}
		s.mu.Lock()
		dirs := g.rootDirs(snap.docs)
		s.mu.Unlock()
		if len(dirs) == 0 {
			return nil, nil
		}
		patterns := dirPatterns(g.root, dirs)
		key := strings.Join(patterns, " ")
		if st := s.loads[g.root]; st != nil && st.key == key && !refreshed {
			pkgs, err := s.reuse(st, overlay)
			if err == nil {
				return pkgs, nil
			}
			if attempt == 0 {
				s.mu.Lock()
				g.stale = true // imports may have changed: list the packages again
				s.mu.Unlock()
				continue
			}
		}
		return s.loadAll(ctx, g.root, patterns, overlay)
	}
}

// dirPatterns returns the package patterns, relative to root, of dirs.
func dirPatterns(root string, dirs []string) []string {
	patterns := make([]string, len(dirs))
	for i, d := range dirs {
		rel, err := filepath.Rel(root, d)
		if err != nil {
			rel = d
		}
		patterns[i] = "./" + filepath.ToSlash(rel)
	}
	return patterns
}

// reuse type-checks again, in the load st of the same patterns, the
// packages whose files changed.
func (s *server) reuse(st *loadState, overlay map[string][]byte) ([]*packages.Package, error) {
	start := time.Now()
	changed, err := st.changed(overlay)
	var pkgs []*packages.Package
	if err == nil {
		pkgs, err = st.update(changed, overlay)
	}
	if err != nil {
		s.log.Printf("%s: %v", st.key, err)
		return nil, err
	}
	s.log.Printf("reused the load of %s: %d changed files type-checked again in %v (go/types %v)", st.key, len(changed), time.Since(start), st.checked)
	return pkgs, nil
}

// loadAll loads the packages of patterns in root, with their tests and
// their dependencies from source, and keeps the load for the next edit.
func (s *server) loadAll(ctx context.Context, root string, patterns []string, overlay map[string][]byte) ([]*packages.Package, error) {
	start := time.Now()
	key := strings.Join(patterns, " ")
	cfg := &packages.Config{
		Mode:    packages.LoadAllSyntax | packages.NeedModule | packages.NeedForTest,
		Dir:     root,
		Tests:   true,
		Overlay: overlay,
		Context: ctx,
	}
	pkgs, err := packages.Load(cfg, patterns...)
	s.loaded = true // garbage to collect after this analysis (collectLoad)
	if err != nil {
		delete(s.loads, root)
		return nil, fmt.Errorf("loading packages of %s: %v", root, err)
	}
	// The generated main of a test binary is no file of the user's,
	// no check reports there, and nothing imports it: analyzing it
	// (and type-checking it again after each edit of the package)
	// only costs time.
	pkgs = slices.DeleteFunc(pkgs, isTestMain)
	st, err := newLoadState(key, pkgs, overlay, s.suite)
	if err != nil {
		delete(s.loads, root)
		return nil, err
	}
	s.loads[root] = st
	s.log.Printf("loaded %s in %v", key, time.Since(start))
	return pkgs, nil
}

// isTestMain reports whether p is the main package go test generates for
// a test binary ("p.test"), whose only file is in the build cache.
func isTestMain(p *packages.Package) bool {
	if p.Name != "main" || !strings.HasSuffix(p.PkgPath, ".test") || len(p.CompiledGoFiles) == 0 {
		return false
	}
	for _, f := range p.CompiledGoFiles {
		if strings.HasSuffix(f, ".go") && !strings.HasSuffix(f, "_testmain.go") {
			return false // a file of the module: a package path ending in .test
		}
	}
	return true
}

// publish sends res's diagnostics, and clears those of files that no
// longer have any.
func (s *server) publish(ctx context.Context, res *result) {
	s.mu.Lock()
	var send []*protocol.PublishDiagnosticsParams
	for u, ds := range res.diags {
		if res.only != nil && !res.only[u] {
			continue
		}
		s.shown[u] = true
		s.fixes[u] = res.fixes[u]
		send = append(send, &protocol.PublishDiagnosticsParams{URI: u, Version: uint32(max(res.version[u], 0)), Diagnostics: ds})
	}
	// Every open file gets its diagnostics, if only to say there are none.
	for u := range res.version {
		if res.only != nil && !res.only[u] {
			continue
		}
		if _, ok := res.diags[u]; !ok && !res.keep[u] && !s.shown[u] {
			send = append(send, &protocol.PublishDiagnosticsParams{URI: u, Version: uint32(max(res.version[u], 0)), Diagnostics: []protocol.Diagnostic{}})
		}
	}
	for u := range s.shown {
		if res.only != nil && !res.only[u] {
			continue
		}
		if _, ok := res.diags[u]; !ok && !res.keep[u] {
			delete(s.shown, u)
			delete(s.fixes, u)
			send = append(send, &protocol.PublishDiagnosticsParams{URI: u, Version: uint32(max(res.version[u], 0)), Diagnostics: []protocol.Diagnostic{}})
		}
	}
	s.mu.Unlock()
	slices.SortFunc(send, func(a, b *protocol.PublishDiagnosticsParams) int { return cmp.Compare(a.URI, b.URI) })
	for _, p := range send {
		if err := s.client.PublishDiagnostics(ctx, p); err != nil {
			s.log.Printf("publishDiagnostics: %v", err)
			return
		}
	}
}

// A converter turns the engine's findings into LSP diagnostics.
type converter struct {
	snap  *snapshot
	files map[string][]byte // contents of files not open, read once
	res   *result
	cfg   analyzers.Config
	seen  map[string]bool
}

// content returns the text of a file as the analysis saw it.
func (c *converter) content(path string) []byte {
	if d, ok := c.snap.docs[path]; ok {
		return d.text
	}
	if b, ok := c.files[path]; ok {
		return b
	}
	b, _ := os.ReadFile(path)
	c.files[path] = b
	return b
}

// errPosn matches an analyzer error positioned in a file (a manifest's
// parse error): "file:line[:col]: message". Compiled on first use, as
// undeclaredKey is.
var errPosn = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(/[^:]+|[A-Za-z]:\\[^:]+):(\d+)(?::(\d+))?: (.*)$`)
})

// collect converts the diagnostics of the root actions; it returns the
// errors that have no position.
func (c *converter) collect(roots []*engine.Action) []string {
	if c.seen == nil {
		c.seen = make(map[string]bool)
	}
	var errs []string
	var unread []*envkeys.Result
	var envkeysA *analysis.Analyzer
	for _, act := range roots {
		if act.Err != nil {
			msg := act.Err.Error()
			if strings.Contains(msg, "analysis skipped due to errors in package") {
				continue
			}
			if m := errPosn().FindStringSubmatch(msg); m != nil {
				if _, err := os.Stat(m[1]); err == nil {
					line, _ := strconv.Atoi(m[2])
					col, _ := strconv.Atoi(m[3])
					c.add(act.Analyzer, token.Position{Filename: m[1], Line: line, Column: max(col, 1)}, token.Position{},
						analysis.Diagnostic{Message: m[4]}, protocol.DiagnosticSeverityError, nil)
					continue
				}
			}
			full := act.Analyzer.Name + ": " + msg
			if !c.seen[full] {
				c.seen[full] = true
				errs = append(errs, full)
			}
			continue
		}
		if r, ok := act.Result.(*envkeys.Result); ok && r != nil && act.Analyzer.Name == "envkeys" {
			envkeysA = act.Analyzer
			unread = append(unread, r)
		}
		fset := act.Package.Fset
		for _, d := range act.Diagnostics {
			posn := fset.Position(d.Pos)
			var end token.Position
			if d.End.IsValid() {
				end = fset.Position(d.End)
			}
			c.add(act.Analyzer, posn, end, d, protocol.DiagnosticSeverityWarning, fset)
		}
	}
	// Keys no program reads, when several programs share a manifest (as
	// the standalone driver reports them).
	for _, k := range envkeys.SharedUnread(unread) {
		if _, ok := report.ManifestDirective("envkeys", k.File, k.Line); ok {
			continue
		}
		c.add(envkeysA, token.Position{Filename: k.File, Line: k.Line, Column: max(k.Col, 1)}, token.Position{},
			analysis.Diagnostic{Category: envkeys.CategoryUnread, Message: envkeys.UnreadMessage(k)}, protocol.DiagnosticSeverityWarning, nil)
	}
	return errs
}

// add records one diagnostic, once (test variants repeat a package's files).
func (c *converter) add(a *analysis.Analyzer, posn, end token.Position, d analysis.Diagnostic, sev protocol.DiagnosticSeverity, fset *token.FileSet) {
	if posn.Filename == "" || !filepath.IsAbs(posn.Filename) {
		return
	}
	key := fmt.Sprintf("%s\x00%s\x00%s\x00%s", posn, end, a.Name, d.Message)
	if c.seen[key] {
		return
	}
	c.seen[key] = true
	u := uri.File(posn.Filename)
	rng := c.lspRange(posn, end)
	href := a.URL
	if href == "" {
		href = "https://github.com/envvet/envvet#" + a.Name
	}
	pd := protocol.Diagnostic{
		Range:           rng,
		Severity:        sev,
		Code:            a.Name,
		CodeDescription: &protocol.CodeDescription{Href: protocol.URI(href)},
		Source:          "envvet",
		Message:         d.Message,
	}
	if fset != nil {
		for _, r := range d.Related {
			rp := fset.Position(r.Pos)
			if rp.Filename == "" {
				continue
			}
			var re token.Position
			if r.End.IsValid() {
				re = fset.Position(r.End)
			}
			pd.RelatedInformation = append(pd.RelatedInformation, protocol.DiagnosticRelatedInformation{
				Location: protocol.Location{URI: uri.File(rp.Filename), Range: c.lspRange(rp, re)},
				Message:  r.Message,
			})
		}
	}
	var actions []protocol.CodeAction
	if fset != nil {
		for _, f := range d.SuggestedFixes {
			if edit, ok := c.workspaceEdit(fset, f.TextEdits); ok {
				actions = append(actions, protocol.CodeAction{
					Title: f.Message, Kind: protocol.QuickFix, Diagnostics: []protocol.Diagnostic{pd},
					Edit: edit, IsPreferred: len(d.SuggestedFixes) == 1,
				})
			}
		}
	}
	if a.Name == "envkeys" && d.Category == envkeys.CategoryUndeclared {
		if act, ok := c.declareKey(posn.Filename, d.Message); ok {
			act.Diagnostics = []protocol.Diagnostic{pd}
			actions = append(actions, act)
		}
	}
	c.res.diags[u] = append(c.res.diags[u], pd)
	if len(actions) > 0 {
		c.res.fixes[u] = append(c.res.fixes[u], fixEntry{diag: pd, actions: actions})
	}
}

// lspRange converts a finding's range; an empty end stretches to the end
// of the line, so that a finding on a manifest line underlines the line.
func (c *converter) lspRange(posn, end token.Position) protocol.Range {
	text := c.content(posn.Filename)
	start := lspPosition(text, posn.Line, posn.Column)
	if end.Filename == posn.Filename && end.Line > 0 {
		return protocol.Range{Start: start, End: lspPosition(text, end.Line, end.Column)}
	}
	return protocol.Range{Start: start, End: lineEnd(text, posn.Line)}
}

// workspaceEdit converts a suggested fix's edits.
func (c *converter) workspaceEdit(fset *token.FileSet, edits []analysis.TextEdit) (*protocol.WorkspaceEdit, bool) {
	changes := make(map[protocol.DocumentURI][]protocol.TextEdit)
	for _, e := range edits {
		start := fset.Position(e.Pos)
		end := start
		if e.End.IsValid() {
			end = fset.Position(e.End)
		}
		if start.Filename == "" || end.Filename != start.Filename {
			return nil, false
		}
		u := uri.File(start.Filename)
		changes[u] = append(changes[u], protocol.TextEdit{Range: c.lspRange(start, end), NewText: string(e.NewText)})
	}
	if len(changes) == 0 {
		return nil, false
	}
	return &protocol.WorkspaceEdit{Changes: changes}, true
}
