// Package inventory turns the env-reference graphs of a program's
// packages into an inventory of its environment: every key, each place it
// is read or written, its default, whether it is required, and where a
// manifest declares it. "envvet env" prints it in several formats.
package inventory

import (
	"cmp"
	"go/token"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/envvet/envvet/analyzers/envgraph"
	"github.com/envvet/envvet/analyzers/envparse"
	"github.com/envvet/envvet/internal/manifest"
	"github.com/envvet/envvet/internal/wellknown"
)

// An Inventory is the environment of a program. Its JSON encoding is
// envvet env's stable -format=json schema, documented in the README.
type Inventory struct {
	Keys    []Key     `json:"keys"`    // sorted by key
	Unread  []Decl    `json:"unread"`  // declared keys that nothing reads, in manifest order; null when Incomplete
	Dynamic []Dynamic `json:"dynamic"` // reads of keys that are not constants, by position
	Environ []Site    `json:"environ"` // whole-environment scans (os.Environ, os.Clearenv), by position
	// Environments names the environments of the manifests' envvet.yaml
	// environments: sections, in order; each Key's Env follows it.
	Environments []string `json:"environments,omitempty"`
	// Incomplete lists the packages that did not type-check, sorted: their
	// references are not listed, and since one of them may read any
	// declared key, Unread is not computed (null).
	Incomplete []string `json:"incomplete,omitempty"`
}

// A Key is one environment variable and everything the program does with it.
type Key struct {
	Key       string  `json:"key"`
	Refs      []Ref   `json:"refs"`                // by position
	Default   *string `json:"default"`             // the first statically known default; null when none
	Required  bool    `json:"required"`            // some reference or declaration requires it
	Secret    bool    `json:"secret"`              // declared secret, or named like one
	Declared  []Decl  `json:"declared"`            // where manifests declare it; empty when undeclared
	WellKnown bool    `json:"wellKnown,omitempty"` // a process variable that needs no declaration
	// BadValue lists, by position, where a value of the key that does not
	// parse is not an error (envparse): it runs as zero or a default.
	BadValue []BadValue `json:"badValue,omitempty"`
	// Env says what each environment (Inventory.Environments) does with
	// the key; values of secret keys are left out.
	Env []EnvValue `json:"env,omitempty"`
	// Type lists the forms the reads expect the value in (envgraph.Type's
	// String: int, uint16, duration, []int, enum(a|b), ...), each once, in
	// the order of the reads; empty when every read takes it as a string.
	Type []string `json:"type,omitempty"`
	// Types are the same forms in full, and Description the manifest's,
	// else the code's (cleanenv's env-description); both serve
	// -format=schema only.
	Types       []envgraph.Type `json:"-"`
	Description string          `json:"-"`
}

// A BadValue is a place where a bad value of a key runs on (envparse).
type BadValue struct {
	Pos     string `json:"pos"`
	Rule    string `json:"rule"`    // envparse's rule: dropped, helper, loader, fallback, inverted
	By      string `json:"by"`      // the parse, helper or loader: strconv.Atoi, envutil.Int, env.Parse
	Outcome string `json:"outcome"` // runs as 0, runs as 25, leaves its field unset
}

// A Ref is one reference to a key.
type Ref struct {
	Pos      string   `json:"pos"`  // file:line:col, relative to the working directory
	Kind     string   `json:"kind"` // read, lookup, expand, struct tag, bind, write, unset
	Via      []string `json:"via"`  // helper chain, outermost first
	Package  string   `json:"package"`
	Module   string   `json:"module,omitempty"` // set for references inside dependencies
	Loader   string   `json:"loader"`
	Default  *string  `json:"default"`
	Required bool     `json:"required"`
	Field    string   `json:"field,omitempty"` // the struct field, for struct tags
	Flag     string   `json:"flag,omitempty"`  // the command-line flag the key backs (urfave/cli, kong, ff)
}

// A Decl is a key's declaration in a manifest.
type Decl struct {
	Key  string `json:"key,omitempty"`
	File string `json:"file"`
	Line int    `json:"line"`
}

// A Dynamic is a read whose key is not a constant.
type Dynamic struct {
	Site
	Expr   string `json:"expr"`
	Prefix string `json:"prefix,omitempty"`
}

// A Site is a reference that names no key.
type Site struct {
	Pos     string   `json:"pos"`
	Kind    string   `json:"kind"`
	Via     []string `json:"via,omitempty"`
	Package string   `json:"package"`
	Module  string   `json:"module,omitempty"`
}

// A Package is the input for one analyzed package.
type Package struct {
	Path   string
	Module string // module path; "" for the standard library
	Main   bool   // in the main module
	Dir    string
	Fset   *token.FileSet
	Refs   []envgraph.Ref
	// BadValues are envparse's findings in the package (its Result).
	BadValues []envparse.BadValue
	Manifest  *manifest.Manifest // governing the package; nil when none
	// Program is the whole program's view, for a main package (see
	// envgraph.Graph.Program); nil otherwise.
	Program *envgraph.Program
}

// Options control what Build includes.
type Options struct {
	Deps bool   // include references inside non-standard-library dependencies
	Dir  string // positions are written relative to Dir
	// Incomplete lists the packages that did not type-check, when one of
	// them may read a declared key (it belongs to a program, or there is
	// no main package): Unread is then not computed.
	Incomplete []string
}

// Build makes the inventory of pkgs. Only the main module's packages (and,
// with Deps, the other non-standard-library ones) are listed; what the
// programs among pkgs read decides which declared keys are unread. When
// several main packages share a manifest, a key is unread only if none of
// them reads it.
func Build(pkgs []Package, opts Options) *Inventory {
	b := &builder{
		opts:      opts,
		inv:       &Inventory{Keys: []Key{}, Unread: []Decl{}, Dynamic: []Dynamic{}, Environ: []Site{}},
		keys:      make(map[string]*Key),
		read:      make(map[string]bool),
		descs:     make(map[string]string),
		manifests: make(map[*manifest.Manifest]bool),
		seen:      make(map[string]bool),
	}
	for _, p := range pkgs {
		b.addPackage(p)
	}
	addAsked(b.keys, pkgs, opts, b.seen)
	b.addKeys()
	addEnvironments(b.inv, sortedManifests(b.manifests), opts.Dir)
	slices.SortFunc(b.inv.Dynamic, func(a, b Dynamic) int { return comparePos(a.Pos, b.Pos) })
	slices.SortFunc(b.inv.Environ, func(a, b Site) int { return comparePos(a.Pos, b.Pos) })
	if len(opts.Incomplete) > 0 {
		b.inv.Incomplete, b.inv.Unread = opts.Incomplete, nil
		return b.inv
	}
	b.addUnread()
	return b.inv
}

// A builder holds what Build gathers from the packages' references.
type builder struct {
	opts      Options
	inv       *Inventory
	keys      map[string]*Key
	read      map[string]bool   // keys some package reads
	descs     map[string]string // the first description a declaration in the code gives
	prefixes  []string          // prefixes of dynamic reads
	environ   bool              // a main package scans the whole environment
	manifests map[*manifest.Manifest]bool
	programs  []*envgraph.Program
	seen      map[string]bool // test variants repeat a package's references
}

// addPackage records p's references: all of them for what is read, and
// the listed packages' ones in the inventory.
func (b *builder) addPackage(p Package) {
	listed := p.Module != "" && (p.Main || b.opts.Deps)
	if p.Manifest != nil && (p.Main || b.opts.Deps) {
		b.manifests[p.Manifest] = true
	}
	if p.Program != nil {
		b.programs = append(b.programs, p.Program)
	}
	module := ""
	if !p.Main {
		module = p.Module
	}
	for _, r := range p.Refs {
		b.noteRead(p, r)
		if listed {
			b.addRef(p, module, r)
		}
	}
	if listed {
		addBadValues(b.keys, p, b.opts.Dir, b.seen)
	}
}

// noteRead records what r reads, for the declared keys nothing reads.
func (b *builder) noteRead(p Package, r envgraph.Ref) {
	if r.Kind.IsRead() && !r.Dynamic && r.Key != "" {
		b.read[r.Key] = true
	}
	// An environment handed on to a child process (cmd.Env =
	// os.Environ()) reads no key itself.
	if r.Kind == envgraph.Environ && p.Main && !r.Passed {
		b.environ = true
	}
	if (r.Dynamic || r.Kind == envgraph.Prefix) && r.Prefix != "" {
		b.prefixes = append(b.prefixes, r.Prefix)
	}
}

// addRef lists r, once per position, kind, key and expression.
func (b *builder) addRef(p Package, module string, r envgraph.Ref) {
	pos := position(p.Fset, r.Pos, b.opts.Dir)
	id := pos + "\x00" + r.Kind.String() + "\x00" + r.Key + "\x00" + r.Expr
	if b.seen[id] {
		return
	}
	b.seen[id] = true
	site := Site{Pos: pos, Kind: r.Kind.String(), Via: r.Via, Package: p.Path, Module: module}
	switch {
	case r.Dynamic || r.Kind == envgraph.Prefix:
		b.inv.Dynamic = append(b.inv.Dynamic, Dynamic{Site: site, Expr: r.Expr, Prefix: r.Prefix})
	case r.Kind == envgraph.Environ || r.Kind == envgraph.Clear:
		b.inv.Environ = append(b.inv.Environ, site)
	case r.Key != "":
		b.addKeyRef(p, site, r)
	}
}

// addKeyRef adds the reference of r at site to its key.
func (b *builder) addKeyRef(p Package, site Site, r envgraph.Ref) {
	k := b.keys[r.Key]
	if k == nil {
		k = &Key{Key: r.Key, Refs: []Ref{}, Declared: []Decl{}, WellKnown: wellknown.Allowed(r.Key, nil)}
		b.keys[r.Key] = k
	}
	if b.descs[r.Key] == "" {
		b.descs[r.Key] = r.Description
	}
	ref := Ref{
		Pos: site.Pos, Kind: site.Kind, Via: r.Via, Package: site.Package, Module: site.Module,
		Loader: r.Loader, Required: r.Required, Field: r.Field, Flag: r.Flag,
	}
	if r.HasDefault {
		ref.Default = &r.Default
	}
	k.Refs = append(k.Refs, ref)
	k.addType(r.Type)
	for _, d := range p.Manifest.Declarations(r.Key) {
		k.Declared = appendDecl(k.Declared, Decl{File: rel(d.File, b.opts.Dir), Line: d.Line})
	}
}

// addKeys completes each key from its references and the manifests, and
// lists the keys sorted.
func (b *builder) addKeys() {
	for _, k := range b.keys {
		slices.SortFunc(k.Refs, func(a, b Ref) int { return comparePos(a.Pos, b.Pos) })
		slices.SortFunc(k.BadValue, func(a, b BadValue) int { return comparePos(a.Pos, b.Pos) })
		for _, r := range k.Refs {
			if r.Default != nil && k.Default == nil {
				k.Default = r.Default
			}
			k.Required = k.Required || r.Required
		}
		k.Secret = looksSecret(k.Key)
		for m := range b.manifests {
			if d, ok := m.Lookup(k.Key); ok {
				k.Required = k.Required || d.Required
				k.Secret = k.Secret || d.Secret
				if k.Description == "" {
					k.Description = d.Description
				}
			}
		}
		if k.Description == "" {
			k.Description = b.descs[k.Key] // the manifest's comes first
		}
		b.inv.Keys = append(b.inv.Keys, *k)
	}
	slices.SortFunc(b.inv.Keys, func(a, b Key) int { return cmp.Compare(a.Key, b.Key) })
}

// addUnread lists the declared keys that nothing reads. A declared key is
// read if some program of those loaded reads it (each main package's
// Program covers its dependencies, with envgraph's rules for
// whole-environment scans); with no main package, if some loaded package
// reads it.
func (b *builder) addUnread() {
	isRead := func(key string) bool {
		if len(b.programs) > 0 {
			return slices.ContainsFunc(b.programs, func(p *envgraph.Program) bool { return p.Reads(key) })
		}
		return b.environ || b.read[key] || hasPrefix(key, b.prefixes)
	}
	for _, m := range sortedManifests(b.manifests) {
		for _, d := range m.Keys {
			if !wellknown.Allowed(d.Name, nil) && !isRead(d.Name) {
				b.inv.Unread = appendDecl(b.inv.Unread, Decl{Key: d.Name, File: rel(d.File, b.opts.Dir), Line: d.Line})
			}
		}
	}
}

// addAsked records the keys that packages without an AutomaticEnv of
// their own ask the global viper instance for, as each program's
// AutomaticEnv settings read them (envgraph.Program.Asked): those
// packages hold no reference to them.
func addAsked(keys map[string]*Key, pkgs []Package, opts Options, seen map[string]bool) {
	byPath := make(map[string]Package)
	for _, p := range pkgs {
		if _, ok := byPath[p.Path]; !ok {
			byPath[p.Path] = p
		}
	}
	for _, prog := range pkgs {
		if prog.Program == nil {
			continue
		}
		for _, a := range prog.Program.Asked {
			p, ok := byPath[a.Package]
			if !ok || p.Module == "" || !(p.Main || opts.Deps) {
				continue
			}
			pos := rel(a.At.File, opts.Dir) + ":" + strconv.Itoa(a.At.Line) + ":" + strconv.Itoa(a.At.Col)
			id := pos + "\x00" + envgraph.Bind.String() + "\x00" + a.Key + "\x00"
			if seen[id] {
				continue
			}
			seen[id] = true
			k := keys[a.Key]
			if k == nil {
				k = &Key{Key: a.Key, Refs: []Ref{}, Declared: []Decl{}, WellKnown: wellknown.Allowed(a.Key, nil)}
				keys[a.Key] = k
			}
			module := ""
			if !p.Main {
				module = p.Module
			}
			k.Refs = append(k.Refs, Ref{Pos: pos, Kind: envgraph.Bind.String(), Package: a.Package, Module: module, Loader: envgraph.LoaderViper})
			for _, d := range p.Manifest.Declarations(a.Key) {
				k.Declared = appendDecl(k.Declared, Decl{File: rel(d.File, opts.Dir), Line: d.Line})
			}
		}
	}
}

// addBadValues records p's envparse findings on the keys they name that
// the program reads by name.
func addBadValues(keys map[string]*Key, p Package, dir string, seen map[string]bool) {
	for _, b := range p.BadValues {
		k := keys[b.Key]
		if k == nil {
			continue
		}
		pos := position(p.Fset, b.Pos, dir)
		id := "bad\x00" + pos + "\x00" + b.Key + "\x00" + b.Rule
		if seen[id] {
			continue // a test variant of the package
		}
		seen[id] = true
		k.BadValue = append(k.BadValue, BadValue{Pos: pos, Rule: b.Rule, By: b.By, Outcome: b.Outcome})
	}
}

func appendDecl(list []Decl, d Decl) []Decl {
	if slices.Contains(list, d) {
		return list
	}
	return append(list, d)
}

func sortedManifests(set map[*manifest.Manifest]bool) []*manifest.Manifest {
	var ms []*manifest.Manifest
	for m := range set {
		ms = append(ms, m)
	}
	slices.SortFunc(ms, func(a, b *manifest.Manifest) int {
		return cmp.Compare(strings.Join(a.Files, ","), strings.Join(b.Files, ","))
	})
	return ms
}

func hasPrefix(key string, prefixes []string) bool {
	return slices.ContainsFunc(prefixes, func(p string) bool { return strings.HasPrefix(key, p) })
}

// looksSecret reports whether a key's name suggests a secret value.
func looksSecret(key string) bool {
	for _, w := range strings.Split(strings.ToUpper(key), "_") {
		switch w {
		case "PASSWORD", "PASSWD", "PASS", "SECRET", "TOKEN", "APIKEY", "CREDENTIALS", "PRIVATE", "DSN":
			return true
		}
	}
	return strings.HasSuffix(strings.ToUpper(key), "API_KEY")
}

func position(fset *token.FileSet, pos token.Pos, dir string) string {
	if fset == nil || !pos.IsValid() {
		return "-"
	}
	p := fset.Position(pos)
	p.Filename = rel(p.Filename, dir)
	return p.String()
}

func rel(name, dir string) string {
	if dir == "" || !filepath.IsAbs(name) {
		return filepath.ToSlash(name)
	}
	if r, err := filepath.Rel(dir, name); err == nil && !strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return filepath.ToSlash(r)
	}
	return filepath.ToSlash(name)
}

// comparePos orders "file:line:col" positions by file, then numerically.
func comparePos(a, b string) int {
	fa, la, ca := splitPos(a)
	fb, lb, cb := splitPos(b)
	return cmp.Or(cmp.Compare(fa, fb), cmp.Compare(la, lb), cmp.Compare(ca, cb))
}

func splitPos(s string) (file string, line, col int) {
	file = s
	nums := [2]int{}
	for i := 1; i >= 0; i-- {
		j := strings.LastIndexByte(file, ':')
		if j < 0 {
			break
		}
		n := 0
		for _, c := range file[j+1:] {
			if c < '0' || c > '9' {
				return s, 0, 0
			}
			n = n*10 + int(c-'0')
		}
		nums[i] = n
		file = file[:j]
	}
	return file, nums[0], nums[1]
}
