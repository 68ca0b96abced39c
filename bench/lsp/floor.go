package main

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"golang.org/x/tools/go/packages"

	"github.com/envvet/envvet/internal/cputime"
	"github.com/envvet/envvet/internal/typecheck"
)

// A floor is the cost of type-checking the edited package alone.
type floor struct {
	pkgPath string
	files   int
	imports int
	cold    time.Duration // go/packages load of the package alone
	samples []sample      // parse + type-check, dependencies in memory
	checks  []sample      // of which go/types' check alone (wall and CPU)
	at      string        // when the samples were taken, for the report

	pkg  *packages.Package
	deps map[string]*types.Package // the package's imports, by path
	path string
	orig []byte
	info *types.Info // the last sample's, which sizes the next (as the server sizes an edit's from the previous version's)
}

// newFloor loads the package of path alone (its dependencies from
// export data, as go vet's unitchecker sees them; timed with the build
// cache warm), for samples: what an editor that keeps the dependencies
// in memory cannot avoid doing on an edit.
func newFloor(root, path string) (*floor, error) {
	cfg := &packages.Config{
		Mode: packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles | packages.NeedImports |
			packages.NeedTypes | packages.NeedTypesSizes | packages.NeedSyntax | packages.NeedTypesInfo | packages.NeedModule,
		Dir: root,
	}
	// The first load compiles the dependencies' export data into the
	// build cache; the second is timed.
	var pkgs []*packages.Package
	var start time.Time
	for range 2 {
		start = time.Now()
		var err error
		if pkgs, err = packages.Load(cfg, "file="+path); err != nil {
			return nil, err
		}
	}
	if len(pkgs) != 1 || pkgs[0].Types == nil {
		return nil, fmt.Errorf("%s: want one package, got %d", path, len(pkgs))
	}
	p := pkgs[0]
	if len(p.Errors) > 0 {
		return nil, fmt.Errorf("%s: %v", p.PkgPath, p.Errors[0])
	}
	orig, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	fl := &floor{pkgPath: p.PkgPath, files: len(p.CompiledGoFiles), imports: len(p.Types.Imports()), cold: time.Since(start),
		pkg: p, deps: make(map[string]*types.Package), path: path, orig: orig}
	for _, imp := range p.Types.Imports() {
		fl.deps[imp.Path()] = imp
	}
	return fl, nil
}

// sample parses and type-checks the package once, with the text of the
// server's edit i, against the same imported packages, and records it.
func (fl *floor) sample(i int) error {
	s, check, info, err := typeCheck(fl.pkg, fl.deps, fl.path, edited(fl.orig, i), fl.info)
	if err != nil {
		return err
	}
	fl.info = info
	fl.samples = append(fl.samples, s)
	fl.checks = append(fl.checks, check)
	return nil
}

// typeCheck parses p's files (path with the text src) and type-checks
// them against imports, recording every types.Info map the analyzers
// need (sized from prev, the previous round's), and returns its cost,
// the cost of go/types' check alone and the types.Info it filled.
func typeCheck(p *packages.Package, imports map[string]*types.Package, path string, src []byte, prev *types.Info) (sample, sample, *types.Info, error) {
	runtime.GC() // no collection of the previous round's garbage in this one
	c0, t0 := cpuTime(), time.Now()
	fset := token.NewFileSet()
	var files []*ast.File
	for _, name := range p.CompiledGoFiles {
		var text any
		if filepath.Clean(name) == path {
			text = src
		}
		f, err := parser.ParseFile(fset, name, text, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return sample{}, sample{}, nil, err
		}
		files = append(files, f)
	}
	info := typecheck.NewInfo(prev)
	var firstErr error
	cfg := &types.Config{
		Importer: importerFunc(func(path string) (*types.Package, error) {
			if path == "unsafe" {
				return types.Unsafe, nil
			}
			if imp, ok := imports[path]; ok {
				return imp, nil
			}
			return nil, fmt.Errorf("no import %q", path)
		}),
		Sizes: p.TypesSizes,
		Error: func(err error) {
			if firstErr == nil {
				firstErr = err
			}
		},
	}
	if p.Module != nil && p.Module.GoVersion != "" {
		cfg.GoVersion = "go" + p.Module.GoVersion
	}
	c1, t1 := cpuTime(), time.Now()
	_, _ = cfg.Check(p.PkgPath, fset, files, info)
	s := sample{wall: time.Since(t0), cpu: cpuTime() - c0}
	return s, sample{wall: time.Since(t1), cpu: cpuTime() - c1}, info, firstErr
}

// cpuTime is this process's CPU time so far (0 where it cannot be read).
func cpuTime() time.Duration {
	d, _ := cputime.Process()
	return d
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// edited returns src with edit i applied: the package clause's line
// gets a comment naming the edit, so every edit is a new text and no
// line moves.
func edited(src []byte, i int) []byte {
	lines := bytes.SplitAfter(src, []byte("\n"))
	for j, l := range lines {
		if bytes.HasPrefix(l, []byte("package ")) {
			nl := bytes.TrimRight(l, "\n")
			lines[j] = fmt.Appendf(nil, "%s // edit %d\n", nl, i)
			break
		}
	}
	return bytes.Join(lines, nil)
}
