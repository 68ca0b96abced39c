package envgraph

import (
	"slices"
	"strconv"
	"strings"
)

// viperGlobal is the package fact of a package that uses viper's global
// instance: the keys it asks of it and the AutomaticEnv settings it
// applies to it. Asks and Envs are sorted, so the fact encodes
// identically on every run.
type viperGlobal struct {
	Asks []string   // viper keys, lower case; "key*" for the subtree under key
	Open bool       // it asks for keys it cannot name (Get(k), AllSettings, GetViper, ...)
	Envs []viperEnv // the settings of its AutomaticEnv calls, when known and the package asks no key it cannot name
}

// A viperEnv is how an instance with AutomaticEnv turns a key into an
// env key: its SetEnvPrefix and its SetEnvKeyReplacer's old/new pairs.
type viperEnv struct {
	Prefix string
	Pairs  []string
}

func (*viperGlobal) AFact() {}

func (f *viperGlobal) String() string {
	var parts []string
	if len(f.Asks) > 0 {
		parts = append(parts, "asks="+strings.Join(f.Asks, ","))
	}
	if f.Open {
		parts = append(parts, "open")
	}
	for _, e := range f.Envs {
		parts = append(parts, "env="+strconv.Quote(e.Prefix)+strings.Join(e.Pairs, ""))
	}
	return "viperGlobal(" + strings.Join(parts, " ") + ")"
}

func (f *viperGlobal) empty() bool { return len(f.Asks) == 0 && !f.Open && len(f.Envs) == 0 }

// key returns the env key viper reads for key.
func (e viperEnv) key(key string) string {
	k := strings.ToUpper(strings.ToLower(key))
	if e.Prefix != "" {
		k = strings.ToUpper(e.Prefix + "_" + strings.ToLower(key))
	}
	if len(e.Pairs) > 0 {
		k = strings.NewReplacer(e.Pairs...).Replace(k)
	}
	return k
}

func (e viperEnv) equal(o viperEnv) bool {
	return e.Prefix == o.Prefix && slices.Equal(e.Pairs, o.Pairs)
}

// exportViper exports the package's viperGlobal fact, if any.
func (s *state) exportViper() {
	if s.vk == nil || s.pass.Pkg == nil || s.vk.fact.empty() {
		return
	}
	f := s.vk.fact
	slices.SortFunc(f.Envs, func(a, b viperEnv) int {
		return strings.Compare(a.Prefix+"\x00"+strings.Join(a.Pairs, "\x00"), b.Prefix+"\x00"+strings.Join(b.Pairs, "\x00"))
	})
	f.Envs = slices.CompactFunc(f.Envs, viperEnv.equal)
	s.pass.ExportPackageFact(&f)
}

// viperProgram adds to p what the program's AutomaticEnv calls on the
// global instance read: the env key of each key some package asks, when
// every package names the keys it asks; otherwise the prefix, as any key
// under it may be read.
func (s *state) viperProgram(p *Program) {
	var envs []viperEnv
	var asks []string
	open := false
	add := func(f *viperGlobal) {
		envs = append(envs, f.Envs...)
		asks = append(asks, f.Asks...)
		if f.Open {
			open = true
		}
	}
	if s.vk != nil {
		add(&s.vk.fact)
	}
	for _, pf := range s.pass.AllPackageFacts() {
		if f, ok := pf.Fact.(*viperGlobal); ok && pf.Package != nil && pf.Package != s.pass.Pkg {
			add(f)
		}
	}
	for _, e := range envs {
		if open {
			if pre := e.key(""); e.Prefix != "" {
				p.Prefixes = append(p.Prefixes, pre)
			} else {
				p.Unprefixed = append(p.Unprefixed, s.pass.Pkg.Path())
			}
			continue
		}
		for _, a := range asks {
			if k, sub := strings.CutSuffix(a, "*"); sub {
				p.Prefixes = append(p.Prefixes, e.key(k))
			} else if k := e.key(a); isEnvName(k) {
				p.Keys = append(p.Keys, k)
			}
		}
	}
}
