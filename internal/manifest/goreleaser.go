package manifest

import (
	"path/filepath"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// parseGoreleaser parses a .goreleaser.yaml. Its only declaration is the
// build variable CGO_ENABLED, when every build sets it to the same value:
// a build's env: entry overrides the top-level env: (both lists of
// KEY=value). Builds with skip: true do not count. Values with templates
// ({{ .Env.X }}) are not known statically; builds that disagree, or one
// that leaves CGO_ENABLED to the default, set no policy.
func parseGoreleaser(file string, data []byte) (build []Key, err error) {
	docs, err := decodeStream(file, data)
	if err != nil || len(docs) == 0 {
		return nil, err
	}
	top := docs[0]
	if top.Kind != yaml.MappingNode {
		return nil, errorf(file, top.Line, top.Column, "a .goreleaser.yaml is a mapping, not %s", describe(top))
	}
	global, err := goreleaserEnv(file, lookup(top, "env"))
	if err != nil {
		return nil, err
	}
	var runs []buildRun
	root, err := filepath.Abs(filepath.Dir(file))
	if err != nil {
		root = filepath.Dir(file)
	}
	mains := &goreleaserMains{root: root}
	builds := lookup(top, "builds")
	if builds == nil || isNull(builds) {
		s, ok := global["CGO_ENABLED"]
		at := setting{file: file, line: top.Line, col: top.Column}
		runs = append(runs, buildRun{cgo: s, set: ok, at: at}) // the default build
		mains.add(nil)
	} else if builds.Kind != yaml.SequenceNode {
		return nil, errorf(file, builds.Line, builds.Column, "builds must be a list, not %s", describe(builds))
	}
	for _, b := range seqItems(builds) {
		if b.Kind != yaml.MappingNode {
			return nil, errorf(file, b.Line, b.Column, "a build must be a mapping, not %s", describe(b))
		}
		if skip := lookup(b, "skip"); skip != nil && skip.Value == "true" {
			continue
		}
		env, err := goreleaserEnv(file, lookup(b, "env"))
		if err != nil {
			return nil, err
		}
		s, ok := env["CGO_ENABLED"]
		if !ok {
			s, ok = global["CGO_ENABLED"]
		}
		runs = append(runs, buildRun{cgo: s, set: ok, at: setting{file: file, line: b.Line, col: b.Column}})
		mains.add(b)
	}
	if k, ok := agreedCGO(runs); ok {
		k.Mains = mains.list()
		return []Key{k}, nil
	}
	return nil, nil
}

// goreleaserMains collects the directories of the main packages that a
// .goreleaser.yaml's builds compile: a build's dir: (default the file's
// directory) joined with its main: (default ".", a package directory or
// one of its .go files).
type goreleaserMains struct {
	root    string
	dirs    []string
	unknown bool // a template or a non-scalar: any main may be built
}

func (g *goreleaserMains) add(build *yaml.Node) {
	dir, okDir := buildPath(build, "dir")
	main, okMain := buildPath(build, "main")
	if !okDir || !okMain {
		g.unknown = true
		return
	}
	p := filepath.Join(g.root, dir, main)
	if strings.HasSuffix(p, ".go") {
		p = filepath.Dir(p)
	}
	g.dirs = append(g.dirs, p)
}

// buildPath returns the path a build's field name gives, "." when it has
// none, and false when it is not a plain string (a template).
func buildPath(build *yaml.Node, name string) (string, bool) {
	n := lookup(build, name)
	switch {
	case n == nil || isNull(n):
		return ".", true
	case n.Kind != yaml.ScalarNode || strings.Contains(n.Value, "{{"):
		return "", false
	}
	return filepath.FromSlash(n.Value), true
}

// list returns the directories, sorted, or nil when they are not known.
func (g *goreleaserMains) list() []string {
	if g.unknown || len(g.dirs) == 0 {
		return nil
	}
	slices.Sort(g.dirs)
	return slices.Compact(g.dirs)
}

func seqItems(n *yaml.Node) []*yaml.Node {
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil
	}
	var out []*yaml.Node
	for _, item := range n.Content {
		if item = resolve(item); item != nil {
			out = append(out, item)
		}
	}
	return out
}

// goreleaserEnv reads an env: list of KEY=value strings.
func goreleaserEnv(file string, n *yaml.Node) (map[string]setting, error) {
	env := make(map[string]setting)
	if n == nil || isNull(n) {
		return env, nil
	}
	if n.Kind != yaml.SequenceNode {
		return nil, errorf(file, n.Line, n.Column, "env must be a list of KEY=value, not %s", describe(n))
	}
	for _, e := range seqItems(n) {
		if e.Kind != yaml.ScalarNode {
			return nil, errorf(file, e.Line, e.Column, "env must be a list of KEY=value, not of %s", describe(e))
		}
		name, val, ok := strings.Cut(e.Value, "=")
		if !ok || !validName(name) {
			return nil, errorf(file, e.Line, e.Column, "env entry %q is not KEY=value", clip(e.Value))
		}
		if strings.Contains(val, "{{") {
			val = "$?" // a template: not known statically
		}
		env[name] = setting{val: val, file: file, line: e.Line, col: e.Column}
	}
	return env, nil
}
