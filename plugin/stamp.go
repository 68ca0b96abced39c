package plugin

import (
	"fmt"
	"os"
	"slices"

	"golang.org/x/tools/go/analysis"

	"github.com/envvet/envvet/analyzers"
	"github.com/envvet/envvet/internal/manifest"
)

// stampPrefix begins the name of every manifest stamp.
const stampPrefix = "envvetmanifests_"

// manifestStamp returns an analyzer that reports nothing and whose name
// carries the fingerprint of the manifests of the module (or workspace)
// containing the working directory, and of the manifests cfg names
// (see manifest.Fingerprint).
//
// golangci-lint keys its cache of a package's issues by the package's Go
// files and dependencies, its configuration, go.mod, and the sorted names
// of the analyzers that run (pkg/goanalysis/runners_cache.go,
// getIssuesCacheKey), never by the files an analyzer reads on the side.
// The stamp's name is how a manifest edit reaches that key: after an edit
// the name differs, every cached issue misses, and the checks run on the
// new manifest. Undoing the edit brings the old name, and its entries,
// back. The fingerprint hashes module-relative paths, so CI runners that
// share a golangci-lint cache from different checkout directories agree.
func manifestStamp(cfg analyzers.Config) (*analysis.Analyzer, error) {
	wd, err := os.Getwd()
	if err != nil {
		return nil, fmt.Errorf("fingerprinting the manifests: %w", err)
	}
	fp, err := manifest.Fingerprint(wd, namedManifests(cfg))
	if err != nil {
		return nil, fmt.Errorf("fingerprinting the manifests: %w", err)
	}
	return &analysis.Analyzer{
		Name: stampPrefix + fp[:16],
		Doc:  "envvet's manifest fingerprint, in the name golangci-lint keys its cache by; reports nothing",
		Run:  func(*analysis.Pass) (any, error) { return nil, nil },
	}, nil
}

// namedManifests returns the manifests that settings name explicitly
// (envkeys and nocgo manifest:), sorted and without duplicates.
func namedManifests(cfg analyzers.Config) []string {
	named := slices.Concat(cfg.EnvKeys.Manifest, cfg.NoCgo.Manifest)
	slices.Sort(named)
	return slices.Compact(named)
}
