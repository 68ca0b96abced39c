package envgraph_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/envvet/envvet/analyzers/envgraph"
	"github.com/envvet/envvet/internal/rulestest"
)

// urfaveOldPaths runs refs on a program that imports urfave/cli v1 by
// both paths older programs use: gopkg.in/urfave/cli.v1 and
// github.com/codegangsta/cli, the project's name before it moved. Its
// packages are in src, the other tests' load.
var urfaveOldPaths = rulestest.NewSharedLoad(src, refs, "urfaveoldpaths")

// TestURFaveOldPaths checks that a flag's EnvVar names keys under those
// paths as under github.com/urfave/cli (the program's own type with an
// EnvVar field names none), and that the library's lookups of those
// names by a variable are not the program's dynamic reads.
func TestURFaveOldPaths(t *testing.T) {
	const pkg = "urfaveoldpaths"
	var prog *envgraph.Program
	for _, r := range urfaveOldPaths.Check(t, pkg) {
		if p, ok := r.Result.(*envgraph.Program); ok && p != nil {
			prog = p
		}
	}
	if prog == nil {
		t.Fatalf("%s: no Program", pkg)
	}
	for _, k := range []string{"ADDR", "APP_ADDR", "APP_WORKERS", "OLD_RETRIES", "OLD_TOKEN"} {
		if !slices.Contains(prog.Keys, k) {
			t.Errorf("Program.Keys = %v, missing %s", prog.Keys, k)
		}
	}
	if slices.Contains(prog.Keys, "SPEC_ADDR") {
		t.Errorf("Program.Keys = %v: the program's own EnvVar field read as a key", prog.Keys)
	}
	for _, u := range prog.Unprefixed {
		if strings.HasPrefix(u, "gopkg.in/") || strings.HasPrefix(u, "github.com/codegangsta/") {
			t.Errorf("Program.Unprefixed = %v: the library's lookup counted as the program's", prog.Unprefixed)
		}
	}
}
