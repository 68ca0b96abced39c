package manifest

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"
)

// kustomize reads a kustomize source: the kustomization in dir, rendered
// with the kustomize library as kustomize build would, read as Kubernetes
// YAML. Each key is then positioned where the kustomization tree
// declares it (see kustTree.origin); a render error is an error at the
// source's entry in the envvet.yaml.
func (l *loader) kustomize(manifest string, s sourceSpec, dir string) error {
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		l.readFile(filepath.Join(dir, kustFileNames[0])) // a dependency: creating it fixes the manifest
		return errorf(manifest, s.line, s.col, "cannot read source %s: no such directory", s.path)
	}
	tree := &kustTree{literals: map[string]Key{}, seen: map[string]bool{}}
	tree.walk(dir, 0)
	for _, f := range tree.files {
		l.readFile(f) // recorded as dependencies, so that an edit is seen
	}
	for _, f := range tree.envFiles {
		l.readFile(f) // generator env files declare keys too
	}
	out, err := renderKustomize(dir)
	if err != nil {
		return errorf(manifest, s.line, s.col, "cannot render kustomize %s: %s", s.path, strings.TrimSpace(err.Error()))
	}
	rendered := filepath.Join(dir, "kustomization.yaml")
	if tree.root != "" {
		rendered = tree.root
	}
	l.addFile(rendered)
	for _, f := range tree.files {
		l.addFile(f)
	}
	docs, err := decodeStream(rendered, out)
	if err != nil {
		return errorf(manifest, s.line, s.col, "kustomize %s renders invalid YAML: %v", s.path, err)
	}
	nd, no := len(l.decls), len(l.objects)
	found, err := l.kubernetes(rendered, docs, s.sel)
	if err != nil {
		return errorf(manifest, s.line, s.col, "kustomize %s: %v", s.path, err)
	}
	for i := nd; i < len(l.decls); i++ {
		d := &l.decls[i]
		switch {
		case d.ref != nil:
			d.ref.file, d.ref.line, d.ref.col = rendered, 1, 1
		case d.unres != nil:
			d.unres.File, d.unres.Line, d.unres.Col = rendered, 1, 1
		default:
			d.key = tree.origin(d.key, false, rendered)
		}
	}
	for i := no; i < len(l.objects); i++ {
		for j, k := range l.objects[i].keys {
			l.objects[i].keys[j] = tree.origin(k, true, rendered)
		}
	}
	for _, name := range s.sel {
		if !found[name] {
			return errorf(manifest, s.selLine, s.selCol, "container %q is not in kustomize %s", name, s.path)
		}
	}
	return nil
}

// A kustTree is the files of a kustomization and of the bases,
// components and patches it names, overlay first.
type kustTree struct {
	root     string         // the top kustomization file
	files    []string       // resources and patches, overlay first
	envFiles []string       // generator env files, overlay first
	literals map[string]Key // generator literals by name, the overlay's first
	seen     map[string]bool
}

// kustFileNames are the names kustomize accepts for a kustomization.
var kustFileNames = []string{"kustomization.yaml", "kustomization.yml", "Kustomization"}

// walk reads the kustomization in dir and, depth first, what it names.
// Unreadable or malformed parts are skipped: the render reports them.
func (t *kustTree) walk(dir string, depth int) {
	if depth > 20 || t.seen[dir] {
		return
	}
	t.seen[dir] = true
	var file string
	var data []byte
	for _, name := range kustFileNames {
		if b, err := readFile(filepath.Join(dir, name)); err == nil {
			file, data = filepath.Join(dir, name), b
			break
		}
	}
	if file == "" {
		return
	}
	if t.root == "" {
		t.root = file
	}
	t.files = append(t.files, file)
	docs, err := decodeStream(file, data)
	if err != nil || len(docs) == 0 {
		return
	}
	top := docs[0]
	for _, field := range []string{"patchesStrategicMerge"} {
		for _, n := range seqItems(lookup(top, field)) {
			t.addFile(filepath.Join(dir, n.Value))
		}
	}
	for _, field := range []string{"patches", "patchesJson6902"} {
		for _, n := range seqItems(lookup(top, field)) {
			if p := lookup(n, "path"); p != nil {
				t.addFile(filepath.Join(dir, p.Value))
			}
		}
	}
	for _, field := range []string{"configMapGenerator", "secretGenerator"} {
		for _, g := range seqItems(lookup(top, field)) {
			t.generator(file, dir, g)
		}
	}
	for _, field := range []string{"resources", "bases", "components"} {
		for _, n := range seqItems(lookup(top, field)) {
			p := filepath.Join(dir, n.Value)
			if fi, err := os.Stat(p); err == nil && fi.IsDir() {
				t.walk(p, depth+1)
			} else if err == nil {
				t.addFile(p)
			}
		}
	}
}

func (t *kustTree) addFile(p string) {
	if !t.seen[p] {
		t.seen[p] = true
		t.files = append(t.files, p)
	}
}

// generator records a configMapGenerator or secretGenerator entry's
// literals (positioned in the kustomization) and env files.
func (t *kustTree) generator(file, dir string, g *yaml.Node) {
	for _, lit := range seqItems(lookup(g, "literals")) {
		name, _, ok := strings.Cut(lit.Value, "=")
		if name = strings.TrimSpace(name); ok && validName(name) {
			if _, dup := t.literals[name]; !dup {
				t.literals[name] = Key{Name: name, File: file, Line: lit.Line, Col: lit.Column}
			}
		}
	}
	envs := seqItems(lookup(g, "envs"))
	if e := lookup(g, "env"); e != nil && e.Kind == yaml.ScalarNode {
		envs = append(envs, e)
	}
	for _, e := range envs {
		t.envFiles = append(t.envFiles, filepath.Join(dir, e.Value))
		t.seen[filepath.Join(dir, e.Value)] = true
	}
}

// origin returns k positioned where the tree declares it: for a
// ConfigMap or Secret key (data), a generator literal, a line of a
// generator env file, or a key of a resource or patch; for a container's
// env entry, its "name: K" line in a patch or resource, overlay first.
// A key found nowhere is positioned at the top kustomization.
func (t *kustTree) origin(k Key, data bool, rendered string) Key {
	at := func(file string, line, col int) Key {
		k.File, k.Line, k.Col = file, line, col
		return k
	}
	if data {
		if lit, ok := t.literals[k.Name]; ok {
			return at(lit.File, lit.Line, lit.Col)
		}
		for _, f := range t.envFiles {
			if b, err := readFile(f); err == nil {
				if keys, _, err := parseDotenv(f, b, true); err == nil {
					for _, e := range keys {
						if e.Name == k.Name {
							return at(f, e.Line, e.Col)
						}
					}
				}
			}
		}
	}
	re := regexp.MustCompile(`^(\s*-?\s*name:\s*["']?)` + regexp.QuoteMeta(k.Name) + `["']?\s*(#.*)?$`)
	if data {
		re = regexp.MustCompile(`^(\s*["']?)` + regexp.QuoteMeta(k.Name) + `["']?\s*:`)
	}
	for _, f := range t.files {
		b, err := readFile(f)
		if err != nil {
			continue
		}
		for i, line := range strings.Split(string(b), "\n") {
			if m := re.FindStringSubmatch(line); m != nil {
				return at(f, i+1, len(m[1])+1)
			}
		}
	}
	return at(rendered, 1, 1)
}
