package envkeys_test

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
)

// TestRelated checks the related information of undeclared keys: one
// entry per helper of the chain, in this package or an imported one, and
// the loader call of a struct field.
func TestRelated(t *testing.T) {
	results := defaults.Check(t, "related")
	src, _ := filepath.Abs(filepath.Join(analysistest.TestData(), "src"))
	got := make(map[string][]string) // key → "file:line:col: message"
	for _, r := range results {
		for _, d := range r.Diagnostics {
			key, _, _ := strings.Cut(strings.TrimPrefix(d.Message, `env key "`), `"`)
			var rel []string
			for _, ri := range d.Related {
				if !ri.Pos.IsValid() {
					t.Errorf("%s: related %q has no position", key, ri.Message)
					continue
				}
				p := r.Pass.Fset.Position(ri.Pos)
				name, _ := filepath.Rel(src, p.Filename)
				rel = append(rel, fmt.Sprintf("%s:%d:%d: %s", filepath.ToSlash(name), p.Line, p.Column, ri.Message))
			}
			got[key] = rel
		}
	}
	for key, want := range map[string][]string{
		"REL_HOST": {"related/related.go:35:6: field Config.Host loaded by env.Parse"},
		"REL_LOCAL": {
			"related/related.go:17:9: passed by helper related.str to related.lookup",
			"related/related.go:13:9: read by helper related.lookup via os.Getenv",
		},
		// The imported helper's sites survive its fact.
		"REL_INT": {
			"envutil/envutil.go:20:25: passed by helper envutil.Int to envutil.Get",
			"envutil/envutil.go:12:14: read by helper envutil.Get via os.LookupEnv",
		},
		// Two reads in either: no single site to point at.
		"REL_EITHER": nil,
		"REL_DIRECT": nil,
	} {
		if g, ok := got[key]; !ok {
			t.Errorf("%s: no diagnostic", key)
		} else if !slices.Equal(g, want) {
			t.Errorf("%s: related\n%q\nwant\n%q", key, g, want)
		}
	}
}
