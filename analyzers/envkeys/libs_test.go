package envkeys_test

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/envvet/envvet/analyzers/envkeys"
	"github.com/envvet/envvet/internal/modtest"
	"github.com/envvet/envvet/internal/rulestest"
)

// TestLibraries checks programs that declare their keys through real
// configuration libraries (testdata/libs, fetched from the module proxy):
// a flag naming several keys needs one declared, and the library's own
// lookups do not make every declared key read.
func TestLibraries(t *testing.T) {
	dir := filepath.Join(analysistest.TestData(), "libs")
	modtest.Download(t, dir)
	// One load for both programs (see defaults).
	run := rulestest.NewShared(dir, envkeys.New(envkeys.Config{}), false, "./urfave", "./kong")
	for _, tc := range []struct {
		pkg    string
		unread []string
	}{
		{"urfave", []string{`urfave/.env.example:2:1: env key "APP_PORT" is declared in .env.example but never read`,
			`urfave/.env.example:3:1: env key "STALE_KEY" is declared in .env.example but never read`}},
		// APP_REGION is unread: the program reads the misspelt APP_REGOIN.
		{"kong", []string{`kong/.env.example:3:1: env key "APP_REGION" is declared in .env.example but never read`,
			`kong/.env.example:4:1: env key "APP_STALE" is declared in .env.example but never read`}},
	} {
		t.Run(tc.pkg, func(t *testing.T) {
			pkg := "example.com/libs/" + tc.pkg
			for _, e := range run.Errors(pkg) {
				// The // want comments of the Go files must match; the
				// manifest's diagnostics are checked below.
				if !strings.Contains(e, ".env.example:") {
					t.Error(e)
				}
			}
			abs, _ := filepath.Abs(dir)
			var got []string
			results := run.Results(pkg)
			if len(results) == 0 {
				t.Fatalf("no result for %s", pkg)
			}
			for _, r := range results {
				for _, d := range r.Diagnostics {
					p := r.Pass.Fset.Position(d.Pos)
					if strings.HasSuffix(p.Filename, ".go") {
						continue
					}
					rel, _ := filepath.Rel(abs, p.Filename)
					got = append(got, fmt.Sprintf("%s:%d:%d: %s", filepath.ToSlash(rel), p.Line, p.Column, d.Message))
				}
			}
			slices.Sort(got)
			if !slices.Equal(got, tc.unread) {
				t.Errorf("manifest diagnostics:\n%q\nwant\n%q", got, tc.unread)
			}
		})
	}
}
