package dbpool

import (
	"go/types"
	"runtime"
	"testing"
	"time"
)

func newPkgs(paths ...string) map[string]*types.Package {
	m := make(map[string]*types.Package)
	for _, p := range paths {
		m[p] = types.NewPackage(p, p)
	}
	return m
}

// TestImportsSQL checks importsSQL's answers, that they are remembered
// per package (an import changed after the first question does not
// change the answer: a package's imports are fixed once type-checked),
// and that a walk through an import cycle remembers nothing after it.
func TestImportsSQL(t *testing.T) {
	p := newPkgs("database/sql", "a", "b", "c", "d", "e", "f", "g")
	p["a"].SetImports([]*types.Package{p["c"], p["b"]})
	p["b"].SetImports([]*types.Package{p["database/sql"]})
	p["c"].SetImports([]*types.Package{p["d"]})
	p["e"].SetImports([]*types.Package{p["f"]})
	p["f"].SetImports([]*types.Package{p["e"]}) // a cycle: only in code that does not type-check
	p["g"].SetImports([]*types.Package{p["e"]})
	var s sqlImports
	for _, tc := range []struct {
		pkg  string
		want bool
	}{{"a", true}, {"b", true}, {"c", false}, {"d", false}, {"database/sql", true}, {"g", false}} {
		if got := s.importsSQL(p[tc.pkg]); got != tc.want {
			t.Errorf("importsSQL(%s) = %v, want %v", tc.pkg, got, tc.want)
		}
	}
	// Remembered: b's and d's answers stand, though their imports change.
	p["b"].SetImports(nil)
	p["d"].SetImports([]*types.Package{p["database/sql"]})
	if !s.importsSQL(p["a"]) || s.importsSQL(p["c"]) {
		t.Errorf("importsSQL: answers not remembered")
	}
	// Not remembered after the cycle: e and g's answers follow the change.
	p["f"].SetImports([]*types.Package{p["database/sql"]})
	if !s.importsSQL(p["g"]) {
		t.Errorf("importsSQL(g) after the cycle is broken = false, want true")
	}
}

// TestImportsSQLForgets checks that the memo keeps no package alive: an
// entry goes once its package is collected.
func TestImportsSQLForgets(t *testing.T) {
	var s sqlImports
	func() {
		p := newPkgs("x", "y")
		p["x"].SetImports([]*types.Package{p["y"]})
		s.importsSQL(p["x"])
	}()
	if n := entries(&s); n != 2 {
		t.Fatalf("%d entries after one question, want 2", n)
	}
	deadline := time.Now().Add(10 * time.Second)
	for entries(&s) > 0 && time.Now().Before(deadline) {
		runtime.GC()
		time.Sleep(time.Millisecond)
	}
	if n := entries(&s); n != 0 {
		t.Errorf("%d entries left after the packages were collected, want 0", n)
	}
}

func entries(s *sqlImports) int {
	n := 0
	s.m.Range(func(any, any) bool { n++; return true })
	return n
}
