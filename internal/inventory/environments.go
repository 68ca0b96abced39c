package inventory

import (
	"slices"
	"strings"

	"github.com/envvet/envvet/internal/manifest"
)

// An EnvValue is what one environment of envvet.yaml's environments:
// does with a key (Key.Env holds one per Inventory.Environments entry).
type EnvValue struct {
	Env string `json:"env"`
	Set bool   `json:"set"`
	// Value is the value the environment sets, when given literally;
	// null when unset, set from elsewhere (a Secret, the host) or secret.
	Value *string `json:"value"`
	// Decl is where the environment sets it.
	Decl *Decl `json:"decl,omitempty"`
	// Unknown is true when the environment does not set the key as far as
	// envvet can tell, but has declarations it cannot list (an envFrom of
	// a ConfigMap defined elsewhere) that may.
	Unknown bool `json:"unknown,omitempty"`
}

// environmentNames returns the names of the environments of ms, in order,
// each once.
func environmentNames(ms []*manifest.Manifest) []string {
	var names []string
	for _, m := range ms {
		for _, n := range m.EnvironmentNames() {
			if !slices.Contains(names, n) {
				names = append(names, n)
			}
		}
	}
	return names
}

// addEnvironments fills inv.Environments and each key's Env from the
// environments of ms; a key is secret when an environment sets it from a
// Secret. Secret values are never copied.
func addEnvironments(inv *Inventory, ms []*manifest.Manifest, dir string) {
	inv.Environments = environmentNames(ms)
	if len(inv.Environments) == 0 {
		return
	}
	for i := range inv.Keys {
		k := &inv.Keys[i]
		for _, name := range inv.Environments {
			v := envValue(ms, name, k.Key, dir)
			if v.Decl != nil {
				if d, _ := findEnv(ms, name).Lookup(k.Key); d.Secret {
					k.Secret = true
				}
			}
			k.Env = append(k.Env, v)
		}
		for j := range k.Env {
			if k.Secret {
				k.Env[j].Value = nil
			}
		}
	}
}

// envValue returns what environment name of ms does with key.
func envValue(ms []*manifest.Manifest, name, key, dir string) EnvValue {
	v := EnvValue{Env: name}
	e := findEnv(ms, name)
	if e == nil {
		return v
	}
	d, ok := e.Lookup(key)
	if !ok {
		v.Unknown = len(e.Unresolved) > 0
		return v
	}
	v.Set = true
	v.Decl = &Decl{File: rel(d.File, dir), Line: d.Line}
	if d.HasDefault && !d.Secret {
		value := d.Default
		v.Value = &value
	}
	return v
}

// findEnv returns the first environment named name among ms.
func findEnv(ms []*manifest.Manifest, name string) *manifest.Environment {
	for _, m := range ms {
		if e := m.Environment(name); e != nil {
			return e
		}
	}
	return nil
}

// envCell is a key's cell in an environment's column of the text and
// Markdown tables: the value, "(secret)", "(set)" when set with no
// literal value, "-" when unset, and "?" when unknown.
func envCell(k Key, v EnvValue) string {
	switch {
	case v.Set && k.Secret:
		return "(secret)"
	case v.Set && v.Value != nil && *v.Value == "":
		return `""`
	case v.Set && v.Value != nil:
		return *v.Value
	case v.Set:
		return "(set)"
	case v.Unknown:
		return "?"
	}
	return "-"
}

// envHeader returns the environments' column headers, each followed by
// sep: upper case in text, as they are in Markdown.
func envHeader(inv *Inventory, sep string) string {
	var b strings.Builder
	for _, n := range inv.Environments {
		if sep == "\t" {
			n = strings.ToUpper(n)
		}
		b.WriteString(n + sep)
	}
	return b.String()
}

// envCells returns k's cells in the environments' columns, each followed
// by sep; in Markdown, values are code and escaped.
func envCells(k Key, sep string, md bool) string {
	var b strings.Builder
	for _, v := range k.Env {
		c := envCell(k, v)
		if md && v.Value != nil && !k.Secret {
			c = "`" + mdEscape(c) + "`"
		}
		b.WriteString(c + sep)
	}
	return b.String()
}
