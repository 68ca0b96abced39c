package nocgo

import (
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/envvet/envvet/internal/manifest"
	"github.com/envvet/envvet/internal/passutil"
)

// A policy says whether cgo is forbidden for a package, and why.
type policy struct {
	on  bool
	why string // e.g. "CGO_ENABLED=0 is declared in .env.example"
}

// policyFor returns the cgo policy of the package: forbidden when its
// manifest declares CGO_ENABLED=0, or (with no -nocgo.manifest and a
// manifest that does not declare it) when the release files at the root
// of its module build it with CGO_ENABLED=0, or when -nocgo.enforce is
// set. A CGO_ENABLED=0 that a .goreleaser.yaml sets (found at the root or
// named in envvet.yaml) holds for a main package only when its builds
// compile that package. Packages of versioned dependency modules are not looked up (their
// manifests and release files are not the program's, and their
// diagnostics are never shown), nor are packages of another module of
// the program's workspace (go.work) that lacks a file -nocgo.manifest
// lists: the list names the program's manifest, resolved against each
// package's module root, and such a module's packages are analyzed for
// their facts, which an error would lose (the root packages' nocgo would
// fail with "failed prerequisites"), when another module of the workspace
// holds the files. Elsewhere a missing file is an error.
func (c *checker) policyFor(pass *analysis.Pass) (policy, error) {
	dependency := passutil.InDependency(pass)
	dir := passutil.PackageDir(pass)
	explicit := manifest.Resolve(dir, c.cfg.Manifest)
	if (!dependency || len(c.cfg.Manifest) > 0) && !c.otherWorkspaceModule(dir, explicit) {
		m, err := c.manifests.ForDir(dir, explicit)
		if err != nil {
			if dependency {
				return policy{}, nil // not the program's manifest
			}
			return policy{}, err
		}
		k, declared := m.BuildVar("CGO_ENABLED")
		if !declared && !dependency && len(c.cfg.Manifest) == 0 {
			p, ok, err := c.manifests.ReleaseVar(dir, "CGO_ENABLED")
			if err != nil {
				return policy{}, err
			}
			k, declared = p.Key, ok
		}
		declared = declared && !unreleasedMain(pass, dir, k)
		if declared && k.HasDefault && strings.TrimSpace(k.Default) == "0" {
			return policy{on: true, why: "CGO_ENABLED=0 is " + where(k, m, dir)}, nil
		}
	}
	if c.cfg.Enforce {
		return policy{on: true, why: "cgo is forbidden by -nocgo.enforce"}, nil
	}
	return policy{}, nil
}

// unreleasedMain reports whether the package is a main package that the
// release builds of k do not compile: a .goreleaser.yaml names the
// programs it releases (its builds' main:), and another program of the
// module (a CI harness, a developer's tool) is not in that release, so
// the release's CGO_ENABLED says nothing about it. Other packages keep
// the module's policy: whether a released program imports them is not
// known from the package.
func unreleasedMain(pass *analysis.Pass, dir string, k manifest.Key) bool {
	if k.Mains == nil || pass.Pkg == nil || pass.Pkg.Name() != "main" {
		return false
	}
	abs, err := filepath.Abs(dir)
	return err == nil && !slices.Contains(k.Mains, abs)
}

// otherWorkspaceModule reports whether dir is in a module of a workspace
// that lacks a file -nocgo.manifest lists, while another module of the
// workspace holds every listed file (a list that no module holds is an
// error, as outside a workspace).
func (c *checker) otherWorkspaceModule(dir string, explicit []string) bool {
	if dir == "" || !slices.ContainsFunc(explicit, c.manifests.Missing) {
		return false
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return false
	}
	return slices.ContainsFunc(manifest.WorkspaceModules(abs), func(mod string) bool {
		return !slices.ContainsFunc(manifest.Resolve(mod, c.cfg.Manifest), c.manifests.Missing)
	})
}

// where says where k sets CGO_ENABLED: "declared in .env.example" for a
// manifest, "set in build/Dockerfile:12" for a release file, named
// relative to the module root of dir.
func where(k manifest.Key, m *manifest.Manifest, dir string) string {
	if !manifest.IsReleaseFile(k.File) {
		return "declared in " + m.DisplayName()
	}
	name := filepath.Base(k.File)
	if root := manifest.ModuleRoot(dir); root != "" {
		if rel, err := filepath.Rel(root, k.File); err == nil && !strings.HasPrefix(rel, "..") {
			name = filepath.ToSlash(rel)
		}
	}
	return "set in " + name + ":" + strconv.Itoa(k.Line)
}
