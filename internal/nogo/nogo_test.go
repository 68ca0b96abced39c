// Package nogo_test runs envvet's analyzers the way Bazel's rules_go nogo
// does, and checks that they find what go vet -vettool=envvet finds.
//
// nogo links each analyzer package's exported Analyzer variable into one
// binary, passes it no flags, and runs it once per package, in dependency
// order, with the facts its dependencies exported. This test does the
// same through golang.org/x/tools/go/analysis/unitchecker's protocol: it
// writes one vet config per package from "go list -deps -json", and runs
// the test binary itself (see TestMain) on each config in turn, handing
// every package the facts files of its imports. Like nogo, it gives the
// analyzers no module information (nogo's Pass has no Module).
package nogo_test

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/envvet/envvet/analyzers"
	"github.com/envvet/envvet/analyzers/ctxgo"
	"github.com/envvet/envvet/analyzers/dbpool"
	"github.com/envvet/envvet/analyzers/directives"
	"github.com/envvet/envvet/analyzers/envkeys"
	"github.com/envvet/envvet/analyzers/envparse"
	"github.com/envvet/envvet/analyzers/envsecret"
	"github.com/envvet/envvet/analyzers/envtype"
	"github.com/envvet/envvet/analyzers/nocgo"
	"github.com/envvet/envvet/internal/modtest"
)

// configEnv names the vet config that the test binary, run as a nogo
// binary, analyzes.
const configEnv = "ENVVET_NOGO_CONFIG"

// nogoAnalyzers is what rules_go's generated nogo main lists: the
// Analyzer variable of each package named in the nogo target's deps.
func nogoAnalyzers() []*analysis.Analyzer {
	return []*analysis.Analyzer{
		ctxgo.Analyzer,
		dbpool.Analyzer,
		directives.Analyzer,
		envkeys.Analyzer,
		envparse.Analyzer,
		envsecret.Analyzer,
		envtype.Analyzer,
		nocgo.Analyzer,
	}
}

func TestMain(m *testing.M) {
	if cfg := os.Getenv(configEnv); cfg != "" {
		unitchecker.Run(cfg, nogoAnalyzers()) // exits
	}
	os.Exit(m.Run())
}

// TestValidate checks what nogo's generated main checks at start-up: the
// package-level analyzers form one valid set (no fact type registered
// twice, no cycle).
func TestValidate(t *testing.T) {
	if err := analysis.Validate(nogoAnalyzers()); err != nil {
		t.Fatal(err)
	}
}

// TestDirectivesKnowEveryCheck checks that the package-level directives
// analyzer, which nogo links instead of the suite's, accepts every check
// of the suite: a name missing from directives.Checks() would make each
// "//envvet:ignore <check> <reason>" for that check a finding under nogo.
func TestDirectivesKnowEveryCheck(t *testing.T) {
	var names []string
	for _, a := range analyzers.Suite(analyzers.Config{}) {
		if a.Name != directives.Analyzer.Name {
			names = append(names, a.Name)
		}
	}
	if !slices.Equal(directives.Checks(), names) {
		t.Errorf("directives.Checks() = %q, want the suite's checks %q", directives.Checks(), names)
	}
}

// TestNogoMatchesVet runs the analyzers package by package on real
// multi-package modules and compares the findings, related information
// included, with go vet -vettool=envvet's.
func TestNogoMatchesVet(t *testing.T) {
	if testing.Short() {
		t.Skip("builds envvet and analyzes the standard library's packages")
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	envvet := modtest.Envvet(t)
	nogo := buildNogo(t)
	std := t.TempDir() // the standard packages' facts, for both modules
	for _, mod := range []string{"plugin/testdata/allchecks", "example"} {
		t.Run(filepath.Base(mod), func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "m")
			copyDir(t, filepath.Join(root, mod), dir)
			want := vetFindings(t, dir, envvet)
			if len(want) == 0 {
				t.Fatal("go vet -vettool=envvet found nothing: the module no longer exercises the checks")
			}
			got := nogoFindings(t, dir, nogo, std)
			if !slices.Equal(got, want) {
				t.Errorf("nogo-style run differs from go vet:\n--- nogo\n%s\n--- go vet\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}

// buildNogo builds this package's test binary again with go test -c,
// without the race detector, and returns its path: it is the nogo binary
// (see TestMain) that analyzes every package of the program, the
// standard library included, one process each, and under go test -race
// the test binary itself would analyze three times slower. It is built as
// modtest.Tool builds a command (cgo off, -trimpath, kept in the shared
// build directory): its dependencies come from the build cache that
// building envvet (modtest.Envvet) filled, and a later run on the same
// sources, in any checkout, does not link it again.
func buildNogo(t *testing.T) string {
	t.Helper()
	return modtest.Build(t, "nogo.test", "test", "-c", ".")
}

// vetFindings returns go vet -vettool=envvet's output lines in dir, the
// package headers left out, sorted.
func vetFindings(t *testing.T, dir, envvet string) []string {
	cmd := exec.Command("go", "vet", "-vettool="+envvet, "./...")
	cmd.Dir, cmd.Env = dir, goEnv()
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil && !isExit(err, 1) {
		t.Fatalf("go vet: %v\n%s", err, stderr.Bytes())
	}
	return findings(stderr.String(), dir)
}

// findings returns the diagnostic lines of a driver's output, file names
// made relative to dir, sorted.
func findings(out, dir string) []string {
	var lines []string
	for _, l := range strings.Split(out, "\n") {
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		lines = append(lines, strings.ReplaceAll(l, dir+string(filepath.Separator), ""))
	}
	slices.Sort(lines)
	return lines
}

// goEnv is the environment of every go command and analysis run: the
// module copy is its own module, and cgo is off so that no package needs
// cgo's generated files (nocgo's findings do not depend on CGO_ENABLED).
func goEnv() []string {
	return append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod", "CGO_ENABLED=0")
}

func goCmd(t *testing.T, dir string, args ...string) []byte {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Dir, cmd.Env = dir, goEnv()
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, stderr.Bytes())
	}
	return out
}

func isExit(err error, code int) bool {
	var ee *exec.ExitError
	return errors.As(err, &ee) && ee.ExitCode() == code
}

func copyDir(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(to, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(to, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}
