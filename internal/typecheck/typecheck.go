// Package typecheck holds what envvet's two type-checks of a package
// outside go/packages share: the standalone driver's streamed load
// (internal/driver) and the editor's check of an edited package
// (internal/lsp). Both check against the package's imports, type-checked
// before it, with the settings go/packages uses.
package typecheck

import (
	"fmt"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/packages"
)

// Config returns the types.Config of p's type-check: its imports from
// imports (by import path, each type-checked already), its sizes, its
// module's Go version, each error to onError.
func Config(p *packages.Package, imports map[string]*packages.Package, onError func(error)) *types.Config {
	cfg := &types.Config{
		Importer: importerFunc(func(path string) (*types.Package, error) {
			if path == "unsafe" {
				return types.Unsafe, nil
			}
			imp := imports[path]
			if imp == nil {
				// go list left it out: a package missing from the
				// build (import "C" with cgo off) or an import cycle.
				return nil, fmt.Errorf("missing package: %q", path)
			}
			if imp.Types == nil || !imp.Types.Complete() {
				return nil, fmt.Errorf("internal error: %s is imported by %s before it is type-checked", path, p.ID)
			}
			return imp.Types, nil
		}),
		Error: onError,
		Sizes: p.TypesSizes,
	}
	if p.Module != nil && p.Module.GoVersion != "" {
		cfg.GoVersion = "go" + p.Module.GoVersion
	}
	return cfg
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// NewInfo returns a types.Info with every map go/packages fills (every
// map go/analysis passes may read), each with room for as many entries
// as in old (nil for none). The editor sizes an edited package's maps
// from its previous version's, so that an edit's type-check does not
// grow them step by step (about 5% of tailscale's cmd/derper's
// type-check, 15% of its test variant's); bench/lsp's floor sizes its
// own from its previous round, so that the two do the same work.
func NewInfo(old *types.Info) *types.Info {
	if old == nil {
		old = &types.Info{}
	}
	return &types.Info{
		Types:        make(map[ast.Expr]types.TypeAndValue, len(old.Types)),
		Defs:         make(map[*ast.Ident]types.Object, len(old.Defs)),
		Uses:         make(map[*ast.Ident]types.Object, len(old.Uses)),
		Implicits:    make(map[ast.Node]types.Object, len(old.Implicits)),
		Instances:    make(map[*ast.Ident]types.Instance, len(old.Instances)),
		Scopes:       make(map[ast.Node]*types.Scope, len(old.Scopes)),
		Selections:   make(map[*ast.SelectorExpr]*types.Selection, len(old.Selections)),
		FileVersions: make(map[*ast.File]string, len(old.FileVersions)),
	}
}
