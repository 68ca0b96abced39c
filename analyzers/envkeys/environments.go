package envkeys

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/envvet/envvet/analyzers/envgraph"
	"github.com/envvet/envvet/internal/manifest"
	"github.com/envvet/envvet/internal/relpos"
	"github.com/envvet/envvet/internal/report"
	"github.com/envvet/envvet/internal/wellknown"
)

// CategoryUnset is the category of a key that an environment of
// envvet.yaml's environments: does not set although the code needs it.
const CategoryUnset = "unset"

// A need is a key the package needs set: the first reference to it that
// requires it, or else the first that reads it without a default.
type need struct {
	ref      envgraph.Ref
	keys     []string // setting any of them will do (Group, Alt)
	by       string   // what needs it: config.DB.Name, main.run
	required bool     // the loader, or envvet.yaml's required:, says it must be set
	declared bool     // required by envvet.yaml's required: true, not by the code
}

// checkEnvironments reports, once per environment of m, each key that the
// package needs and the environment does not set, at the environment's
// position (Environment.At). A key is needed when a loader requires it,
// or envvet.yaml declares it required: true. A key read without a default
// (in code or in the manifest) is reported only for an environment that
// leaves it unset while every other environment, and at least two, set
// it: a key some environments leave unset is optional by the team's own
// account (DEBUG set in dev only), but one that dev and staging set and
// prod does not was forgotten. An environment with unresolved
// declarations (an envFrom of a ConfigMap that the sources do not
// define) may set any key, and is not checked.
func (c *checker) checkEnvironments(pass *analysis.Pass, graph *envgraph.Graph, m *manifest.Manifest) {
	if len(m.Environments) == 0 {
		return
	}
	needs := c.needs(pass, graph, m)
	files := relpos.New(pass)
	for i := range m.Environments {
		e := &m.Environments[i]
		if len(e.Unresolved) > 0 {
			continue
		}
		for _, n := range needs {
			if setsAny(e, n.keys) {
				continue
			}
			others, all := setBy(m, e, n.keys)
			if !n.required && (len(others) < 2 || !all) {
				continue
			}
			pos, ok := files.Decl(e.At.File, e.At.Line, e.At.Col)
			if !ok {
				continue
			}
			d := analysis.Diagnostic{
				Pos: pos, Category: CategoryUnset,
				Message: unsetMessage(n, e.Name, others),
				Related: []analysis.RelatedInformation{{Pos: n.ref.Pos, End: n.ref.End, Message: "read here"}},
			}
			if reason, ok := keyIgnored(m, n.keys); ok {
				// envvet.yaml's ignore: field on the key.
				if !c.cfg.Report.KeepSuppressed {
					continue
				}
				d.Category = report.SuppressedPrefix + d.Category
				d.Related = append(d.Related, analysis.RelatedInformation{Pos: pos, Message: reason})
			}
			pass.Report(d)
		}
	}
}

// unsetMessage is the message about need n that environment env does not
// set; others are the environments that set it.
func unsetMessage(n need, env string, others []string) string {
	switch {
	case n.declared:
		return fmt.Sprintf("env key %q is declared required in envvet.yaml and read by %s, but environment %s does not set it", n.ref.Key, n.by, env)
	case n.required:
		return fmt.Sprintf("env key %q is required by %s but environment %s does not set it", n.ref.Key, n.by, env)
	}
	return fmt.Sprintf("env key %q is read without a default by %s but environment %s does not set it (%s %s)",
		n.ref.Key, n.by, env, strings.Join(others, ", "), pluralDo(len(others)))
}

func pluralDo(n int) string {
	if n == 1 {
		return "does"
	}
	return "do"
}

// needs returns the keys the package needs set, one entry per key, in
// source order of their first reference; test files do not count.
func (c *checker) needs(pass *analysis.Pass, graph *envgraph.Graph, m *manifest.Manifest) []need {
	var out []need
	index := make(map[string]int)
	for _, ref := range graph.Refs() {
		if !ref.Kind.IsRead() || ref.Dynamic || ref.Key == "" || !ref.Pos.IsValid() || ref.HasDefault || isTestFile(pass, ref.Pos) {
			continue
		}
		keys := refKeys(ref)
		if c.anyAllowed(keys) {
			continue
		}
		declared, hasDefault := baseDecl(m, keys)
		required := declared || ref.Required
		if hasDefault && !ref.Required || ref.Kind == envgraph.Lookup && !required {
			continue // a default in the manifest; a lookup that handles the unset case
		}
		n := need{ref: ref, keys: keys, by: requirer(pass, ref), required: required, declared: declared && !ref.Required}
		if i, ok := index[ref.Key]; ok {
			if required && !out[i].required {
				out[i] = n
			}
			continue
		}
		index[ref.Key] = len(out)
		out = append(out, n)
	}
	return out
}

// refKeys returns the keys any of which satisfies ref.
func refKeys(ref envgraph.Ref) []string {
	keys := []string{ref.Key}
	if len(ref.Group) > 1 {
		keys = ref.Group
	}
	if ref.Alt != "" {
		keys = append(keys[:len(keys):len(keys)], ref.Alt)
	}
	return keys
}

func (c *checker) anyAllowed(keys []string) bool {
	for _, k := range keys {
		if wellknown.Allowed(k, c.cfg.Allow) {
			return true
		}
	}
	return false
}

// baseDecl reports whether the declarations of keys outside the
// environments (envvet.yaml's keys:, its sources:) make one required, or
// give one a default value, which every environment then has.
func baseDecl(m *manifest.Manifest, keys []string) (required, hasDefault bool) {
	for _, name := range keys {
		for _, k := range m.Declarations(name) {
			if inEnvironment(m, k) {
				continue
			}
			required = required || k.Required
			hasDefault = hasDefault || k.HasDefault
		}
	}
	return required, hasDefault
}

// inEnvironment reports whether the declaration k comes from an
// environment's sources.
func inEnvironment(m *manifest.Manifest, k manifest.Key) bool {
	for _, e := range m.Environments {
		if d, ok := e.Lookup(k.Name); ok && d.File == k.File && d.Line == k.Line && d.Col == k.Col {
			return true
		}
	}
	return false
}

func setsAny(e *manifest.Environment, keys []string) bool {
	for _, k := range keys {
		if e.Sets(k) {
			return true
		}
	}
	return false
}

// setBy returns the names of the environments of m other than e that
// set one of keys, and whether every other one does, or may (it has
// unresolved declarations).
func setBy(m *manifest.Manifest, e *manifest.Environment, keys []string) (names []string, all bool) {
	all = true
	for i := range m.Environments {
		o := &m.Environments[i]
		switch {
		case o == e:
		case setsAny(o, keys):
			names = append(names, o.Name)
		case len(o.Unresolved) == 0:
			all = false
		}
	}
	return names, all
}

// requirer names what reads ref's key: the struct field (config.DB.Name)
// of a struct tag, else the function holding the reference (main.run).
func requirer(pass *analysis.Pass, ref envgraph.Ref) string {
	if ref.Kind == envgraph.Tag && ref.Field != "" {
		return pass.Pkg.Name() + "." + ref.Field
	}
	for _, f := range pass.Files {
		if f.Pos() > ref.Pos || ref.Pos >= f.End() {
			continue
		}
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Pos() <= ref.Pos && ref.Pos < fd.End() {
				if fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
					return envgraph.FuncName(fn)
				}
				return pass.Pkg.Name() + "." + fd.Name.Name
			}
		}
	}
	return "package " + pass.Pkg.Name()
}

func isTestFile(pass *analysis.Pass, pos token.Pos) bool {
	return strings.HasSuffix(pass.Fset.Position(pos).Filename, "_test.go")
}

// keyIgnored returns the reason of envvet.yaml's ignore: {envkeys: ...}
// on a declaration of one of keys outside the environments.
func keyIgnored(m *manifest.Manifest, keys []string) (string, bool) {
	for _, name := range keys {
		for _, k := range m.Declarations(name) {
			if reason, ok := k.Ignored("envkeys"); ok && !inEnvironment(m, k) {
				return reason, true
			}
		}
	}
	return "", false
}
