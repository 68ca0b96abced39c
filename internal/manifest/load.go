package manifest

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"go.yaml.in/yaml/v3"
)

// A loader reads manifest files and the deployment files they name, and
// merges their declarations in order.
type loader struct {
	read    bool    // follow sources and env_file entries (Load); Parse reads nothing
	overlay Overlay // unsaved contents to read instead of the disk's

	files  []string        // Manifest.Files
	inFile map[string]bool // files in files
	units  map[string]bool // files (with a kind and a selection) already parsed
	deps   []string        // every file read or looked for, once each
	stamps []stamp         // of deps, taken before reading
	inDeps map[string]bool

	decls   []decl       // in declaration order
	objects []kubeObject // ConfigMaps and Secrets of every Kubernetes file
	isolate []string     // Manifest.Isolate
	envs    []Environment
}

// A decl is one entry of the merged declaration sequence: a key, an
// envFrom reference to expand once every file is read, or an unresolved
// declaration.
type decl struct {
	key   Key
	build bool
	ref   *envFromRef
	unres *Unresolved
}

func newLoader(read bool) *loader {
	return &loader{
		read:   read,
		inFile: make(map[string]bool),
		units:  make(map[string]bool),
		inDeps: make(map[string]bool),
	}
}

// dependencies returns the files that Load(paths...) reads or looks for,
// even when it fails, with each file's stamp taken before it was read.
func dependencies(paths ...string) ([]string, []stamp) {
	l := newLoader(true)
	for _, path := range paths {
		if l.load(path) != nil {
			break
		}
	}
	return l.deps, l.stamps
}

func (l *loader) addFile(path string) {
	if !l.inFile[path] {
		l.inFile[path] = true
		l.files = append(l.files, path)
	}
}

// readFile reads path, recording it as a dependency.
func (l *loader) readFile(path string) ([]byte, error) {
	if !l.inDeps[path] {
		l.inDeps[path] = true
		l.deps = append(l.deps, path)
		l.stamps = append(l.stamps, statVia(l.overlay, path))
	}
	return readVia(l.overlay, path)
}

func (l *loader) addKeys(keys, build []Key) {
	for _, k := range keys {
		l.decls = append(l.decls, decl{key: k})
	}
	for _, k := range build {
		l.decls = append(l.decls, decl{key: k, build: true})
	}
}

func (l *loader) unresolved(file string, line, col int, format string, args ...any) {
	l.decls = append(l.decls, decl{unres: &Unresolved{File: file, Line: line, Col: col, What: fmt.Sprintf(format, args...)}})
}

// load reads one file named to Load.
func (l *loader) load(path string) error {
	if l.units[path] {
		return nil
	}
	l.units[path] = true
	data, err := l.readFile(path)
	if err != nil {
		return err
	}
	l.addFile(path)
	return l.parse(path, data)
}

// parse parses one file named to Load or Parse, of the kind its name and
// content say.
func (l *loader) parse(path string, data []byte) error {
	data, err := checkEncoding(path, data)
	if err != nil {
		return err
	}
	if err := checkDirectives(path, data); err != nil {
		return err
	}
	if kind := releaseKind(path); kind != "" {
		keys, build, err := parseRelease(kind, path, data)
		if err != nil {
			return err
		}
		l.addKeys(keys, build)
		return nil
	}
	if !isYAML(path) {
		keys, build, err := parseDotenv(path, data, false)
		if err != nil {
			return err
		}
		l.addKeys(keys, build)
		return nil
	}
	docs, err := decodeStream(path, data)
	if err != nil {
		return err
	}
	switch classify(docs) {
	case "kubernetes":
		_, err := l.kubernetes(path, docs, nil)
		return err
	case "compose":
		_, err := l.compose(path, docs, nil)
		return err
	}
	y, err := parseYAML(path, data)
	if err != nil {
		return err
	}
	l.addKeys(y.keys, y.build)
	if l.isolate == nil && len(y.isolate) > 0 {
		l.isolate = y.isolate // the first envvet.yaml that sets it counts
	}
	for _, s := range y.sources {
		if err := l.source(path, s); err != nil {
			return err
		}
	}
	for _, e := range y.envs {
		if err := l.environment(path, e); err != nil {
			return err
		}
	}
	return nil
}

// source reads one entry of the sources: of the envvet.yaml manifest.
func (l *loader) source(manifest string, s sourceSpec) error {
	path := relativeTo(manifest, s.path)
	unit := path + "\x00" + s.kind + "\x00" + strings.Join(s.sel, "\x00")
	if l.units[unit] {
		return nil
	}
	l.units[unit] = true
	if !l.read {
		l.unresolved(manifest, s.line, s.col, "source %s is not read by Parse", s.path)
		return nil
	}
	if s.kind == "kustomize" {
		return l.kustomize(manifest, s, path)
	}
	data, err := l.readFile(path)
	if err != nil {
		e := &Error{File: manifest, Line: s.line, Col: s.col, Msg: "cannot read source " + s.path, Err: err}
		var me *Error
		if errors.As(err, &me) {
			e.Msg += ": " + strings.TrimPrefix(me.Msg, "cannot read manifest: ")
			e.Err = me.Err
		}
		return e
	}
	l.addFile(path)
	if data, err = checkEncoding(path, data); err != nil {
		return err
	}
	kind := s.kind
	if kind == "" {
		kind = releaseKind(path)
	}
	var keys, build []Key
	switch {
	case kind == "dockerfile" || kind == "goreleaser" || kind == "makefile":
		keys, build, err = parseRelease(kind, path, data)
	case kind == "dotenv" || kind == "" && !isYAML(path):
		keys, build, err = parseDotenv(path, data, false)
	default:
		return l.yamlSource(manifest, s, path, kind, data)
	}
	if err != nil {
		return err
	}
	l.addKeys(keys, build)
	return nil
}

// yamlSource reads a Compose file or Kubernetes YAML, of the kind given or
// found from its documents, and checks that every service or container
// the source selects is there.
func (l *loader) yamlSource(manifest string, s sourceSpec, path, kind string, data []byte) error {
	docs, err := decodeStream(path, data)
	if err != nil {
		return err
	}
	if kind == "" {
		if kind = classify(docs); kind == "" {
			return errorf(manifest, s.line, s.col, "source %s is neither a Compose file (with services:) nor Kubernetes YAML (with apiVersion and kind)", s.path)
		}
	}
	var found map[string]bool
	switch kind {
	case "compose":
		found, err = l.compose(path, docs, s.sel)
	case "kubernetes":
		found, err = l.kubernetes(path, docs, s.sel)
	}
	if err != nil {
		return err
	}
	for _, name := range s.sel {
		if !found[name] {
			what := "service"
			if kind == "kubernetes" {
				what = "container"
			}
			return errorf(manifest, s.selLine, s.selCol, "%s %q is not in %s", what, name, s.path)
		}
	}
	return nil
}

// finish expands envFrom references and merges the declarations.
func (l *loader) finish() *Manifest {
	m := &Manifest{Files: l.files, Isolate: l.isolate, Environments: l.envs}
	type place struct {
		name, file string
		line, col  int
	}
	seenKey := make(map[string]bool)
	seenBuild := make(map[string]bool)
	seenPlace := make(map[place]bool) // the same declaration reached twice counts once
	add := func(k Key, build bool) {
		p := place{k.Name, k.File, k.Line, k.Col}
		if seenPlace[p] {
			return
		}
		seenPlace[p] = true
		seen := seenKey
		list := &m.Keys
		if build {
			seen, list = seenBuild, &m.Build
		}
		if seen[k.Name] {
			m.Shadowed = append(m.Shadowed, k)
			return
		}
		seen[k.Name] = true
		*list = append(*list, k)
	}
	for _, d := range l.decls {
		switch {
		case d.unres != nil:
			m.Unresolved = append(m.Unresolved, *d.unres)
		case d.ref != nil:
			keys, ok := l.expand(d.ref)
			if !ok {
				m.Unresolved = append(m.Unresolved, Unresolved{
					File: d.ref.file, Line: d.ref.line, Col: d.ref.col,
					What: fmt.Sprintf("envFrom %s %q is not defined in the sources", d.ref.field, d.ref.name),
				})
			}
			for _, k := range keys {
				add(k, false)
			}
		default:
			add(d.key, d.build)
		}
	}
	return m
}

// decodeStream returns the top nodes of the YAML documents in data,
// skipping empty ones.
func decodeStream(file string, data []byte) (docs []*yaml.Node, err error) {
	defer func() {
		// yaml.v3 has panicked on malformed input before.
		if r := recover(); r != nil {
			docs, err = nil, errorf(file, 0, 0, "invalid YAML: %v", r)
		}
	}()
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	for {
		var doc yaml.Node
		if err := dec.Decode(&doc); err != nil {
			if errors.Is(err, io.EOF) {
				return docs, nil
			}
			return nil, yamlError(file, data, err)
		}
		if doc.Kind == yaml.DocumentNode && len(doc.Content) > 0 {
			if top := resolve(doc.Content[0]); top != nil && !isNull(top) {
				docs = append(docs, top)
			}
		}
	}
}

// classify returns "kubernetes" when a document is a mapping with
// apiVersion and kind, "compose" when the only document is a mapping
// whose services is a mapping (or empty), and "" otherwise.
func classify(docs []*yaml.Node) string {
	for _, d := range docs {
		if d.Kind == yaml.MappingNode && lookup(d, "apiVersion") != nil && lookup(d, "kind") != nil {
			return "kubernetes"
		}
	}
	if len(docs) == 1 && docs[0].Kind == yaml.MappingNode {
		// services: is a mapping in Compose (a list in .travis.yml).
		if s := lookup(docs[0], "services"); s != nil && (s.Kind == yaml.MappingNode || isNull(s)) {
			return "compose"
		}
	}
	return ""
}

// lookup returns the value of the key name in the mapping n (not
// following merge keys), or nil.
func lookup(n *yaml.Node, name string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k := n.Content[i]; k.Kind == yaml.ScalarNode && k.Value == name && k.ShortTag() != "!!merge" {
			return resolve(n.Content[i+1])
		}
	}
	return nil
}
