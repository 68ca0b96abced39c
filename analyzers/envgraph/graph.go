package envgraph

import (
	"go/token"
	"slices"
	"strings"
)

// A Kind says how a reference touches the environment.
type Kind uint8

const (
	Read    Kind = iota + 1 // os.Getenv: the value, "" when unset
	Lookup                  // os.LookupEnv, syscall.Getenv: the value and whether it is set
	Expand                  // a $KEY or ${KEY} inside os.ExpandEnv / os.Expand's template
	Tag                     // a struct field filled by a struct-tag loader
	Bind                    // viper.BindEnv: the key is read through viper
	Prefix                  // viper SetEnvPrefix + AutomaticEnv: any key with Ref.Prefix may be read
	Environ                 // os.Environ: the whole environment is read
	Write                   // os.Setenv, syscall.Setenv, (*testing.T).Setenv, (*testing.B).Setenv, (*testing.F).Setenv, testing.TB.Setenv
	Unset                   // os.Unsetenv, syscall.Unsetenv
	Clear                   // os.Clearenv: the whole environment is removed
)

var kindNames = [...]string{
	Read: "read", Lookup: "lookup", Expand: "expand", Tag: "struct tag", Bind: "bind",
	Prefix: "prefix", Environ: "whole environment", Write: "write", Unset: "unset", Clear: "clear",
}

func (k Kind) String() string {
	if int(k) < len(kindNames) && kindNames[k] != "" {
		return kindNames[k]
	}
	return "unknown"
}

// IsRead reports whether a reference of kind k reads the value of its key
// (as opposed to writing it or touching the environment as a whole).
func (k Kind) IsRead() bool {
	switch k {
	case Read, Lookup, Expand, Tag, Bind:
		return true
	}
	return false
}

// Loaders, as recorded in Ref.Loader.
const (
	LoaderOS          = "os"           // os, syscall and testing
	LoaderCaarlos     = "caarlos0/env" // github.com/caarlos0/env (v6 to v11)
	LoaderEnvconfig   = "envconfig"    // github.com/kelseyhightower/envconfig
	LoaderGoEnvconfig = "go-envconfig" // github.com/sethvargo/go-envconfig
	LoaderViper       = "viper"        // github.com/spf13/viper
	LoaderUrfave      = "urfave/cli"   // github.com/urfave/cli (v1 to v3): a flag's env fallback
	LoaderKong        = "kong"         // github.com/alecthomas/kong
	LoaderCleanenv    = "cleanenv"     // github.com/ilyakaznacheev/cleanenv
	LoaderFF          = "ff"           // github.com/peterbourgon/ff/v3: flags from prefixed env keys
	LoaderKoanf       = "koanf"        // github.com/knadh/koanf env provider
	LoaderGodotenv    = "godotenv"     // github.com/joho/godotenv: keys of a .env file the program loads
	LoaderConfigor    = "configor"     // github.com/jinzhu/configor: a struct's fields under a prefix
)

// A Ref is one reference to the environment in the current package.
type Ref struct {
	// Key is the variable's name; "" when Dynamic or for whole-environment
	// kinds (Environ, Clear) and Prefix.
	Key  string
	Kind Kind

	// Pos and End delimit the node a diagnostic about this reference is
	// reported at: the key argument of the call (or of the outermost helper
	// call), the struct field, or the template string given to ExpandEnv.
	Pos, End token.Pos

	// Via is the chain of helpers the key went through, outermost first,
	// each written package.Func or package.Type.Method (package name, not
	// path): ["envutil.Int", "envutil.Get"]. Empty for a direct call.
	Via []string

	// Steps locates the helper chain of Via: Steps[i] is the call inside
	// Via[i] that passes the key on to Via[i+1], or, for the last helper,
	// reads it. Steps is shorter than Via (or empty) when a helper passes
	// the key on at more than one call.
	Steps []Step

	// LoadPos and LoadEnd delimit the loader call (env.Parse(&cfg), or the
	// helper call that loads) of a Tag reference, and LoadFunc names the
	// function called, package.Func; NoPos when unknown.
	LoadPos, LoadEnd token.Pos
	LoadFunc         string

	Default    string // the default value, when statically known
	HasDefault bool
	Required   bool   // the loader fails when the key is unset (required, notEmpty)
	Loader     string // one of the Loader constants

	// EmptyOff is set on a read without a default whose empty value the
	// code at the read handles as the setting left off: it leaves
	// (if v == "" { return }), gives the variable another value, or uses
	// the value only where it is set (if v != "" { enable(v) }), and
	// nothing on the empty path fails (an error, panic, log.Fatal,
	// os.Exit, a usage message). Such a read is optional, as if its
	// default were "", but Default and HasDefault stay unset: no value
	// is known to stand in for it.
	EmptyOff bool

	// Dynamic is set when the key is not a constant. Expr is then the
	// key's source expression and Prefix its constant prefix, if any
	// ("APP_" for os.Getenv("APP_" + name)). For Kind Prefix, Prefix is the
	// viper prefix, already joined with its "_" ("APP_").
	Dynamic bool
	Expr    string
	Prefix  string

	// Field is the struct field ("Config.Port") for Kind Tag.
	Field string

	// Flag is the command-line flag ("port", without dashes) whose
	// environment fallback Key is, for urfave/cli, kong and ff.
	Flag string

	// Passed is set on an Environ reference whose result is handed on to
	// a child process unread (cmd.Env = append(os.Environ(), "X=1")).
	Passed bool

	// Alt is the second key a loader tries when Key is unset: envconfig
	// (kelseyhightower) looks up the upper-cased tag without its prefix.
	Alt string

	// Override is set on the env key of a key asked of a configuration
	// library (viper.GetString("http.port") under AutomaticEnv, koanf's
	// env provider): the value may as well come from a config file or a
	// default, and the environment only overrides it, so a manifest need
	// not declare it. The key still counts as read.
	Override bool

	// Group lists, in order, every key of a declaration that names several
	// keys tried in turn until one is set (urfave/cli EnvVars, kong and
	// cleanenv env:"A,B", the names of one viper.BindEnv call), Key
	// included; nil for a declaration of one key.
	// Setting any of them will do.
	Group []string

	// Description is what the declaration says the key is for
	// (cleanenv's env-description); "" when it says nothing.
	Description string

	// Type is the form the program expects the value in: the parse
	// applied to it (strconv.Atoi, time.ParseDuration, ...) directly,
	// through a variable or through helpers, the type of a struct-tag
	// loader's field, or of a library flag (urfave/cli IntFlag). Unknown
	// (the zero Type) when the value is used as a string, or parsed in
	// ways that disagree.
	Type Type
}

// A Graph is envgraph's result for one package.
type Graph struct {
	refs     []Ref
	program  *Program
	imported []KeyType
	helpers  bool
}

// Refs returns the package's references in source order.
func (g *Graph) Refs() []Ref { return g.refs }

// DeclaresHelpers reports whether the package declares an env helper,
// exported or not: a function, method or closure some Ref.Steps may pass
// through.
func (g *Graph) DeclaresHelpers() bool { return g.helpers }

// Program returns the whole program's view of the environment, as seen
// from this package and everything it imports, transitively. It is computed
// only for main packages (nil otherwise), because gathering every
// dependency's facts is the one step that grows with the program.
func (g *Graph) Program() *Program { return g.program }

// A Program summarizes every reference of a program's packages.
type Program struct {
	// Keys lists each key read (IsRead) anywhere in the program, sorted,
	// without duplicates.
	Keys []string
	// Prefixes lists the constant prefixes of dynamic reads and viper
	// AutomaticEnv prefixes, sorted, without duplicates and without "".
	Prefixes []string
	// Environ lists the packages that read the whole environment
	// (os.Environ), sorted. The standard library and the struct-tag
	// loaders are left out: os/exec hands the environment to child
	// processes and caarlos0/env snapshots it to look keys up one by one,
	// and counting them would make every key of every program "read".
	Environ []string
	// Unprefixed lists the packages that read a dynamic key with no
	// constant prefix (os.Getenv(name), viper.AutomaticEnv without
	// SetEnvPrefix), sorted. Reads does not consult it: such a read could
	// be any key, and a check must decide for itself what that means.
	Unprefixed []string
	// Types lists every read of the program whose value has a known
	// type, sorted by key, then by site.
	Types []KeyType
	// Asked lists the keys that packages without an AutomaticEnv of
	// their own ask the global viper instance for, as env keys under
	// the program's AutomaticEnv settings, sorted by key, then site; nil
	// when some package asks for keys it cannot name. Those packages
	// hold no reference to them (Keys has them all the same).
	Asked []Asked
}

// An Asked is a key asked of the global viper instance, where, and by
// which package.
type Asked struct {
	Key     string // the env key
	Viper   string // viper's key, lower case
	At      Site
	Package string
}

// A KeyType is the type one read of a key expects its value in, and
// where that read is.
type KeyType struct {
	Key  string
	Type Type
	At   Site
}

// TypesOf returns the reads of key with a known type, in site order.
func (p *Program) TypesOf(key string) []KeyType {
	if p == nil {
		return nil
	}
	i, _ := slices.BinarySearchFunc(p.Types, key, func(t KeyType, k string) int { return strings.Compare(t.Key, k) })
	j := i
	for j < len(p.Types) && p.Types[j].Key == key {
		j++
	}
	return p.Types[i:j]
}

// sortKeyTypes sorts ts by key and site and drops duplicates.
func sortKeyTypes(ts []KeyType) []KeyType {
	slices.SortFunc(ts, func(a, b KeyType) int {
		if c := strings.Compare(a.Key, b.Key); c != 0 {
			return c
		}
		if c := strings.Compare(a.At.File, b.At.File); c != 0 {
			return c
		}
		if a.At.Line != b.At.Line {
			return a.At.Line - b.At.Line
		}
		return a.At.Col - b.At.Col
	})
	return slices.CompactFunc(ts, func(a, b KeyType) bool { return a.Key == b.Key && a.At == b.At })
}

// Reads reports whether the program may read key: it reads it by name,
// reads a dynamic key with a matching constant prefix, or scans the whole
// environment.
// A nil Program reads nothing.
func (p *Program) Reads(key string) bool {
	if p == nil {
		return false
	}
	if len(p.Environ) > 0 {
		return true
	}
	if _, found := slices.BinarySearch(p.Keys, key); found {
		return true
	}
	for _, prefix := range p.Prefixes {
		if strings.HasPrefix(key, prefix) {
			return true
		}
	}
	return false
}

// ImportedTypes returns the typed reads of the packages this package
// imports, transitively, sorted by key and site. It is computed only for
// packages that have typed reads of their own (nil otherwise), so that a
// check can compare the two.
func (g *Graph) ImportedTypes() []KeyType { return g.imported }
