package plugin_test

import (
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"go.yaml.in/yaml/v3"
	"golang.org/x/tools/go/analysis"

	"github.com/envvet/envvet/analyzers"
	"github.com/envvet/envvet/plugin"
)

// build gets the named plugin the way golangci-lint does and builds its
// analyzers.
func build(t *testing.T, name string, settings any) ([]*analysis.Analyzer, error) {
	t.Helper()
	ctor, err := register.GetPlugin(name)
	if err != nil {
		t.Fatal(err)
	}
	p, err := ctor(settings)
	if err != nil {
		return nil, err
	}
	if mode := p.GetLoadMode(); mode != register.LoadModeTypesInfo {
		t.Errorf("%s: load mode %q, want %q", name, mode, register.LoadModeTypesInfo)
	}
	return p.BuildAnalyzers()
}

// TestPlugins checks that every check of the suite is registered under its
// own name and builds exactly that check.
func TestPlugins(t *testing.T) {
	names := plugin.Names()
	var want []string
	for _, a := range analyzers.Suite(analyzers.Config{}) {
		want = append(want, a.Name)
	}
	if !slices.Equal(names, want) || len(names) == 0 {
		t.Fatalf("plugin names %q, want the suite's checks %q", names, want)
	}
	for _, name := range names {
		for _, settings := range []any{nil, map[string]any{}} {
			as, err := build(t, name, settings)
			if err != nil {
				t.Fatalf("%s with settings %#v: %v", name, settings, err)
			}
			if len(as) != 2 || as[0].Name != name || !strings.HasPrefix(as[1].Name, "envvetmanifests_") {
				t.Fatalf("%s: built %v, want the check %s and a manifest stamp", name, as, name)
			}
			if err := analysis.Validate(as); err != nil {
				t.Errorf("%s: %v", name, err)
			}
		}
	}
	if _, err := register.GetPlugin("envvet"); err == nil {
		t.Errorf(`a plugin named "envvet" is registered; checks are registered one by one`)
	}
}

// TestUnknownSetting checks that a misspelt or mistyped setting is an
// error naming the check and the key.
func TestUnknownSetting(t *testing.T) {
	for _, name := range plugin.Names() {
		_, err := build(t, name, map[string]any{"alow": []any{"X"}})
		if err == nil || !strings.Contains(err.Error(), `unknown field "alow"`) || !strings.Contains(err.Error(), name) {
			t.Errorf("%s: misspelt key gave error %v, want one naming the check and the key", name, err)
		}
	}
	// Each check has flags; a value of the wrong type is rejected too.
	for _, a := range analyzers.Suite(analyzers.Config{}) {
		var bad string
		a.Flags.VisitAll(func(f *flag.Flag) {
			if bad == "" {
				bad = f.Name
			}
		})
		if bad == "" {
			continue
		}
		_, err := build(t, a.Name, map[string]any{bad: map[string]any{"x": 1}})
		if err == nil || !strings.Contains(err.Error(), a.Name) {
			t.Errorf("%s: %s of the wrong type gave error %v, want one naming the check", a.Name, bad, err)
		}
	}
}

// TestSettingsAreFlags checks the one vocabulary: the settings a check
// accepts under golangci-lint (the JSON names of its analyzers.Config field)
// are exactly its command-line flags.
func TestSettingsAreFlags(t *testing.T) {
	cfg := reflect.TypeFor[analyzers.Config]()
	for _, a := range analyzers.Suite(analyzers.Config{}) {
		var flags []string
		a.Flags.VisitAll(func(f *flag.Flag) { flags = append(flags, f.Name) })
		slices.Sort(flags)

		field, ok := fieldByJSON(cfg, a.Name)
		if !ok {
			if len(flags) > 0 {
				t.Errorf("%s has flags %q but analyzers.Config has no field tagged json:%q", a.Name, flags, a.Name)
			}
			continue
		}
		if field.Type.Kind() != reflect.Struct {
			t.Errorf("analyzers.Config.%s is a %s, want a struct of settings", field.Name, field.Type)
			continue
		}
		var keys []string
		for f := range field.Type.Fields() {
			if name := jsonName(f); name != "" && name != "-" && f.IsExported() {
				keys = append(keys, name)
			}
		}
		slices.Sort(keys)
		if !slices.Equal(keys, flags) {
			t.Errorf("%s: settings %q differ from flags %q", a.Name, keys, flags)
		}
	}
}

func fieldByJSON(t reflect.Type, name string) (reflect.StructField, bool) {
	for f := range t.Fields() {
		if jsonName(f) == name {
			return f, true
		}
	}
	return reflect.StructField{}, false
}

func jsonName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
	return name
}

// TestExampleConfig checks that .golangci.example.yml enables every check,
// configures each as a module plugin, and shows each check's every setting.
func TestExampleConfig(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", ".golangci.example.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var cfg struct {
		Version string
		Linters struct {
			Enable   []string
			Settings struct {
				Custom map[string]struct {
					Type     string
					Settings map[string]any
				}
			}
		}
	}
	if err := yaml.Unmarshal(data, &cfg); err != nil {
		t.Fatal(err)
	}
	if cfg.Version != "2" {
		t.Errorf(`version %q, want "2"`, cfg.Version)
	}
	for _, a := range analyzers.Suite(analyzers.Config{}) {
		if !slices.Contains(cfg.Linters.Enable, a.Name) {
			t.Errorf("%s is not in linters.enable", a.Name)
		}
		custom, ok := cfg.Linters.Settings.Custom[a.Name]
		if !ok || custom.Type != "module" {
			t.Errorf("%s has no linters.settings.custom entry of type module", a.Name)
			continue
		}
		var flags, keys []string
		a.Flags.VisitAll(func(f *flag.Flag) { flags = append(flags, f.Name) })
		for k := range custom.Settings {
			keys = append(keys, k)
		}
		slices.Sort(flags)
		slices.Sort(keys)
		if !slices.Equal(keys, flags) {
			t.Errorf("%s: example settings %q, want every flag %q", a.Name, keys, flags)
		}
		if _, err := build(t, a.Name, custom.Settings); err != nil {
			t.Errorf("%s: example settings rejected: %v", a.Name, err)
		}
	}
	for name := range cfg.Linters.Settings.Custom {
		if !slices.Contains(plugin.Names(), name) {
			t.Errorf("example configures %s, which is not an envvet check", name)
		}
	}
}
