package envgraph

import (
	"cmp"
	"fmt"
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
	// At locates the keys of Asks when the package itself turns none
	// into references (it calls no AutomaticEnv of its own): the program's
	// lists them (Program.Asked). Sorted by key, then site.
	At []viperSite
	// Pool lists the keys asked of the package's other instances (a
	// parameter, a field, a result), as Asks does; PoolEnvs the known
	// settings of their AutomaticEnv calls (viperpool.go).
	Pool     []string
	PoolEnvs []viperEnv
	// Typed lists the asks of the global and pool instances that read a
	// typed form (GetInt, a typed Unmarshal field), Binds the env names
	// the package's BindEnv calls bind to the global instance's keys
	// (vipertype.go). Both sorted.
	Typed []viperTyped
	Binds []viperBound
	// OpenEnvs lists the known settings of its AutomaticEnv calls when
	// it asks keys it cannot name (Envs is then empty): the typed asks of
	// every package are read under them.
	OpenEnvs []viperEnv
	// BindHelpers lists the package's functions that bind an env name
	// to a key of the global instance through their parameters
	// (vipertype.go), sorted: their callers in any package join the two.
	BindHelpers []viperBindHelper
}

// A viperSite is where a package asks the global instance for a key.
type viperSite struct {
	Key string // as in viperGlobal.Asks
	At  Site
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
	if len(f.Pool) > 0 {
		parts = append(parts, "pool="+strings.Join(f.Pool, ","))
	}
	for _, e := range f.PoolEnvs {
		parts = append(parts, "poolenv="+strconv.Quote(e.Prefix)+strings.Join(e.Pairs, ""))
	}
	for _, e := range f.OpenEnvs {
		parts = append(parts, "openenv="+strconv.Quote(e.Prefix)+strings.Join(e.Pairs, ""))
	}
	for _, t := range f.Typed {
		parts = append(parts, "typed="+t.Key+":"+t.Type.String())
	}
	for _, b := range f.Binds {
		parts = append(parts, "bound="+b.Key+":"+b.Env)
	}
	for _, h := range f.BindHelpers {
		parts = append(parts, fmt.Sprintf("bindhelper=%s:%d(%q+key+%q):%d", h.Func, h.Key, h.KeyPrefix, h.KeySuffix, h.Env))
	}
	return "viperGlobal(" + strings.Join(parts, " ") + ")"
}

func (f *viperGlobal) empty() bool {
	return len(f.Asks) == 0 && !f.Open && len(f.Envs) == 0 && len(f.Pool) == 0 && len(f.PoolEnvs) == 0 &&
		len(f.Typed) == 0 && len(f.Binds) == 0 && len(f.OpenEnvs) == 0 && len(f.BindHelpers) == 0
}

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
	f.Envs = sortEnvs(f.Envs)
	f.PoolEnvs = sortEnvs(f.PoolEnvs)
	f.OpenEnvs = sortEnvs(f.OpenEnvs)
	slices.SortFunc(f.At, func(a, b viperSite) int {
		return cmp.Or(strings.Compare(a.Key, b.Key), strings.Compare(a.At.File, b.At.File), a.At.Line-b.At.Line, a.At.Col-b.At.Col)
	})
	f.At = slices.Compact(f.At)
	s.pass.ExportPackageFact(&f)
}

// sortEnvs sorts envs and drops duplicates.
func sortEnvs(envs []viperEnv) []viperEnv {
	slices.SortFunc(envs, func(a, b viperEnv) int {
		return strings.Compare(a.Prefix+"\x00"+strings.Join(a.Pairs, "\x00"), b.Prefix+"\x00"+strings.Join(b.Pairs, "\x00"))
	})
	return slices.CompactFunc(envs, viperEnv.equal)
}

// viperProgram adds to p what the program's AutomaticEnv calls on the
// global instance read: the env key of each key some package asks, when
// every package names the keys it asks; otherwise the prefix, as any key
// under it may be read.
func (s *state) viperProgram(p *Program) {
	var envs, poolEnvs []viperEnv
	var asks, pool []string
	var at []Asked
	var typed []viperTyped
	var binds []viperBound
	var typeEnvs []viperEnv // the known settings, open or not, for typed asks
	open := false
	add := func(path string, f *viperGlobal) {
		typeEnvs = append(append(typeEnvs, f.Envs...), f.OpenEnvs...)
		typed = append(typed, f.Typed...)
		binds = append(binds, f.Binds...)
		envs = append(envs, f.Envs...)
		asks = append(asks, f.Asks...)
		poolEnvs = append(poolEnvs, f.PoolEnvs...)
		pool = append(pool, f.Pool...)
		if f.Open {
			open = true
		}
		for _, a := range f.At {
			at = append(at, Asked{Key: a.Key, At: a.At, Package: path})
		}
	}
	if s.vk != nil {
		add(s.pass.Pkg.Path(), &s.vk.fact)
	}
	for _, pf := range s.pass.AllPackageFacts() {
		if f, ok := pf.Fact.(*viperGlobal); ok && pf.Package != nil && pf.Package != s.pass.Pkg {
			add(pf.Package.Path(), f)
		}
	}
	viperPoolKeys(p, sortEnvs(poolEnvs), sortedSet(pool))
	viperTypes(p, sortEnvs(typeEnvs), sortEnvs(slices.Clone(poolEnvs)), typed, binds)
	if !open {
		p.Asked = viperAsked(envs, at)
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
		viperEnvKeys(p, e, asks)
	}
}

// viperEnvKeys adds to p the env key that e reads for each of asks (as a
// viperGlobal fact lists them): a key, or the prefix of a subtree; none
// for a key no shell can set.
func viperEnvKeys(p *Program, e viperEnv, asks []string) {
	for _, a := range asks {
		if k, sub := strings.CutSuffix(a, "*"); sub {
			p.Prefixes = append(p.Prefixes, e.key(k))
		} else if k := e.key(a); isEnvName(k) {
			p.Keys = append(p.Keys, k)
		}
	}
}

// viperAsked returns the env keys that the global instance's AutomaticEnv
// settings envs read for the asks at, one per setting and site; a subtree
// ask names no key.
func viperAsked(envs []viperEnv, at []Asked) []Asked {
	var out []Asked
	for _, e := range envs {
		for _, a := range at {
			if strings.HasSuffix(a.Key, "*") {
				continue
			}
			if k := e.key(a.Key); isEnvName(k) {
				out = append(out, Asked{Key: k, Viper: a.Key, At: a.At, Package: a.Package})
			}
		}
	}
	slices.SortFunc(out, func(a, b Asked) int {
		return cmp.Or(strings.Compare(a.Key, b.Key), strings.Compare(a.At.File, b.At.File), a.At.Line-b.At.Line, a.At.Col-b.At.Col)
	})
	return slices.Compact(out)
}
