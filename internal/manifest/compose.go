package manifest

import (
	"errors"
	"strings"

	"go.yaml.in/yaml/v3"
)

// compose adds the declarations of a Docker Compose file: the
// environment: and env_file: entries of the services in sel (all when sel
// is empty). It returns the services seen.
func (l *loader) compose(file string, docs []*yaml.Node, sel []string) (map[string]bool, error) {
	found := make(map[string]bool)
	if len(docs) == 0 {
		return found, nil
	}
	if len(docs) > 1 {
		return nil, errorf(file, docs[1].Line, 0, "a Compose file is one YAML document; found another")
	}
	w := newWalker(file)
	top := docs[0]
	if top.Kind != yaml.MappingNode {
		return nil, w.errorf(top, "a Compose file must be a mapping with services:, not %s", describe(top))
	}
	services, err := w.field(top, "services")
	if err != nil || services == nil || isNull(services) {
		return found, err
	}
	if services.Kind != yaml.MappingNode {
		return nil, w.errorf(services, "services must be a mapping from service names, not %s", describe(services))
	}
	svcs, err := w.entries(services)
	if err != nil {
		return nil, err
	}
	for _, s := range svcs {
		name, svc := s[0].Value, s[1]
		if !selected(sel, name) {
			continue
		}
		found[name] = true
		if isNull(svc) {
			continue
		}
		if svc.Kind != yaml.MappingNode {
			return nil, w.errorf(svc, "service %s must be a mapping, not %s", name, describe(svc))
		}
		// environment: overrides env_file: in Compose, so it comes first.
		env, err := w.field(svc, "environment")
		if err != nil {
			return nil, err
		}
		if err := l.composeEnv(w, name, env); err != nil {
			return nil, err
		}
		envFile, err := w.field(svc, "env_file")
		if err != nil {
			return nil, err
		}
		if err := l.composeEnvFiles(w, name, envFile); err != nil {
			return nil, err
		}
	}
	return found, nil
}

// composeEnv adds a service's environment: in map form (KEY: value,
// KEY:) or list form (- KEY=value, - KEY).
func (l *loader) composeEnv(w *walker, service string, env *yaml.Node) error {
	if env == nil || isNull(env) {
		return nil
	}
	switch env.Kind {
	case yaml.MappingNode:
		pairs, err := w.entries(env)
		if err != nil {
			return err
		}
		for _, p := range pairs {
			k, v := p[0], p[1]
			if !validName(k.Value) {
				continue // not a variable a program reads by name
			}
			key := Key{Name: k.Value, File: w.file, Line: k.Line, Col: textCol(k), Origin: Origin{Kind: OriginService, Name: service}}
			if !isNull(v) {
				if v.Kind != yaml.ScalarNode {
					return w.errorf(v, "the value of %s in the environment of service %s must be a scalar, not %s", k.Value, service, describe(v))
				}
				key.Default, key.HasDefault = v.Value, v.Value != ""
			}
			l.addKeys([]Key{key}, nil)
		}
	case yaml.SequenceNode:
		items, err := w.items(env)
		if err != nil {
			return err
		}
		for _, it := range items {
			if it.Kind != yaml.ScalarNode || isNull(it) {
				return w.errorf(it, "the environment of service %s must list KEY=value strings, not %s", service, describe(it))
			}
			name, value, hasValue := strings.Cut(it.Value, "=")
			if !validName(name) {
				continue
			}
			key := Key{Name: name, File: w.file, Line: it.Line, Col: textCol(it), Origin: Origin{Kind: OriginService, Name: service}}
			if hasValue {
				key.Default, key.HasDefault = value, value != ""
			}
			l.addKeys([]Key{key}, nil)
		}
	default:
		return w.errorf(env, "the environment of service %s must be a mapping or a list, not %s", service, describe(env))
	}
	return nil
}

// An envFileRef is one entry of a service's env_file:.
type envFileRef struct {
	path     string
	node     *yaml.Node
	optional bool // required: false
}

// composeEnvFiles adds the keys of a service's env_file: a path, or a
// list of paths and {path: p, required: false} mappings.
func (l *loader) composeEnvFiles(w *walker, service string, n *yaml.Node) error {
	if n == nil || isNull(n) {
		return nil
	}
	var refs []envFileRef
	switch n.Kind {
	case yaml.ScalarNode:
		refs = append(refs, envFileRef{path: n.Value, node: n})
	case yaml.SequenceNode:
		items, err := w.items(n)
		if err != nil {
			return err
		}
		for _, it := range items {
			switch it.Kind {
			case yaml.ScalarNode:
				if p := text(it); p != "" {
					refs = append(refs, envFileRef{path: p, node: it})
				}
			case yaml.MappingNode:
				p, err := w.field(it, "path")
				if err != nil {
					return err
				}
				if text(p) == "" {
					return w.errorf(it, "an env_file entry of service %s needs a path", service)
				}
				ref := envFileRef{path: p.Value, node: p}
				req, err := w.field(it, "required")
				if err != nil {
					return err
				}
				if req != nil {
					var b bool
					if req.Kind != yaml.ScalarNode || req.ShortTag() != "!!bool" || req.Decode(&b) != nil {
						return w.errorf(req, "required of an env_file of service %s must be true or false, not %s", service, describe(req))
					}
					ref.optional = !b
				}
				refs = append(refs, ref)
			default:
				return w.errorf(it, "an env_file entry of service %s must be a path or a mapping with path:, not %s", service, describe(it))
			}
		}
	default:
		return w.errorf(n, "env_file of service %s must be a path or a list, not %s", service, describe(n))
	}
	for _, ref := range refs {
		if err := l.envFile(w.file, ref); err != nil {
			return err
		}
	}
	return nil
}

// envFile reads an env_file, relative to the Compose file, as a dotenv
// file whose every key is a runtime variable of the container.
func (l *loader) envFile(compose string, ref envFileRef) error {
	path := relativeTo(compose, ref.path)
	unit := "env_file\x00" + path
	if l.units[unit] {
		return nil
	}
	l.units[unit] = true
	line, col := ref.node.Line, textCol(ref.node)
	if !l.read {
		l.unresolved(compose, line, col, "env_file %s is not read by Parse", ref.path)
		return nil
	}
	data, err := l.readFile(path)
	if err != nil {
		if isNotExist(err) {
			// Often a git-ignored file holding real values: its keys are
			// unknown here, which is not the deployment's fault.
			l.unresolved(compose, line, col, "env_file %s does not exist", ref.path)
			return nil
		}
		e := &Error{File: compose, Line: line, Col: col, Msg: "cannot read env_file " + ref.path, Err: err}
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
	keys, _, err := parseDotenv(path, data, true)
	if err != nil {
		return err
	}
	l.addKeys(keys, nil)
	return nil
}
