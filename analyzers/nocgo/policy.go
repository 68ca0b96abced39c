package nocgo

import (
	"path/filepath"
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
// set. Packages of versioned dependency modules are not looked up (their
// manifests and release files are not the program's, and their
// diagnostics are never shown).
func (c *checker) policyFor(pass *analysis.Pass) (policy, error) {
	dependency := passutil.InDependency(pass)
	if !dependency || len(c.cfg.Manifest) > 0 {
		dir := passutil.PackageDir(pass)
		m, err := c.manifests.ForDir(dir, manifest.Resolve(dir, c.cfg.Manifest))
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
		if declared && k.HasDefault && strings.TrimSpace(k.Default) == "0" {
			return policy{on: true, why: "CGO_ENABLED=0 is " + where(k, m, dir)}, nil
		}
	}
	if c.cfg.Enforce {
		return policy{on: true, why: "cgo is forbidden by -nocgo.enforce"}, nil
	}
	return policy{}, nil
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
