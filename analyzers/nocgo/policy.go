package nocgo

import (
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
// manifest declares CGO_ENABLED=0 or -nocgo.enforce is set. Packages of
// versioned dependency modules are not looked up (their manifests are
// not the program's, and their diagnostics are never shown).
func (c *checker) policyFor(pass *analysis.Pass) (policy, error) {
	dependency := pass.Module != nil && pass.Module.Version != ""
	if !dependency || len(c.cfg.Manifest) > 0 {
		dir := passutil.PackageDir(pass)
		m, err := c.manifests.ForDir(dir, manifest.Resolve(dir, c.cfg.Manifest))
		if err != nil {
			if dependency {
				return policy{}, nil // not the program's manifest
			}
			return policy{}, err
		}
		if k, ok := m.BuildVar("CGO_ENABLED"); ok && k.HasDefault && strings.TrimSpace(k.Default) == "0" {
			return policy{on: true, why: "CGO_ENABLED=0 is declared in " + m.DisplayName()}, nil
		}
	}
	if c.cfg.Enforce {
		return policy{on: true, why: "cgo is forbidden by -nocgo.enforce"}, nil
	}
	return policy{}, nil
}
