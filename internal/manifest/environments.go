package manifest

import (
	"path/filepath"
	"slices"
)

// An Environment is one entry of envvet.yaml's environments: section: a
// named deployment of the program (dev, staging, prod) and the keys that
// its sources set. Each environment is read on its own, as a manifest of
// its sources alone: an envFrom resolves against its own ConfigMaps and
// Secrets, and Keys holds what that deployment sets, so that a check can
// ask whether it sets a key and, with Key.Default, to what value.
//
// The keys of every environment are declarations of the whole manifest
// too (they are merged into Manifest.Keys after the envvet.yaml's keys and
// sources, and their Unresolved into Manifest.Unresolved).
type Environment struct {
	Name string
	// File, Line and Col locate the environment's name in the envvet.yaml.
	File      string
	Line, Col int
	// At is where a finding about the environment as a whole (such as a
	// key it does not set) belongs: the top kustomization file of its
	// first source when that is a kustomize overlay (line 1), else the
	// first source's entry in the envvet.yaml.
	At Position
	// Keys are the runtime variables the environment's sources set, in
	// source order, each name once (the first declaration wins); a Key's
	// Default is the value set, when one is given literally.
	Keys []Key
	// Build are the build variables its sources set (a Dockerfile's
	// CGO_ENABLED), as Manifest.Build.
	Build []Key
	// Unresolved are its declarations of unknown keys (an envFrom of a
	// ConfigMap no source defines); when not empty, Keys may lack keys
	// the environment does set, so "does not set" is not certain.
	Unresolved []Unresolved
}

// A Position is a place in a file; Line and Col are 1-based.
type Position struct {
	File      string
	Line, Col int
}

func (p Position) String() string { return position(p.File, p.Line, p.Col) }

// Lookup returns the declaration of the runtime variable name in the
// environment.
func (e *Environment) Lookup(name string) (Key, bool) {
	return find(e.Keys, name)
}

// Sets reports whether the environment sets the runtime variable name.
func (e *Environment) Sets(name string) bool {
	_, ok := e.Lookup(name)
	return ok
}

// Environment returns the environment named name, or nil.
func (m *Manifest) Environment(name string) *Environment {
	if m == nil {
		return nil
	}
	for i := range m.Environments {
		if m.Environments[i].Name == name {
			return &m.Environments[i]
		}
	}
	return nil
}

// An envSpec is one entry of envvet.yaml's environments: section.
type envSpec struct {
	name      string
	line, col int
	sources   []sourceSpec
}

// environment reads the sources of one environment with a loader of its
// own, records the Environment, and adds its declarations to l's.
func (l *loader) environment(manifest string, e envSpec) error {
	sub := newLoader(l.read)
	sub.overlay = l.overlay
	err := l.readEnvironment(sub, manifest, e)
	// Every file read or looked for counts, even on failure, so that
	// fixing it is seen (Cache, Fingerprint).
	for i, f := range sub.deps {
		if !l.inDeps[f] {
			l.inDeps[f] = true
			l.deps = append(l.deps, f)
			l.stamps = append(l.stamps, sub.stamps[i])
		}
	}
	if err != nil {
		return err
	}
	for _, f := range sub.files {
		l.addFile(f)
	}
	m := sub.finish()
	env := Environment{
		Name: e.name, File: manifest, Line: e.line, Col: e.col,
		At:   envPosition(manifest, e, l.read),
		Keys: m.Keys, Build: m.Build, Unresolved: m.Unresolved,
	}
	l.envs = append(l.envs, env)
	l.addKeys(m.Keys, m.Build)
	for i := range m.Unresolved {
		l.decls = append(l.decls, decl{unres: &m.Unresolved[i]})
	}
	return nil
}

func (l *loader) readEnvironment(sub *loader, manifest string, e envSpec) error {
	for _, s := range e.sources {
		if err := sub.source(manifest, s); err != nil {
			return err
		}
	}
	return nil
}

// envPosition returns Environment.At for e; it looks for the
// kustomization file only when read is set (Load, not Parse).
func envPosition(manifest string, e envSpec, read bool) Position {
	if len(e.sources) == 0 {
		return Position{manifest, e.line, e.col}
	}
	s := e.sources[0]
	if s.kind == "kustomize" && read {
		dir := relativeTo(manifest, s.path)
		for _, name := range kustFileNames {
			if ok, _ := isFile(filepath.Join(dir, name)); ok {
				return Position{filepath.Join(dir, name), 1, 1}
			}
		}
	}
	return Position{manifest, s.line, s.col}
}

// EnvironmentNames returns the names of m's environments, in envvet.yaml
// order.
func (m *Manifest) EnvironmentNames() []string {
	if m == nil {
		return nil
	}
	names := make([]string, 0, len(m.Environments))
	for _, e := range m.Environments {
		if !slices.Contains(names, e.Name) {
			names = append(names, e.Name)
		}
	}
	return names
}
