package rulestest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/packages"
)

// loadMode is what analysistest loads: packages and their dependencies
// from source, with syntax, types and modules.
const loadMode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles | packages.NeedImports |
	packages.NeedTypes | packages.NeedTypesSizes | packages.NeedSyntax | packages.NeedTypesInfo |
	packages.NeedDeps | packages.NeedModule

// A Load is one load of testdata packages, with their tests, as
// analysistest.Run loads them, done on first use and read by every test
// that Checks analyzers on its packages: in GOPATH mode, unless dir holds
// a go.mod or a go.work (module mode, GOPROXY=off). A go.work's modules
// are loaded together, so that test modules of their own (own manifests,
// own release files, own module path) share one load of the standard
// library.
type Load struct {
	once     sync.Once
	dir      string
	env      []string
	patterns []string
	pkgs     []*packages.Package
	err      error
}

// NewLoad returns the Load of patterns in dir; env is added to the
// environment (e.g. "CGO_ENABLED=0"). GOFLAGS is cleared: -mod=mod is an
// error in workspace mode.
func NewLoad(dir string, env []string, patterns ...string) *Load {
	return &Load{dir: dir, env: env, patterns: patterns}
}

// Dir returns the directory the packages are loaded from, for Check.
func (l *Load) Dir() string { return l.dir }

// Roots returns the loaded packages (and test variants) under the import
// path prefix, failing t when the load failed or none are.
func (l *Load) Roots(t testing.TB, prefix string) []*packages.Package {
	t.Helper()
	pkgs, err := l.Packages(prefix + "/...")
	if err != nil {
		t.Fatal(err)
	}
	return pkgs
}

// Packages returns the loaded packages that paths name, with their test
// variants: an import path, or a path ending in "/..." for the packages
// under it. It is an error when the load failed or a path names none.
func (l *Load) Packages(paths ...string) ([]*packages.Package, error) {
	l.once.Do(l.load)
	if l.err != nil {
		return nil, l.err
	}
	var out []*packages.Package
	for _, path := range paths {
		n := len(out)
		for _, p := range l.pkgs {
			if under(p.PkgPath, path) {
				out = append(out, p)
			}
		}
		if len(out) == n {
			return nil, fmt.Errorf("no package %s among the loaded %s", path, l.patterns)
		}
	}
	return out, nil
}

// under reports whether the package path p is named by path (see
// Packages).
func under(p, path string) bool {
	if prefix, ok := strings.CutSuffix(path, "/..."); ok {
		return p == prefix || strings.HasPrefix(p, prefix+"/")
	}
	return samePackage(p, path)
}

func (l *Load) load() {
	mode := []string{"GOPATH=" + l.dir, "GO111MODULE=off", "GOWORK=off"}
	if work := filepath.Join(l.dir, "go.work"); exists(work) {
		mode = []string{"GO111MODULE=on", "GOPROXY=off", "GOWORK=" + work}
	} else if exists(filepath.Join(l.dir, "go.mod")) {
		mode = []string{"GO111MODULE=on", "GOPROXY=off", "GOWORK=off"}
	}
	cfg := &packages.Config{
		Mode:  loadMode,
		Dir:   l.dir,
		Tests: true,
		Env:   append(append(append(os.Environ(), mode...), "GOFLAGS="), l.env...),
	}
	l.pkgs, l.err = packages.Load(cfg, l.patterns...)
	if l.err != nil {
		l.err = fmt.Errorf("loading %s: %v", l.patterns, l.err)
		return
	}
	for _, p := range l.pkgs {
		if p.Name == "" {
			l.err = fmt.Errorf("failed to load %q: %v", p.PkgPath, p.Errors)
			return
		}
	}
}

func exists(name string) bool {
	_, err := os.Stat(name)
	return err == nil
}
