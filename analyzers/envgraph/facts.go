package envgraph

import (
	"fmt"
	"strconv"
	"strings"
)

// envHelper is the object fact on a *types.Func whose string parameters
// reach an environment reference: calling it with a constant for such a
// parameter references that key. Params is sorted by Index and Via holds
// the helpers below this one, so the fact encodes identically on every run.
type envHelper struct {
	Params []helperParam
	Loads  []loadSpec // parameters whose struct a struct-tag loader fills
}

// A helperParam describes one key parameter of a helper.
type helperParam struct {
	Index    int
	Kind     Kind // the reference the key reaches
	Variadic bool // the ...string parameter: every argument from Index on is a key
	// Skip is, for a Variadic parameter, how many of its first arguments
	// are not keys: 1 for bind(input ...string) calling
	// viper.BindEnv(input...), whose first argument is viper's key.
	Skip int
	List bool // a []string parameter: every element of the argument is a key

	// The key read is Prefix + key + Suffix, upper-cased first when Upper.
	Prefix, Suffix string
	Upper          bool

	Loader string
	Via    []string // the helpers called below this one, outermost first

	// Sites locates the chain: Sites[0] is the call in this helper that
	// passes the key on to Via[0] (or reads it, with Via empty), Sites[i]
	// the call in Via[i-1]. Reader is the function the last helper calls
	// to read the key (os.Getenv, viper.BindEnv); "" when the chains
	// through this parameter disagree. Sites has at most len(Via)+1
	// entries, fewer when the chains part; String leaves both out.
	Sites  []Site
	Reader string

	// DefaultParam is the index of the parameter holding the default for
	// this key, -1 if none; ConstDefault is a default fixed inside the
	// helper (getString(key) calling get(key, "")).
	DefaultParam    int
	ConstDefault    string
	HasConstDefault bool

	// Type is what the helper, or a helper below it, parses the value
	// as; Mixed is set when its parses disagree (Type is then unknown).
	Type  Type
	Mixed bool
}

func (*envHelper) AFact() {}

func (f *envHelper) String() string {
	var parts []string
	for _, p := range f.Params {
		parts = append(parts, p.String())
	}
	for _, l := range f.Loads {
		parts = append(parts, l.String())
	}
	return "envHelper(" + strings.Join(parts, " ") + ")"
}

func (p helperParam) String() string {
	var b strings.Builder
	switch {
	case p.Variadic && p.Skip > 0:
		fmt.Fprintf(&b, "%d:keys[%d:].../%s", p.Index, p.Skip, p.Kind)
	case p.Variadic:
		fmt.Fprintf(&b, "%d:keys.../%s", p.Index, p.Kind)
	case p.List:
		fmt.Fprintf(&b, "%d:keys[]/%s", p.Index, p.Kind)
	default:
		fmt.Fprintf(&b, "%d:key/%s", p.Index, p.Kind)
	}
	if p.Prefix != "" || p.Suffix != "" || p.Upper {
		b.WriteString("=")
		if p.Prefix != "" {
			b.WriteString(strconv.Quote(p.Prefix) + "+")
		}
		if p.Upper {
			b.WriteString("upper(key)")
		} else {
			b.WriteString("key")
		}
		if p.Suffix != "" {
			b.WriteString("+" + strconv.Quote(p.Suffix))
		}
	}
	if len(p.Via) > 0 {
		b.WriteString(" via " + strings.Join(p.Via, ","))
	}
	if p.Type.Known() {
		b.WriteString(" type=" + p.Type.String())
	}
	if p.DefaultParam >= 0 {
		fmt.Fprintf(&b, " %d:default", p.DefaultParam)
	} else if p.HasConstDefault {
		fmt.Fprintf(&b, " default=%q", p.ConstDefault)
	}
	return b.String()
}

// param returns the key parameter with index i.
func (f *envHelper) param(i int) (helperParam, bool) {
	for _, p := range f.Params {
		if p.Index == i {
			return p, true
		}
	}
	return helperParam{}, false
}

// envPackage is the package fact of every package that references the
// environment or declares helpers (directly or through its imports). All
// slices are sorted and free of duplicates.
type envPackage struct {
	Keys       []string // keys read (Kind.IsRead), Alt keys included
	Prefixes   []string // constant prefixes of dynamic reads, viper prefixes
	Environ    bool     // calls os.Environ
	Std        bool     // belongs to the standard library
	Unprefixed bool     // reads a dynamic key with no constant prefix
	// Helpers is set when this package or one it imports declares an
	// exported helper, so that importers cannot take the fast path.
	Helpers bool
	// Types lists the reads whose value has a known type, sorted by key
	// and site.
	Types []KeyType
}

func (*envPackage) AFact() {}

func (f *envPackage) String() string {
	var parts []string
	if len(f.Keys) > 0 {
		parts = append(parts, "keys="+strings.Join(f.Keys, ","))
	}
	if len(f.Prefixes) > 0 {
		parts = append(parts, "prefixes="+strings.Join(f.Prefixes, ","))
	}
	if f.Environ {
		parts = append(parts, "environ")
	}
	if f.Std {
		parts = append(parts, "std")
	}
	if f.Unprefixed {
		parts = append(parts, "unprefixed")
	}
	if f.Helpers {
		parts = append(parts, "helpers")
	}
	for _, t := range f.Types {
		parts = append(parts, t.Key+":"+t.Type.String())
	}
	return "envPackage(" + strings.Join(parts, " ") + ")"
}

func (f *envPackage) empty() bool {
	return len(f.Keys) == 0 && len(f.Prefixes) == 0 && !f.Environ && !f.Unprefixed && !f.Helpers
}
