package dbpool

import (
	"fmt"
	"slices"
	"strings"
)

// A fate is what a function does with one pool value: who ends up using
// it, where it is stored, and whether anything limits it. Slices are
// sorted and free of duplicates so that facts encode deterministically.
type fate struct {
	Users    []string // import paths of the packages that use the pool
	Slots    []string // keys of the package variables and fields the pool is stored in
	Limited  bool     // SetMaxOpenConns is called on the pool
	Max      int      // the constant given to SetMaxOpenConns, when known and positive
	Escapes  bool     // the pool goes somewhere this analyzer cannot follow
	Held     bool     // the pool is in a struct field, and the struct leaves the function
	Captured bool     // a closure (a handler, a goroutine) uses the pool
}

func (f *fate) merge(g fate) {
	f.Users = addAll(f.Users, g.Users...)
	f.Slots = addAll(f.Slots, g.Slots...)
	f.Escapes = f.Escapes || g.Escapes
	f.Held = f.Held || g.Held
	f.Captured = f.Captured || g.Captured
	if g.Limited {
		f.Limited = true
		if g.Max > f.Max {
			f.Max = g.Max
		}
	}
}

func (f fate) String() string {
	var parts []string
	if len(f.Users) > 0 {
		parts = append(parts, "users="+strings.Join(f.Users, ","))
	}
	if len(f.Slots) > 0 {
		parts = append(parts, "slots="+strings.Join(f.Slots, ","))
	}
	if f.Limited {
		parts = append(parts, fmt.Sprintf("limited=%d", f.Max))
	}
	if f.Escapes {
		parts = append(parts, "escapes")
	}
	if f.Held {
		parts = append(parts, "held")
	}
	if f.Captured {
		parts = append(parts, "captured")
	}
	return strings.Join(parts, " ")
}

// poolParams is a fact on a *types.Func with pool-typed parameters: the
// fate, inside the function and its callees, of the pool passed as each
// parameter. Params is sorted by Index.
type poolParams struct {
	Params []paramFate
}

type paramFate struct {
	Index int
	Fate  fate
}

func (*poolParams) AFact() {}
func (f *poolParams) String() string {
	var b strings.Builder
	b.WriteString("poolParams(")
	for i, p := range f.Params {
		if i > 0 {
			b.WriteString("; ")
		}
		fmt.Fprintf(&b, "%d: %s", p.Index, p.Fate)
	}
	b.WriteString(")")
	return b.String()
}

func (f *poolParams) param(i int) (fate, bool) {
	for _, p := range f.Params {
		if p.Index == i {
			return p.Fate, true
		}
	}
	return fate{}, false
}

// poolResult is a fact on a *types.Func that returns a pool as result
// Index: either the value of a pool variable or field (Slot, an accessor
// such as func Conn() *sql.DB { return DB }) or a pool that the function
// or its callees opened (Site) and did not limit.
type poolResult struct {
	Index int
	Slot  string // key of the slot whose pool is returned; "" for an opened pool
	Site  string // for an opened pool: "sql.Open in store.Open"
	Fate  fate   // for an opened pool: what happened to it before it was returned
	Test  bool   // for an opened pool: a test's pool (see testPool)
}

func (*poolResult) AFact() {}
func (f *poolResult) String() string {
	if f.Slot != "" {
		return fmt.Sprintf("poolResult(%d: slot %s)", f.Index, f.Slot)
	}
	s := fmt.Sprintf("poolResult(%d: %s", f.Index, f.Site)
	if fs := f.Fate.String(); fs != "" {
		s += " " + fs
	}
	if f.Test {
		s += " test"
	}
	return s + ")"
}

// opensOwnPool is a fact on a *types.Func that opens a pool, keeps it in a
// local variable and closes it before returning, directly or through the
// functions in Via (callee first): every call opens a fresh pool.
type opensOwnPool struct {
	Open string   // the opening function, e.g. "sql.Open"
	Via  []string // the chain of helpers below this function, nearest first
	// Params are the indices of the parameters (receiver excluded) that the
	// data source name of every pool it opens depends on, through local
	// variables and helpers: the function opens a pool per argument there.
	Params []int
}

func (*opensOwnPool) AFact() {}
func (f *opensOwnPool) String() string {
	if len(f.Via) == 0 {
		return "opensOwnPool(" + f.Open + ")"
	}
	return "opensOwnPool(" + f.Open + " via " + strings.Join(f.Via, " → ") + ")"
}

// pkgPools is the package fact: what the package does with pool variables
// and fields (Slots, sorted by key) and which pools it opened into them
// without limiting them (Opens, sorted by Pos). The program's main package
// combines the facts of all packages.
type pkgPools struct {
	Slots []slotFact
	Opens []openFact
}

type slotFact struct {
	Key     string   // "example.com/store.DB" or "example.com/store.Repo.db"
	Name    string   // "store.DB", "store.Repo.db"
	PkgPath string   // package declaring the variable or the struct type
	Obj     string   // the variable's or struct type's name
	Field   string   // the field's name; "" for a package variable
	Decl    string   // "file:line" of the declaration, set by the declaring package
	Reach   bool     // a function of this package reads the variable (rule 1)
	Use     string   // with Reach, "file:line:col" of the package's first such read; String leaves it out
	Users   []string // packages that use the pool reached through this slot
	Limited bool
	Max     int
	// Open is "file:line:col" of the first call in this package that
	// opens a pool into the slot, OpenSite names it ("sql.Open in
	// store.Init") and OpenPkg is this package's path.
	Open, OpenSite, OpenPkg string
}

type openFact struct {
	Site  string // "sql.Open in store.Init"
	Pos   string // "file:line:col" of the open call
	Slots []string
	Users []string
}

func (*pkgPools) AFact() {}
func (f *pkgPools) String() string {
	var parts []string
	for _, s := range f.Slots {
		p := s.Key
		if s.Reach {
			p += " reach"
		}
		if len(s.Users) > 0 {
			p += " users=" + strings.Join(s.Users, ",")
		}
		if s.Limited {
			p += fmt.Sprintf(" limited=%d", s.Max)
		}
		parts = append(parts, p)
	}
	for _, o := range f.Opens {
		parts = append(parts, "open "+o.Site+" into "+strings.Join(o.Slots, ","))
	}
	return "pkgPools(" + strings.Join(parts, "; ") + ")"
}

// addAll adds xs to the sorted set s.
func addAll(s []string, xs ...string) []string {
	for _, x := range xs {
		if i, found := slices.BinarySearch(s, x); !found {
			s = slices.Insert(s, i, x)
		}
	}
	return s
}
