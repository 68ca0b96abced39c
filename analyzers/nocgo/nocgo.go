package nocgo

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/build"
	"go/token"
	"go/types"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/envvet/envvet/internal/analysisdoc"
	"github.com/envvet/envvet/internal/manifest"
	"github.com/envvet/envvet/internal/passutil"
	"github.com/envvet/envvet/internal/report"
)

//go:embed doc.go
var doc string

const docURL = "https://github.com/envvet/envvet"

// Config is nocgo's settings; JSON names = flag names (-nocgo.allow ≡
// golangci "allow").
type Config struct {
	// Enforce forbids cgo everywhere, whatever the manifest says.
	Enforce bool `json:"enforce"`
	// Allow lists import path patterns of packages that may use cgo.
	Allow []string `json:"allow"`
	// Manifest lists manifest files to use instead of discovering one
	// from each package's directory.
	Manifest []string `json:"manifest"`

	// Report adjusts reporting for drivers; it has no flag or setting.
	Report report.Options `json:"-"`
	// Overlay supplies unsaved manifest contents (an editor's buffers);
	// it has no flag or setting.
	Overlay manifest.Overlay `json:"-"`
}

// Analyzer is nocgo with its default settings. Use New for a configured
// instance: the flags of Analyzer write into Analyzer itself.
var Analyzer = New(Config{})

// New returns a fresh nocgo analyzer whose flags write into its own copy
// of cfg.
func New(cfg Config) *analysis.Analyzer {
	c := newChecker(cfg)
	a := &analysis.Analyzer{
		Name:             "nocgo",
		Doc:              analysisdoc.MustExtract(doc, "nocgo"),
		URL:              docURL + "#nocgo",
		Run:              report.Wrap("nocgo", c.run, cfg.Report),
		RunDespiteErrors: true,
		FactTypes:        []analysis.Fact{new(usesCgo)},
	}
	a.Flags.BoolVar(&c.cfg.Enforce, "enforce", cfg.Enforce,
		"forbid cgo even when no manifest declares CGO_ENABLED=0")
	a.Flags.Func("allow", "comma-separated import path patterns of packages that may use cgo (e.g. example.com/db/...,./internal/sqlite)", func(s string) error {
		pats, err := compilePatterns(passutil.SplitList(s))
		if err != nil {
			return err
		}
		c.cfg.Allow, c.allow, c.allowErr = passutil.SplitList(s), pats, nil
		return nil
	})
	a.Flags.Func("manifest", "comma-separated manifest files relative to the module root, replacing discovery (e.g. deploy/.env.example)", func(s string) error {
		c.cfg.Manifest = passutil.SplitList(s)
		return nil
	})
	return a
}

// usesCgo is a package fact: the package uses cgo, through the chain Via
// (empty when it imports "C" itself). It is exported for every non-std
// package that uses cgo and is not allowed to, whether or not a policy
// applies to it. Via is a single shortest chain, chosen in file order, so
// the fact encodes identically on every run.
type usesCgo struct {
	Via    []string // import paths from a direct import of the package to the package with import "C"
	File   string   // base name of a file with import "C" in the last package of the chain (the package itself when Via is empty)
	Off    bool     // that file was found among the ignored files: the analysis ran with cgo off
	Module string   // module path of the package; "" when the driver does not tell

	// Reported says that the cause has been reported in the package's
	// module: by the package itself (it is under a policy) or by the
	// same-module package it reaches it through. Importers in the same
	// module then do not report it again.
	Reported bool
}

func (*usesCgo) AFact() {}

// onlyPlugin reports whether the package reaches cgo only through the
// standard plugin package: no chain of its imports leads to an import
// "C". cgoFact picks such a chain only when there is no other, so a chain
// that ends in plugin says it.
func (f *usesCgo) onlyPlugin() bool {
	return len(f.Via) > 0 && f.Via[len(f.Via)-1] == "plugin"
}

// String omits Off, so that tests expect the same fact whatever
// CGO_ENABLED the analysis runs with.
func (f *usesCgo) String() string {
	var b strings.Builder
	b.WriteString("usesCgo(")
	if len(f.Via) > 0 {
		b.WriteString("via " + strings.Join(f.Via, " -> ") + ", ")
	}
	b.WriteString(`import "C" in ` + f.File)
	if f.Reported {
		b.WriteString(", reported")
	}
	b.WriteString(")")
	return b.String()
}

// noFallback lists the standard-library packages that use cgo and have
// no working pure-Go fallback: with CGO_ENABLED=0 they build, but fail at
// run time. They are causes like any third-party cgo package, except
// plugin beyond its importer's project (see importCauses). Every other
// std package is never a cause (net and os/user fall back to pure Go,
// runtime/cgo is cgo's support code, the rest is internal or only built
// with -race, -msan, -asan or boringcrypto).
var noFallback = map[string]usesCgo{
	"plugin": {File: "plugin_dlopen.go"},
}

type checker struct {
	cfg      Config
	allow    []pattern
	allowErr error

	manifests manifest.Cache // one per analyzer instance; safe for concurrent use
}

func newChecker(cfg Config) *checker {
	c := &checker{cfg: cfg}
	c.manifests.Overlay = cfg.Overlay
	c.cfg.Allow = append([]string(nil), cfg.Allow...)
	c.cfg.Manifest = append([]string(nil), cfg.Manifest...)
	c.allow, c.allowErr = compilePatterns(c.cfg.Allow)
	return c
}

func (c *checker) run(pass *analysis.Pass) (any, error) {
	if c.allowErr != nil {
		return nil, fmt.Errorf("nocgo: -nocgo.allow: %v", c.allowErr)
	}
	if isStd(pass) {
		return nil, nil // std is never a cause; see noFallback
	}
	if passutil.IsTestMain(pass) {
		// go test's generated main (in the build cache): its imports are
		// the tested packages, already checked at their own sources.
		return nil, nil
	}
	direct, err := directCgo(pass)
	if err != nil {
		return nil, err
	}
	causes := c.importCauses(pass)
	var st *stub
	if len(direct) == 0 {
		st = findStub(pass) // with import "C" of its own, direct says it all
	}
	if len(direct) == 0 && len(causes) == 0 && st == nil {
		return nil, nil
	}
	if c.allowed(pass.Pkg.Path(), pass.Module) {
		return nil, nil // may use cgo: no report here, no fact for importers
	}

	pol, err := c.policyFor(pass)
	if err != nil {
		return nil, err
	}
	if len(direct) > 0 || len(causes) > 0 {
		pass.ExportPackageFact(cgoFact(pass, pol, direct, causes)) // a stub alone is reported here, not by importers
	}
	if pol.on {
		reportCgo(pass, pol, st, direct, causes)
	}
	return nil, nil
}

// cgoFact is the fact of a package that uses cgo: its own import "C", or
// else the shortest chain of imports to one. It is marked reported when
// the policy reports it here, or when every cause was already reported
// in its own module.
func cgoFact(pass *analysis.Pass, pol policy, direct []cgoImport, causes []cause) *usesCgo {
	fact := &usesCgo{Module: modulePath(pass.Module), Reported: pol.on}
	if len(direct) > 0 {
		fact.File = pickFile(pass.Pkg.Name(), direct)
		fact.Off = direct[0].off
		for _, d := range direct {
			fact.Off = fact.Off && d.off
		}
	}
	allCovered := len(direct) == 0
	var chosen *cause
	for i, ca := range causes {
		if len(direct) == 0 && (chosen == nil || ca.before(chosen)) {
			chosen = &causes[i]
		}
		if !ca.covered {
			allCovered = false
		}
	}
	if chosen != nil {
		fact.Via = append([]string{chosen.path}, chosen.fact.Via...)
		fact.File, fact.Off = chosen.fact.File, chosen.fact.Off
	}
	fact.Reported = fact.Reported || allCovered
	return fact
}

// before reports whether ca's chain is a better one to carry in the fact
// than other's: one that reaches an import "C" rather than only the
// plugin package (importers in other modules ignore those, see
// importCauses), then the shorter; on a tie, the first in file order.
func (ca *cause) before(other *cause) bool {
	if p, q := ca.onlyPlugin(), other.onlyPlugin(); p != q {
		return q
	}
	return len(ca.fact.Via) < len(other.fact.Via)
}

// onlyPlugin reports whether the import reaches cgo only through the
// standard plugin package, imported by the package itself or further on.
func (ca *cause) onlyPlugin() bool {
	return ca.path == "plugin" || ca.fact.onlyPlugin()
}

// reportCgo reports the package's stub, its own imports of "C", and the
// imports that bring in cgo not already reported in their module.
func reportCgo(pass *analysis.Pass, pol policy, st *stub, direct []cgoImport, causes []cause) {
	if st != nil {
		pass.Report(analysis.Diagnostic{Pos: st.pos, Category: "stub", Message: st.describe(pol)})
	}
	for _, d := range direct {
		pass.Report(analysis.Diagnostic{
			Pos:      d.pos,
			Category: "direct",
			Message:  fmt.Sprintf(`%s uses cgo (import "C"), but %s`, pass.Pkg.Path(), pol.why),
		})
	}
	for _, ca := range causes {
		if ca.covered {
			continue // reported where it can be fixed, in the same module
		}
		via := ""
		if len(ca.fact.Via) > 0 {
			via = " through " + strings.Join(ca.fact.Via, " -> ")
		}
		pass.Report(analysis.Diagnostic{
			Pos:      ca.spec.Pos(),
			End:      ca.spec.End(),
			Category: "import",
			Message:  fmt.Sprintf(`%s uses cgo%s (import "C" in %s), but %s`, ca.path, via, ca.fact.File, pol.why),
		})
	}
}

// A cause is an import of a package that uses cgo.
type cause struct {
	spec    *ast.ImportSpec
	path    string // import path of the imported package
	fact    usesCgo
	covered bool // already reported in the same module (both without module information under nogo)
}

// importCauses returns the imports of the package that bring in cgo, in
// file order, one per imported package. Imports in _test.go files are
// not causes: tests are not part of the released binary, and a test that
// needs cgo fails visibly, not silently. Nor are imports in files that
// are built only with cgo on (see onlyWithCgo): a package that imports a
// cgo package only then, such as github.com/ebitengine/purego, does
// without it when cgo is off. Nor is an import of a package of another
// project's module that reaches cgo only through the standard plugin
// package: a library links plugin for an optional loader of its own,
// which fails only when the program asks it to load a plugin. The
// program's own import of plugin is a cause, and so is a package of its
// module, or of another module of its repository (see sameProject), that
// imports it.
func (c *checker) importCauses(pass *analysis.Pass) []cause {
	var out []cause
	seen := make(map[string]bool)
	var noCgo *build.Context
	for _, f := range pass.Files {
		if strings.HasSuffix(pass.Fset.Position(f.Package).Filename, "_test.go") {
			continue // tests are not part of the released binary
		}
		if onlyWithCgo(pass, f, &noCgo) {
			continue // not there with cgo off
		}
		for _, spec := range f.Imports {
			written, err := strconv.Unquote(spec.Path.Value)
			if err != nil || written == "C" || seen[written] {
				continue
			}
			path := written
			var fact usesCgo
			if fb, ok := noFallback[path]; ok {
				if c.allowed(path, nil) {
					continue
				}
				fact = fb
			} else {
				imp := importedPackage(pass, spec, path)
				if imp == nil || !pass.ImportPackageFact(imp, &fact) {
					continue
				}
				if fact.onlyPlugin() && !sameProject(fact.Module, modulePath(pass.Module)) {
					// Have: a package of another project's module that
					// links plugin for a loader of its own (kustomize's Go
					// plugins seen from cli-runtime, containerd's daemon
					// plugins). It fails only when asked to load one;
					// nothing fails to build.
					continue
				}
				path = imp.Path() // vendored or otherwise resolved path
			}
			seen[written], seen[path] = true, true
			out = append(out, cause{
				spec:    spec,
				path:    path,
				fact:    fact,
				covered: fact.Reported && fact.Module == modulePath(pass.Module),
			})
		}
	}
	return out
}

// sameProject reports whether the modules with paths a and b belong to
// one repository, as far as their paths tell: the same host/owner/repo on
// github.com, gitlab.com and bitbucket.org, the same first two elements
// elsewhere (sigs.k8s.io/kustomize/api and sigs.k8s.io/kustomize/kustomize/v5,
// whose CLI turns the api module's Go plugin loader on). A plugin loader
// in another module of the same project is the program's own.
func sameProject(a, b string) bool {
	return a == b || projectRoot(a) == projectRoot(b)
}

// projectRoot returns the part of module path m that names its repository
// (see sameProject).
func projectRoot(m string) string {
	n := 2
	switch host, _, _ := strings.Cut(m, "/"); host {
	case "github.com", "gitlab.com", "bitbucket.org":
		n = 3
	}
	elems := strings.SplitN(m, "/", n+1)
	if len(elems) > n {
		elems = elems[:n]
	}
	return strings.Join(elems, "/")
}

// importedPackage returns the package that spec imports, or nil.
func importedPackage(pass *analysis.Pass, spec *ast.ImportSpec, path string) *types.Package {
	if pass.TypesInfo != nil {
		if pn := pass.TypesInfo.PkgNameOf(spec); pn != nil && pn.Imported() != nil {
			return pn.Imported()
		}
	}
	if pass.Pkg == nil {
		return nil
	}
	for _, imp := range pass.Pkg.Imports() {
		if imp.Path() == path {
			return imp
		}
	}
	return nil
}

// pickFile returns the file to name in messages: the one named after the
// package if it imports "C", else the first in name order.
func pickFile(pkgName string, direct []cgoImport) string {
	names := make([]string, 0, len(direct))
	for _, d := range direct {
		if d.file == pkgName+".go" {
			return d.file
		}
		names = append(names, d.file)
	}
	sort.Strings(names)
	return names[0]
}

// isStd reports whether the package is in the standard library: it has
// no module and the first element of its path has no dot (cmd/go's
// rule). Test data in GOPATH mode has no module either, so it must use
// dotted paths.
func isStd(pass *analysis.Pass) bool {
	if pass.Module != nil && pass.Module.Path != "" {
		return false
	}
	first, _, _ := strings.Cut(pass.Pkg.Path(), "/")
	return !strings.Contains(first, ".")
}

func modulePath(m *analysis.Module) string {
	if m == nil {
		return ""
	}
	return m.Path
}

// tokenFileName returns the name of the file that holds pos, as parsed.
func tokenFileName(fset *token.FileSet, pos token.Pos) string {
	if f := fset.File(pos); f != nil {
		return f.Name()
	}
	return ""
}
