package manifest

import (
	"regexp"
	"sync"

	"go.yaml.in/yaml/v3"
)

// A kubeObject is a ConfigMap or a Secret of a Kubernetes file: the keys
// an envFrom naming it puts in a container's environment.
type kubeObject struct {
	kind            string // "ConfigMap" or "Secret"
	name, namespace string
	keys            []Key // data keys, whatever their names (a prefix may make them valid)
}

// An envFromRef is one configMapRef or secretRef of a container's envFrom.
type envFromRef struct {
	field                   string // "configMapRef" or "secretRef"
	name, namespace, prefix string
	file                    string
	line, col               int             // of the name
	expanded                map[string]bool // names the container refers to as $(NAME)
}

// podSpecPaths are, by workload kind, the path from the object to its
// pod spec; built on first use, as are the package's regexps.
var podSpecPaths = sync.OnceValue(func() map[string][]string {
	return map[string][]string{
		"Pod":                   {"spec"},
		"Deployment":            {"spec", "template", "spec"},
		"StatefulSet":           {"spec", "template", "spec"},
		"DaemonSet":             {"spec", "template", "spec"},
		"ReplicaSet":            {"spec", "template", "spec"},
		"ReplicationController": {"spec", "template", "spec"},
		"Job":                   {"spec", "template", "spec"},
		"CronJob":               {"spec", "jobTemplate", "spec", "template", "spec"},
	}
})

// A kubeWalker reads one Kubernetes file.
type kubeWalker struct {
	*walker
	l     *loader
	sel   []string
	found map[string]bool // containers seen
}

// kubernetes adds the declarations of a Kubernetes file's workloads: the
// env and envFrom of the containers in sel (all when sel is empty); and
// it collects the file's ConfigMaps and Secrets, which envFrom references
// of every Kubernetes file resolve against. It returns the containers
// seen.
func (l *loader) kubernetes(file string, docs []*yaml.Node, sel []string) (map[string]bool, error) {
	k := &kubeWalker{walker: newWalker(file), l: l, sel: sel, found: make(map[string]bool)}
	for _, d := range docs {
		if err := k.object(d, 0); err != nil {
			return nil, err
		}
	}
	return k.found, nil
}

func (k *kubeWalker) object(n *yaml.Node, depth int) error {
	if n.Kind != yaml.MappingNode {
		return nil
	}
	kindNode, err := k.field(n, "kind")
	if err != nil {
		return err
	}
	ns, err := k.path(n, "metadata", "namespace")
	if err != nil {
		return err
	}
	name, err := k.path(n, "metadata", "name")
	if err != nil {
		return err
	}
	switch kind := text(kindNode); kind {
	case "List":
		items, err := k.field(n, "items")
		if err != nil || depth > 2 {
			return err
		}
		list, err := k.items(items)
		if err != nil {
			return err
		}
		for _, it := range list {
			if err := k.object(it, depth+1); err != nil {
				return err
			}
		}
	case "ConfigMap":
		return k.data(n, kind, text(name), text(ns), false, "data", "binaryData")
	case "Secret":
		return k.data(n, kind, text(name), text(ns), true, "data", "stringData")
	default:
		path, ok := podSpecPaths()[kind]
		if !ok {
			return nil // Service, Ingress, ...: no environment
		}
		spec, err := k.path(n, path...)
		if err != nil {
			return err
		}
		return k.podSpec(spec, text(ns))
	}
	return nil
}

// data collects the keys of a ConfigMap's or Secret's data sections.
func (k *kubeWalker) data(n *yaml.Node, kind, name, ns string, secret bool, sections ...string) error {
	if name == "" {
		return nil // nothing can refer to it
	}
	obj := kubeObject{kind: kind, name: name, namespace: ns}
	for _, s := range sections {
		d, err := k.field(n, s)
		if err != nil {
			return err
		}
		if d == nil || isNull(d) {
			continue
		}
		if d.Kind != yaml.MappingNode {
			return k.errorf(d, "%s of %s %s must be a mapping, not %s", s, kind, name, describe(d))
		}
		pairs, err := k.entries(d)
		if err != nil {
			return err
		}
		for _, p := range pairs {
			key := Key{Name: p[0].Value, File: k.file, Line: p[0].Line, Col: textCol(p[0]), Secret: secret, Origin: Origin{Kind: kind, Name: name}}
			if s == "data" && !secret && p[1].Kind == yaml.ScalarNode && !isNull(p[1]) {
				key.Default, key.HasDefault = p[1].Value, p[1].Value != ""
			}
			obj.keys = append(obj.keys, key)
		}
	}
	k.l.objects = append(k.l.objects, obj)
	return nil
}

// podSpec adds the environment of a pod's containers and init containers.
func (k *kubeWalker) podSpec(spec *yaml.Node, ns string) error {
	if spec == nil || spec.Kind != yaml.MappingNode {
		return nil
	}
	for _, list := range []string{"containers", "initContainers"} {
		items, err := k.list(spec, list, list)
		if err != nil {
			return err
		}
		for _, c := range items {
			if c.Kind != yaml.MappingNode {
				return k.errorf(c, "an entry of %s must be a mapping, not %s", list, describe(c))
			}
			if err := k.container(c, ns); err != nil {
				return err
			}
		}
	}
	return nil
}

// list returns the items of the list in field of n, none when the field
// is absent or null; what names the field in the error when it is not a
// list.
func (k *kubeWalker) list(n *yaml.Node, field, what string) ([]*yaml.Node, error) {
	l, err := k.field(n, field)
	if err != nil || l == nil || isNull(l) {
		return nil, err
	}
	if l.Kind != yaml.SequenceNode {
		return nil, k.errorf(l, "%s must be a list, not %s", what, describe(l))
	}
	return k.items(l)
}

// container adds the environment of one container: env, then envFrom.
func (k *kubeWalker) container(c *yaml.Node, ns string) error {
	nameNode, err := k.field(c, "name")
	if err != nil {
		return err
	}
	name := text(nameNode)
	if !selected(k.sel, name) {
		return nil
	}
	k.found[name] = true
	expanded, err := k.expansions(c)
	if err != nil {
		return err
	}

	// env before envFrom: env wins in Kubernetes.
	env, err := k.list(c, "env", "env of container "+name)
	if err != nil {
		return err
	}
	for _, e := range env {
		if err := k.envVar(name, e, expanded); err != nil {
			return err
		}
	}
	envFrom, err := k.list(c, "envFrom", "envFrom of container "+name)
	if err != nil {
		return err
	}
	for _, e := range envFrom {
		if err := k.envFrom(name, e, ns, expanded); err != nil {
			return err
		}
	}
	return nil
}

// envFrom adds one entry of a container's envFrom: a reference to a
// ConfigMap or a Secret, whose keys are expanded once all objects are read.
func (k *kubeWalker) envFrom(container string, e *yaml.Node, ns string, expanded map[string]bool) error {
	if e.Kind != yaml.MappingNode {
		return k.errorf(e, "an envFrom entry of container %s must be a mapping, not %s", container, describe(e))
	}
	prefix, err := k.field(e, "prefix")
	if err != nil {
		return err
	}
	for _, field := range []string{"configMapRef", "secretRef"} {
		ref, err := k.field(e, field)
		if err != nil {
			return err
		}
		if ref == nil || isNull(ref) {
			continue
		}
		refName, err := k.field(ref, "name")
		if err != nil {
			return err
		}
		if text(refName) == "" {
			return k.errorf(ref, "%s of container %s needs a name", field, container)
		}
		k.l.decls = append(k.l.decls, decl{ref: &envFromRef{
			field: field, name: refName.Value, namespace: ns, prefix: text(prefix),
			file: k.file, line: refName.Line, col: textCol(refName),
			expanded: expanded,
		}})
	}
	return nil
}

// envVar adds one entry of a container's env: {name, value} or {name, valueFrom}.
func (k *kubeWalker) envVar(container string, e *yaml.Node, expanded map[string]bool) error {
	if e.Kind != yaml.MappingNode {
		return k.errorf(e, "an env entry of container %s must be a mapping with name:, not %s", container, describe(e))
	}
	n, err := k.field(e, "name")
	if err != nil {
		return err
	}
	if text(n) == "" {
		return k.errorf(e, "an env entry of container %s needs a name", container)
	}
	if !validName(n.Value) {
		return nil
	}
	key := Key{Name: n.Value, File: k.file, Line: n.Line, Col: textCol(n), Origin: Origin{Kind: OriginContainer, Name: container}}
	v, err := k.field(e, "value")
	if err != nil {
		return err
	}
	if s := text(v); s != "" {
		key.Default, key.HasDefault = s, true
	}
	secret, err := k.path(e, "valueFrom", "secretKeyRef")
	if err != nil {
		return err
	}
	key.Secret = secret != nil
	key.Expanded = expanded[key.Name]
	k.l.addKeys([]Key{key}, nil)
	return nil
}

// expand returns the keys that an envFrom reference puts in the
// environment, and whether the ConfigMap or Secret it names is defined.
func (l *loader) expand(r *envFromRef) ([]Key, bool) {
	kind := "ConfigMap"
	if r.field == "secretRef" {
		kind = "Secret"
	}
	var keys []Key
	ok := false
	for _, o := range l.objects {
		if o.kind != kind || o.name != r.name || o.namespace != "" && r.namespace != "" && o.namespace != r.namespace {
			continue
		}
		ok = true
		for _, k := range o.keys {
			k.Name = r.prefix + k.Name
			k.Expanded = r.expanded[k.Name]
			if validName(k.Name) { // Kubernetes skips the others too
				keys = append(keys, k)
			}
		}
	}
	return keys, ok
}

// expansionRE matches a Kubernetes variable reference $(NAME), or the
// escape $$ (so that $$(NAME) is no reference).
var expansionRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`\$\$|\$\(([A-Za-z_][A-Za-z0-9_]*)\)`)
})

// expansions returns the names that a container refers to as $(NAME) in
// its command, args and env values, which Kubernetes expands from the
// container's environment.
func (k *kubeWalker) expansions(c *yaml.Node) (map[string]bool, error) {
	var texts []string
	for _, f := range []string{"command", "args"} {
		n, err := k.field(c, f)
		if err != nil {
			return nil, err
		}
		items, err := k.items(n)
		if err != nil {
			return nil, err
		}
		for _, it := range items {
			texts = append(texts, text(it))
		}
	}
	env, err := k.field(c, "env")
	if err != nil {
		return nil, err
	}
	items, err := k.items(env)
	if err != nil {
		return nil, err
	}
	for _, e := range items {
		v, err := k.field(e, "value")
		if err != nil {
			return nil, err
		}
		texts = append(texts, text(v))
	}
	var used map[string]bool
	for _, t := range texts {
		for _, m := range expansionRE().FindAllStringSubmatch(t, -1) {
			if m[1] != "" {
				if used == nil {
					used = make(map[string]bool)
				}
				used[m[1]] = true
			}
		}
	}
	return used, nil
}
