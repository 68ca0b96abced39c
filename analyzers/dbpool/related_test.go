package dbpool_test

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
)

// related returns, for each diagnostic of dbpool with the default
// settings in the packages dir/... (from TestDefaults' run, see defaults)
// whose message contains one of subjects, its related information as
// "file:line:col: message" (paths relative to testdata/src), failing on
// an invalid position.
func related(t *testing.T, dir string, subjects ...string) map[string][]string {
	t.Helper()
	src := filepath.Join(analysistest.TestData(), "src") + string(filepath.Separator)
	out := map[string][]string{}
	for _, r := range defaults(t).results {
		if path := r.Action.Package.PkgPath; path != dir && !strings.HasPrefix(path, dir+"/") {
			continue
		}
		fset := r.Action.Package.Fset
		for _, d := range r.Action.Diagnostics {
			for _, s := range subjects {
				if !strings.Contains(d.Message, s) {
					continue
				}
				rel := []string{}
				for _, ri := range d.Related {
					p := fset.Position(ri.Pos)
					if !ri.Pos.IsValid() || !p.IsValid() {
						t.Errorf("%s: related %q has no position", s, ri.Message)
						continue
					}
					rel = append(rel, fmt.Sprintf("%s:%d:%d: %s", filepath.ToSlash(strings.TrimPrefix(p.Filename, src)), p.Line, p.Column, ri.Message))
				}
				out[s] = rel
			}
		}
	}
	return out
}

func TestRelatedShared(t *testing.T) {
	got := related(t, "shared", "store.DB (max 20 open) is shared", "gdb.G (max 15 open) is shared")
	want := map[string][]string{
		// The holder's declaration, then one entry per package, at its
		// first read; order reads the pool through the accessor
		// store.Conn.
		"store.DB (max 20 open) is shared": {
			"shared/store/store.go:7:5: the pool is kept in variable store.DB, declared here",
			"shared/coupon/coupon.go:7:3: package coupon uses store.DB here",
			"shared/order/order.go:9:8: package order uses store.DB here",
			"shared/user/user.go:9:12: package user uses store.DB here",
		},
		"gdb.G (max 15 open) is shared": {
			"shared/gdb/gdb.go:6:5: the pool is kept in variable gdb.G, declared here",
			"shared/order/order.go:14:24: package order uses gdb.G here",
			"shared/user/user.go:13:24: package user uses gdb.G here",
		},
	}
	for s, w := range want {
		if g, ok := got[s]; !ok {
			t.Errorf("no finding %q", s)
		} else if !slices.Equal(g, w) {
			t.Errorf("%s: related\n%q\nwant\n%q", s, g, w)
		}
	}
}

func TestRelatedPerCall(t *testing.T) {
	got := related(t, "percall",
		"sql.Open opens a new pool on every request in handler percall.handleLogin",
		"sqlx.MustConnect opens a new pool",
		"in the handler literal on line 31",
		"percall.exportAll opens and closes its own pool (sql.Open) on every call, and is called on every iteration",
		"on every iteration of the loop on line 57",
	)
	want := map[string][]string{
		"sql.Open opens a new pool on every request in handler percall.handleLogin": {
			"percall/percall.go:13:6: handler percall.handleLogin runs once per request",
			"percall/percall.go:197:62: handler percall.handleLogin is passed to mux.HandleFunc here",
		},
		"sqlx.MustConnect opens a new pool": {
			"percall/percall.go:24:18: handler percall.Server.ServeHTTP runs once per request",
		},
		"in the handler literal on line 31": {
			"percall/percall.go:31:28: this handler literal, passed to mux.HandleFunc, runs once per request",
		},
		"percall.exportAll opens and closes its own pool (sql.Open) on every call, and is called on every iteration": {
			"percall/percall.go:65:2: each iteration of this loop opens the pool again",
		},
		"on every iteration of the loop on line 57": {
			"percall/percall.go:57:2: each iteration of this loop opens the pool again",
		},
	}
	for s, w := range want {
		if g, ok := got[s]; !ok {
			t.Errorf("no finding %q", s)
		} else if !slices.Equal(g, w) {
			t.Errorf("%s: related\n%q\nwant\n%q", s, g, w)
		}
	}
}
