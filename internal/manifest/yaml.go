package manifest

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/envvet/envvet/internal/report"
)

// parseYAML parses an envvet.yaml file; see the package documentation
// for its schema.
func parseYAML(file string, data []byte) (*yamlParser, error) {
	p := &yamlParser{file: file}
	doc, err := decodeYAML(file, data)
	if err != nil || doc == nil {
		return p, err
	}
	if err := p.top(doc); err != nil {
		return nil, err
	}
	return p, nil
}

// decodeYAML returns the single document's top node, nil for an empty file.
func decodeYAML(file string, data []byte) (top *yaml.Node, err error) {
	defer func() {
		// yaml.v3 has panicked on malformed input before; a manifest
		// error is better than a crashed analysis.
		if r := recover(); r != nil {
			top, err = nil, errorf(file, 0, 0, "invalid YAML: %v", r)
		}
	}()
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, nil // empty file (or only comments)
		}
		return nil, yamlError(file, data, err)
	}
	var extra yaml.Node
	switch err := dec.Decode(&extra); {
	case err == nil:
		return nil, errorf(file, extra.Line, 0, "more than one YAML document (found \"---\")")
	case !errors.Is(err, io.EOF):
		return nil, yamlError(file, data, err)
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return nil, nil
	}
	return doc.Content[0], nil
}

var yamlLineRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^yaml: line (\d+): (.*)$`) })

// yamlError turns a yaml.v3 syntax error into an *Error with its line.
//
// yaml.v3 reports the line where the construct containing the problem
// starts when it knows it (for a bad indentation deep in a mapping, the
// mapping's first line), not the problem's. So the line is moved down to
// the shortest prefix of the file that fails with the same message.
func yamlError(file string, data []byte, err error) *Error {
	msg := err.Error()
	if m := yamlLineRE().FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		if n := firstBadLine(data, line, m[2]); n > line {
			line = n
		}
		return errorf(file, line, 0, "invalid YAML: %s", m[2])
	}
	return errorf(file, 0, 0, "invalid YAML: %s", strings.TrimPrefix(msg, "yaml: "))
}

// firstBadLine returns the smallest n ≥ from such that the first n lines
// of data fail to parse with the message problem, by binary search
// (assuming that once a prefix fails so, longer ones do too); 0 if none.
func firstBadLine(data []byte, from int, problem string) int {
	lines := strings.SplitAfter(string(data), "\n")
	prefix := func(n int) string { return strings.Join(lines[:n], "") }
	fails := func(n int) bool {
		m := yamlLineRE().FindStringSubmatch(yamlSyntaxError(prefix(n)))
		return m != nil && m[2] == problem
	}
	lo, hi := max(from, 1), len(lines) // search [lo, hi]
	if lo > hi || !fails(hi) {
		return 0
	}
	for lo < hi {
		mid := lo + (hi-lo)/2
		if fails(mid) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}

// yamlSyntaxError returns the message of the first error parsing s as a
// stream of YAML documents, or "".
func yamlSyntaxError(s string) (msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg = fmt.Sprint(r)
		}
	}()
	dec := yaml.NewDecoder(strings.NewReader(s))
	for {
		var n yaml.Node
		if err := dec.Decode(&n); err != nil {
			if errors.Is(err, io.EOF) {
				return ""
			}
			return err.Error()
		}
	}
}

type yamlParser struct {
	file    string
	keys    []Key
	build   []Key
	sources []sourceSpec
	isolate []string // dbpool.isolate
	envs    []envSpec
}

func (p *yamlParser) errorf(n *yaml.Node, format string, args ...any) *Error {
	return errorf(p.file, n.Line, n.Column, format, args...)
}

// resolve follows aliases to the node they name.
func resolve(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < 100; i++ {
		n = n.Alias
	}
	return n
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}

// describe names a node's kind for error messages.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		return fmt.Sprintf("%q", clip(n.Value))
	case yaml.AliasNode:
		return "an alias"
	}
	return "a document"
}

// pairs returns the key/value pairs of a mapping node, checking that
// each key is a plain scalar and appears once.
func (p *yamlParser) pairs(n *yaml.Node, where string) ([][2]*yaml.Node, error) {
	seen := make(map[string]int)
	var out [][2]*yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], resolve(n.Content[i+1])
		if k.Kind != yaml.ScalarNode {
			return nil, p.errorf(k, "%s: keys must be names, not %s", where, describe(k))
		}
		if first, dup := seen[k.Value]; dup {
			return nil, p.errorf(k, "%s: duplicate key %s (first declared on line %d)", where, k.Value, first)
		}
		seen[k.Value] = k.Line
		if v == nil {
			return nil, p.errorf(k, "%s: %s has no value", where, k.Value)
		}
		out = append(out, [2]*yaml.Node{k, v})
	}
	return out, nil
}

func (p *yamlParser) top(n *yaml.Node) error {
	n = resolve(n)
	if n == nil || isNull(n) {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		return p.errorf(n, "the top level must be a mapping with keys:, build: and sources:, not %s", describe(n))
	}
	fields, err := p.pairs(n, "top level")
	if err != nil {
		return err
	}
	for _, f := range fields {
		name, v := f[0], f[1]
		switch name.Value {
		case "keys":
			p.keys, err = p.section(v, "keys", p.key)
		case "build":
			p.build, err = p.section(v, "build", p.buildVar)
		case "sources":
			p.sources, err = p.sourceList(v)
		case "dbpool":
			p.isolate, err = p.dbpool(v)
		case "environments":
			p.envs, err = p.environments(v)
		default:
			err = p.errorf(name, "unknown field %q (want keys, build, sources, environments or dbpool)", name.Value)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// A sourceSpec is one entry of envvet.yaml's sources: list.
type sourceSpec struct {
	kind      string // "compose", "kubernetes", "dotenv", "dockerfile", "goreleaser", "makefile", "kustomize", or "" to detect by name and content
	path      string // as written, relative to the envvet.yaml
	line, col int    // of the path in the envvet.yaml
	sel       []string
	selField  string // "service" or "container"
	selLine   int
	selCol    int
}

const sourceFields = "compose, kubernetes, kustomize, dotenv, dockerfile, goreleaser, makefile, service or container"

// sourceList parses sources:, a list whose entries are a path (the kind
// detected by content) or a mapping such as {compose: path, service: api}.
func (p *yamlParser) sourceList(n *yaml.Node) ([]sourceSpec, error) {
	if isNull(n) {
		return nil, nil
	}
	if n.Kind != yaml.SequenceNode {
		return nil, p.errorf(n, "sources must be a list of deployment files, not %s", describe(n))
	}
	var out []sourceSpec
	for _, item := range n.Content {
		item = resolve(item)
		if item == nil {
			continue
		}
		var s sourceSpec
		switch {
		case item.Kind == yaml.ScalarNode && !isNull(item) && item.Value != "":
			s = sourceSpec{path: item.Value, line: item.Line, col: item.Column}
		case item.Kind == yaml.MappingNode:
			var err error
			if s, err = p.source(item); err != nil {
				return nil, err
			}
		default:
			return nil, p.errorf(item, "a source must be a file path or a mapping such as {compose: path}, not %s", describe(item))
		}
		out = append(out, s)
	}
	return out, nil
}

func (p *yamlParser) source(item *yaml.Node) (sourceSpec, error) {
	var s sourceSpec
	fields, err := p.pairs(item, "source")
	if err != nil {
		return s, err
	}
	for _, f := range fields {
		field, v := f[0], f[1]
		switch field.Value {
		case "compose", "kubernetes", "kustomize", "dotenv", "dockerfile", "goreleaser", "makefile":
			if s.kind != "" {
				return s, p.errorf(field, "a source has one kind: %s and %s both given", s.kind, field.Value)
			}
			if v.Kind != yaml.ScalarNode || isNull(v) || v.Value == "" {
				return s, p.errorf(v, "%s of a source must be a file path, not %s", field.Value, describe(v))
			}
			s.kind, s.path, s.line, s.col = field.Value, v.Value, v.Line, v.Column
		case "service", "container":
			if s.selField != "" {
				return s, p.errorf(field, "a source selects by service or by container, not both")
			}
			s.selField, s.selLine, s.selCol = field.Value, v.Line, v.Column
			switch v.Kind {
			case yaml.ScalarNode:
				if !isNull(v) && v.Value != "" {
					s.sel = []string{v.Value}
				}
			case yaml.SequenceNode:
				for _, e := range v.Content {
					if e = resolve(e); e == nil || e.Kind != yaml.ScalarNode || isNull(e) || e.Value == "" {
						return s, p.errorf(v, "%s must be a name or a list of names", field.Value)
					}
					s.sel = append(s.sel, e.Value)
				}
			default:
				return s, p.errorf(v, "%s must be a name or a list of names, not %s", field.Value, describe(v))
			}
		default:
			return s, p.errorf(field, "unknown field %q in source (want %s)", field.Value, sourceFields)
		}
	}
	switch {
	case s.kind == "":
		return s, p.errorf(item, "a source needs one of compose, kubernetes, kustomize, dotenv, dockerfile, goreleaser or makefile, giving the file's path")
	case s.selField == "service" && s.kind != "compose":
		return s, errorf(p.file, s.selLine, s.selCol, "service applies to compose sources, not %s", s.kind)
	case s.selField == "container" && s.kind != "kubernetes" && s.kind != "kustomize":
		return s, errorf(p.file, s.selLine, s.selCol, "container applies to kubernetes and kustomize sources, not %s", s.kind)
	}
	return s, nil
}

// section parses the keys: or build: mapping, calling one for each entry.
func (p *yamlParser) section(n *yaml.Node, what string, one func(name, v *yaml.Node) (Key, error)) ([]Key, error) {
	if isNull(n) {
		return nil, nil
	}
	if n.Kind != yaml.MappingNode {
		return nil, p.errorf(n, "%s must be a mapping from variable names, not %s", what, describe(n))
	}
	entries, err := p.pairs(n, what)
	if err != nil {
		return nil, err
	}
	var out []Key
	for _, e := range entries {
		name := e[0]
		if !validName(name.Value) {
			return nil, p.errorf(name, "invalid key name %q in %s (want letters, digits and _, not starting with a digit)", clip(name.Value), what)
		}
		k, err := one(name, e[1])
		if err != nil {
			return nil, err
		}
		k.Name, k.File, k.Line, k.Col = name.Value, p.file, name.Line, name.Column
		out = append(out, k)
	}
	return out, nil
}

func (p *yamlParser) key(name, v *yaml.Node) (Key, error) {
	var k Key
	if isNull(v) {
		return k, nil // PLAIN_KEY:
	}
	if v.Kind != yaml.MappingNode {
		return k, p.errorf(v, "key %s must be a mapping of fields (description, required, default, secret, deprecated, ignore, on-bad-value) or empty, not %s", name.Value, describe(v))
	}
	fields, err := p.pairs(v, "key "+name.Value)
	if err != nil {
		return k, err
	}
	for _, f := range fields {
		field, fv := f[0], f[1]
		switch field.Value {
		case "description":
			k.Description, err = p.text(name, field, fv)
		case "required":
			k.Required, err = p.bool(name, field, fv)
		case "secret":
			k.Secret, err = p.bool(name, field, fv)
		case "default":
			if !isNull(fv) {
				k.Default, err = p.scalar(name, field, fv)
				k.HasDefault = err == nil
			}
		case "deprecated":
			k.Deprecated, err = p.deprecated(name, field, fv)
		case "ignore":
			k.Ignore, err = p.ignore(name, fv)
		case "on-bad-value":
			k.OnBadValue, err = p.onBadValue(name, field, fv)
		default:
			err = p.errorf(field, "unknown field %q in key %s (want description, required, default, secret, deprecated, ignore or on-bad-value)", field.Value, name.Value)
		}
		if err != nil {
			return k, err
		}
	}
	return k, nil
}

func (p *yamlParser) buildVar(name, v *yaml.Node) (Key, error) {
	var k Key
	if isNull(v) {
		return k, nil
	}
	if v.Kind != yaml.ScalarNode {
		return k, p.errorf(v, "build variable %s must have a scalar value, not %s", name.Value, describe(v))
	}
	k.Default, k.HasDefault = v.Value, true
	return k, nil
}

// scalar returns the text of a scalar field value.
func (p *yamlParser) scalar(key, field, v *yaml.Node) (string, error) {
	if v.Kind != yaml.ScalarNode {
		return "", p.errorf(v, "%s of key %s must be a scalar, not %s", field.Value, key.Value, describe(v))
	}
	return v.Value, nil
}

// text is scalar, with null meaning "".
func (p *yamlParser) text(key, field, v *yaml.Node) (string, error) {
	if isNull(v) {
		return "", nil
	}
	return p.scalar(key, field, v)
}

// onBadValue accepts on-bad-value: fail or default.
func (p *yamlParser) onBadValue(key, field, v *yaml.Node) (string, error) {
	if v.Kind != yaml.ScalarNode || v.ShortTag() != "!!str" || (v.Value != OnBadValueFail && v.Value != OnBadValueDefault) {
		return "", p.errorf(v, "%s of key %s must be fail or default, not %s", field.Value, key.Value, describe(v))
	}
	return v.Value, nil
}

func (p *yamlParser) bool(key, field, v *yaml.Node) (bool, error) {
	var b bool
	if v.Kind != yaml.ScalarNode || v.ShortTag() != "!!bool" || v.Decode(&b) != nil {
		return false, p.errorf(v, "%s of key %s must be true or false, not %s", field.Value, key.Value, describe(v))
	}
	return b, nil
}

// deprecated accepts a note (a string) or a boolean; true becomes the
// note "deprecated".
func (p *yamlParser) deprecated(key, field, v *yaml.Node) (string, error) {
	if v.Kind == yaml.ScalarNode && v.ShortTag() == "!!bool" {
		var b bool
		if v.Decode(&b) == nil {
			if b {
				return "deprecated", nil
			}
			return "", nil
		}
	}
	return p.text(key, field, v)
}

// dbpool parses the dbpool: section, the settings of the dbpool check that
// belong to the deployment: which packages must not share a pool.
//
//	dbpool:
//	  isolate: [example.com/shop/billing/..., example.com/shop/catalog/...]
func (p *yamlParser) dbpool(n *yaml.Node) ([]string, error) {
	n = resolve(n)
	if n == nil || isNull(n) {
		return nil, nil
	}
	if n.Kind != yaml.MappingNode {
		return nil, p.errorf(n, "dbpool must be a mapping with isolate:, not %s", describe(n))
	}
	fields, err := p.pairs(n, "dbpool")
	if err != nil {
		return nil, err
	}
	var isolate []string
	for _, f := range fields {
		name, v := f[0], resolve(f[1])
		if name.Value != "isolate" {
			return nil, p.errorf(name, "unknown field %q in dbpool (want isolate)", name.Value)
		}
		if v == nil || isNull(v) {
			continue
		}
		if v.Kind != yaml.SequenceNode {
			return nil, p.errorf(v, "dbpool.isolate must be a list of import path patterns, not %s", describe(v))
		}
		for _, e := range v.Content {
			e = resolve(e)
			if e == nil || e.Kind != yaml.ScalarNode || e.Value == "" {
				return nil, p.errorf(f[1], "dbpool.isolate must be a list of import path patterns")
			}
			isolate = append(isolate, e.Value)
		}
	}
	return isolate, nil
}

// ignore parses a key's ignore: field, envvet.yaml's form of the
// "# envvet:ignore" directive: a mapping from check name to the reason.
//
//	LEGACY_HOST:
//	  ignore:
//	    envkeys: kept until the v1 clients are gone
func (p *yamlParser) ignore(key, n *yaml.Node) ([]Ignore, error) {
	n = resolve(n)
	if n == nil || n.Kind != yaml.MappingNode {
		return nil, p.errorf(key, "ignore of key %s must map check names to reasons", key.Value)
	}
	fields, err := p.pairs(n, "ignore of key "+key.Value)
	if err != nil {
		return nil, err
	}
	var out []Ignore
	for _, f := range fields {
		reason := resolve(f[1])
		if reason == nil || reason.Kind != yaml.ScalarNode || strings.TrimSpace(reason.Value) == "" {
			return nil, p.errorf(f[0], "ignore %s of key %s: a reason is required", f[0].Value, key.Value)
		}
		if known := report.Checks(); !slices.Contains(known, f[0].Value) {
			return nil, p.errorf(f[0], "ignore %s of key %s: unknown check (known: %s)", f[0].Value, key.Value, strings.Join(known, ", "))
		}
		out = append(out, Ignore{Check: f[0].Value, Reason: reason.Value})
	}
	return out, nil
}

// environments parses the environments: section, a mapping from an
// environment's name to its sources: a list of entries as in sources:,
// or a mapping with sources: (the one field an environment has).
//
//	environments:
//	  dev:
//	    - compose: docker-compose.yml
//	      service: api
//	  prod:
//	    sources:
//	      - kustomize: deploy/overlays/prod
func (p *yamlParser) environments(n *yaml.Node) ([]envSpec, error) {
	if isNull(n) {
		return nil, nil
	}
	if n.Kind != yaml.MappingNode {
		return nil, p.errorf(n, "environments must be a mapping from environment names to lists of sources, not %s", describe(n))
	}
	entries, err := p.pairs(n, "environments")
	if err != nil {
		return nil, err
	}
	var out []envSpec
	for _, e := range entries {
		name, v := e[0], e[1]
		if !validEnvName(name.Value) {
			return nil, p.errorf(name, "invalid environment name %q (want letters, digits, _, - and .)", clip(name.Value))
		}
		list, err := p.envSources(name, v)
		if err != nil {
			return nil, err
		}
		sources, err := p.sourceList(list)
		if err != nil {
			return nil, err
		}
		if len(sources) == 0 {
			return nil, p.errorf(name, "environment %s has no sources", name.Value)
		}
		out = append(out, envSpec{name: name.Value, line: name.Line, col: name.Column, sources: sources})
	}
	return out, nil
}

// envSources returns the list of sources of the environment name, whose
// value is v: the list itself, or the sources: field of a mapping.
func (p *yamlParser) envSources(name, v *yaml.Node) (*yaml.Node, error) {
	if v.Kind != yaml.MappingNode {
		if v.Kind != yaml.SequenceNode && !isNull(v) {
			return nil, p.errorf(v, "environment %s must be a list of sources, not %s", name.Value, describe(v))
		}
		return v, nil
	}
	fields, err := p.pairs(v, "environment "+name.Value)
	if err != nil {
		return nil, err
	}
	list := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Line: name.Line, Column: name.Column}
	for _, f := range fields {
		if f[0].Value != "sources" {
			return nil, p.errorf(f[0], "unknown field %q in environment %s (want sources)", f[0].Value, name.Value)
		}
		list = f[1]
	}
	return list, nil
}

// validEnvName reports whether s can name an environment: letters,
// digits, _, - and ., not empty.
func validEnvName(s string) bool {
	if s == "" || len(s) > 100 {
		return false
	}
	for _, c := range s {
		switch {
		case c == '_', c == '-', c == '.', 'A' <= c && c <= 'Z', 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		default:
			return false
		}
	}
	return true
}
