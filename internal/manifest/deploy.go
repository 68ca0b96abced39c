package manifest

import (
	"errors"
	"io/fs"
	"path/filepath"
	"slices"

	"go.yaml.in/yaml/v3"
)

// walkBudget bounds the mapping entries and list items one deployment
// file may yield: aliases and merge keys can make a small file a huge tree.
const walkBudget = 1 << 20

// maxMergeDepth bounds the nesting of merge keys.
const maxMergeDepth = 10

// A walker reads the YAML tree of one deployment file. Its methods follow
// aliases and expand merge keys (<<), which Compose files use to share
// environments between services.
type walker struct {
	file   string
	budget int
}

func newWalker(file string) *walker { return &walker{file: file, budget: walkBudget} }

func (w *walker) errorf(n *yaml.Node, format string, args ...any) *Error {
	return errorf(w.file, n.Line, n.Column, format, args...)
}

func (w *walker) spend(n int) error {
	w.budget -= n
	if w.budget < 0 {
		return errorf(w.file, 0, 0, "YAML aliases expand to more than %d entries", walkBudget)
	}
	return nil
}

// entries returns the key/value pairs of the mapping n, values resolved,
// with the pairs of merged mappings (<<: *anchor, or a list of them) in
// front unless n itself, or an earlier merged mapping, sets their key.
// Pairs whose key is not a scalar are skipped. It returns nil when n is
// not a mapping.
func (w *walker) entries(n *yaml.Node) ([][2]*yaml.Node, error) {
	return w.entriesDepth(n, 0)
}

func (w *walker) entriesDepth(n *yaml.Node, depth int) ([][2]*yaml.Node, error) {
	n = resolve(n)
	if n == nil || n.Kind != yaml.MappingNode {
		return nil, nil
	}
	if depth > maxMergeDepth {
		return nil, w.errorf(n, "merge keys (<<) nest more than %d deep", maxMergeDepth)
	}
	if err := w.spend(len(n.Content) / 2); err != nil {
		return nil, err
	}
	var merged, own [][2]*yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], resolve(n.Content[i+1])
		if k.Kind != yaml.ScalarNode || v == nil {
			continue
		}
		if k.ShortTag() != "!!merge" {
			own = append(own, [2]*yaml.Node{k, v})
			continue
		}
		sources := []*yaml.Node{v}
		if v.Kind == yaml.SequenceNode {
			sources = v.Content
		}
		for _, s := range sources {
			pairs, err := w.entriesDepth(s, depth+1)
			if err != nil {
				return nil, err
			}
			merged = append(merged, pairs...)
		}
	}
	if len(merged) == 0 {
		return own, nil
	}
	seen := make(map[string]bool)
	for _, p := range own {
		seen[p[0].Value] = true
	}
	var out [][2]*yaml.Node
	for _, p := range merged {
		if !seen[p[0].Value] {
			seen[p[0].Value] = true
			out = append(out, p)
		}
	}
	return append(out, own...), nil
}

// field returns the value of the key name in the mapping n, or nil.
func (w *walker) field(n *yaml.Node, name string) (*yaml.Node, error) {
	pairs, err := w.entries(n)
	for _, p := range pairs {
		if p[0].Value == name {
			return p[1], err
		}
	}
	return nil, err
}

// path follows fields through nested mappings, returning nil when one is
// missing.
func (w *walker) path(n *yaml.Node, names ...string) (*yaml.Node, error) {
	for _, name := range names {
		var err error
		if n, err = w.field(n, name); err != nil || n == nil {
			return nil, err
		}
	}
	return n, nil
}

// items returns the items of the list n, resolved; nil for a null.
func (w *walker) items(n *yaml.Node) ([]*yaml.Node, error) {
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil, nil
	}
	if err := w.spend(len(n.Content)); err != nil {
		return nil, err
	}
	out := make([]*yaml.Node, 0, len(n.Content))
	for _, it := range n.Content {
		if it = resolve(it); it != nil {
			out = append(out, it)
		}
	}
	return out, nil
}

// text returns the text of a non-null scalar, or "".
func text(n *yaml.Node) string {
	if n == nil || n.Kind != yaml.ScalarNode || isNull(n) {
		return ""
	}
	return n.Value
}

// textCol returns the column of a scalar's text: after the opening quote
// of a quoted scalar.
func textCol(n *yaml.Node) int {
	if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
		return n.Column + 1
	}
	return n.Column
}

// selected reports whether name is in sel, or sel is empty (all).
func selected(sel []string, name string) bool {
	return len(sel) == 0 || slices.Contains(sel, name)
}

// relativeTo resolves a path written in the file from.
func relativeTo(from, path string) string {
	if filepath.IsAbs(path) {
		return path
	}
	return filepath.Join(filepath.Dir(from), filepath.FromSlash(path))
}

// isNotExist reports whether err says a file does not exist.
func isNotExist(err error) bool { return errors.Is(err, fs.ErrNotExist) }
