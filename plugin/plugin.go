// Package plugin registers envvet's checks as golangci-lint v2 module
// plugins (github.com/golangci/plugin-module-register).
//
// Each check of analyzers.Suite is its own plugin, named after the check
// (envkeys, nocgo, ctxgo, dbpool, ...), so that golangci-lint's per-linter
// machinery works per check: `enable`/`disable`, `//nolint:ctxgo`, the
// FromLinter of JSON issues, SARIF rule ids, exclusion and severity rules.
// A check runs only when its name has an entry of `type: module` under
// linters.settings.custom. Checks share their helper analyzers (envgraph,
// manifest) by pointer, so golangci-lint computes the env graph once per
// package however many checks are enabled.
//
// A check's `settings:` block decodes into that check's field of
// analyzers.Config, the struct the command's flags fill: the YAML key
// `ignore` under envkeys is the flag -envkeys.ignore. Unknown keys are an
// error that names the key.
//
// The analyzers come from analyzers.Suite, as in cmd/envvet. Each plugin
// adds one analyzer of its own, a stamp that reports nothing and whose
// name carries the manifests' fingerprint: golangci-lint's cache keys
// cached issues by analyzer names, so a manifest edit is a cache miss
// (see manifestStamp).
package plugin

import (
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"
	"sync"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/envvet/envvet/analyzers"
)

func init() {
	for _, name := range Names() {
		register.Plugin(name, func(settings any) (register.LinterPlugin, error) {
			return New(name, settings)
		})
	}
}

// Names returns the plugin names, one per check of analyzers.Suite, in
// suite order.
func Names() []string {
	var names []string
	for _, a := range analyzers.Suite(analyzers.Config{}) {
		names = append(names, a.Name)
	}
	return names
}

// New returns the plugin of the named check, configured by settings, the
// raw value of its linters.settings.custom.<check>.settings block (nil when
// the block is absent).
func New(check string, settings any) (register.LinterPlugin, error) {
	cfg, err := decode(check, settings)
	if err != nil {
		return nil, err
	}
	// golangci-lint reports each related entry as an issue of its own.
	cfg.Report.NoRelated = true
	if check == "envkeys" {
		envkeysManifest.set(cfg.EnvKeys.Manifest)
	}
	cfg.Listed = envkeysManifest.get
	return &plugin{check: check, cfg: cfg}, nil
}

// envkeysManifest is envkeys' manifest setting, which envparse, envsecret
// and envtype read too (on-bad-value, literal secrets, value types), as in
// every other driver. golangci-lint gives each plugin only its own
// settings block, and builds them in no set order, so the envkeys plugin
// records its setting here when golangci-lint creates it, and the others
// read it when they analyze, after every plugin is created.
var envkeysManifest sharedList

// A sharedList is a list of paths set by one plugin and read by others.
type sharedList struct {
	mu    sync.Mutex
	paths []string
}

func (l *sharedList) set(paths []string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.paths = slices.Clone(paths)
}

func (l *sharedList) get() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Clone(l.paths)
}

// decode decodes a check's settings into its field of analyzers.Config,
// rejecting unknown keys.
func decode(check string, settings any) (analyzers.Config, error) {
	if settings == nil {
		return analyzers.Config{}, nil
	}
	if !hasSettings(check) {
		m, ok := settings.(map[string]any)
		if !ok {
			return analyzers.Config{}, fmt.Errorf("envvet check %s: settings must be a mapping, got %T", check, settings)
		}
		if len(m) > 0 {
			key := slices.Min(slices.Collect(maps.Keys(m)))
			return analyzers.Config{}, fmt.Errorf("envvet check %s: unknown field %q (the check has no settings)", check, key)
		}
		return analyzers.Config{}, nil
	}
	cfg, err := register.DecodeSettings[analyzers.Config](map[string]any{check: settings})
	if err != nil {
		return analyzers.Config{}, fmt.Errorf("envvet check %s: %w", check, err)
	}
	return cfg, nil
}

// hasSettings reports whether analyzers.Config has a field whose JSON name
// is check.
func hasSettings(check string) bool {
	t := reflect.TypeFor[analyzers.Config]()
	for f := range t.Fields() {
		if name, _, _ := strings.Cut(f.Tag.Get("json"), ","); name == check {
			return true
		}
	}
	return false
}

type plugin struct {
	check string
	cfg   analyzers.Config
}

// BuildAnalyzers returns the plugin's check, taken from a fresh suite,
// and the manifest stamp that makes golangci-lint's cache see manifest
// edits (see manifestStamp).
func (p *plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	for _, a := range analyzers.Suite(p.cfg) {
		if a.Name == p.check {
			stamp, err := manifestStamp(p.cfg)
			if err != nil {
				return nil, fmt.Errorf("envvet check %s: %w", p.check, err)
			}
			return []*analysis.Analyzer{a, stamp}, nil
		}
	}
	return nil, fmt.Errorf("envvet has no check %s", p.check)
}

// GetLoadMode asks for type information: every check needs it.
func (*plugin) GetLoadMode() string { return register.LoadModeTypesInfo }
