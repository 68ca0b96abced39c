// Package analyzers holds envvet's list of checks and their settings.
package analyzers

import (
	"slices"

	"golang.org/x/tools/go/analysis"

	"github.com/envvet/envvet/analyzers/ctxgo"
	"github.com/envvet/envvet/analyzers/dbpool"
	"github.com/envvet/envvet/analyzers/directives"
	"github.com/envvet/envvet/analyzers/envkeys"
	"github.com/envvet/envvet/analyzers/envparse"
	"github.com/envvet/envvet/analyzers/envsecret"
	"github.com/envvet/envvet/analyzers/envtype"
	"github.com/envvet/envvet/analyzers/nocgo"
	"github.com/envvet/envvet/internal/manifest"
	"github.com/envvet/envvet/internal/report"
)

// Config holds every check's settings, keyed by check name. The JSON names
// are the command's flag names, so golangci-lint's settings block decodes
// into the same struct that the flags fill.
type Config struct {
	EnvKeys  envkeys.Config  `json:"envkeys"`
	NoCgo    nocgo.Config    `json:"nocgo"`
	DBPool   dbpool.Config   `json:"dbpool"`
	CtxGo    ctxgo.Config    `json:"ctxgo"`
	EnvParse envparse.Config `json:"envparse"`
	// EnvType has no user setting; it is here for Report and Overlay.
	EnvType envtype.Config `json:"-"`
	// EnvSecret has no user setting; it is here for Report and Overlay.
	EnvSecret envsecret.Config `json:"-"`

	// Report adjusts every check's reporting for the driver (see
	// internal/report.Options); it is no user setting.
	Report report.Options `json:"-"`
	// Overlay gives the checks that read manifests the unsaved contents
	// of an editor's buffers (envvet lsp); it is no user setting.
	Overlay manifest.Overlay `json:"-"`
	// Listed, if set, gives the manifests that envparse, envsecret and
	// envtype read in place of envkeys' manifest setting, for a driver
	// that configures envkeys apart from them (golangci-lint, whose
	// plugins each see their own settings); it is no user setting.
	Listed func() []string `json:"-"`
}

// Suite returns envvet's checks, configured by cfg, in a fixed order, and
// the directives check, which reports malformed //envvet:ignore comments.
// Each call returns fresh analyzers: their flags write into their own copy
// of cfg, so two suites never share state. Every check reports through
// internal/report, which applies the directives in every driver.
func Suite(cfg Config) []*analysis.Analyzer {
	cfg.EnvKeys.Report = cfg.Report
	cfg.DBPool.Report = cfg.Report
	cfg.NoCgo.Report = cfg.Report
	cfg.CtxGo.Report = cfg.Report
	cfg.EnvParse.Report = cfg.Report
	cfg.EnvKeys.Overlay = cfg.Overlay
	cfg.DBPool.Overlay = cfg.Overlay
	cfg.NoCgo.Overlay = cfg.Overlay
	cfg.EnvParse.Overlay = cfg.Overlay
	cfg.EnvSecret.Report = cfg.Report
	cfg.EnvSecret.Overlay = cfg.Overlay
	cfg.EnvType.Report = cfg.Report
	cfg.EnvType.Overlay = cfg.Overlay
	checks := checks(cfg)
	names := make([]string, len(checks))
	for i, a := range checks {
		names[i] = a.Name
	}
	return append(checks, directives.New(names))
}

// checks returns envvet's checks proper. envparse and envsecret read the
// manifests that envkeys' manifest setting or flag names (on-bad-value,
// literal secrets), so all three see one list.
func checks(cfg Config) []*analysis.Analyzer {
	listed := slices.Clone(cfg.EnvKeys.Manifest)
	cfg.EnvKeys.OnManifest = func(m []string) { listed = m }
	shared := func() []string { return listed }
	if cfg.Listed != nil {
		shared = cfg.Listed
	}
	cfg.EnvParse.Manifests = shared
	cfg.EnvSecret.Manifests = shared
	cfg.EnvType.Manifests = shared
	return []*analysis.Analyzer{
		envkeys.New(cfg.EnvKeys),
		nocgo.New(cfg.NoCgo),
		dbpool.New(cfg.DBPool),
		ctxgo.New(cfg.CtxGo),
		envparse.New(cfg.EnvParse),
		envsecret.New(cfg.EnvSecret),
		envtype.New(cfg.EnvType),
	}
}

// A Conclusion is a kind of finding that a check draws from the whole
// program: from what no package of it does.
type Conclusion struct {
	Check    string // the check's name
	Category string // its diagnostics' category
	What     string // what is concluded, for a message
	MainOnly bool   // drawn in main packages only
}

// WholeProgram lists the conclusions that need every package of the
// program. A driver analyzing a program some of whose packages do not
// type-check withholds these findings: the package it could not see may
// read the key, or limit the pool.
func WholeProgram() []Conclusion {
	cs := []Conclusion{{Check: "envkeys", Category: envkeys.CategoryUnread, What: "declared keys that nothing reads", MainOnly: true}}
	for _, c := range dbpool.WholeProgram() {
		cs = append(cs, Conclusion{Check: "dbpool", Category: c, What: "pools that nothing limits"})
	}
	return cs
}

// OnBroken reports whether the findings of the check named name stand on a
// package that does not type-check: nocgo's and the directives' rest on
// its imports and files, not on types. The other checks' do not, and a
// driver skips such a package for them.
func OnBroken(name string) bool {
	return name == "nocgo" || name == "directives"
}
