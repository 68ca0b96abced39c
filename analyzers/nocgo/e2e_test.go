package nocgo_test

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/envvet/envvet/internal/modtest"
)

// wantE2E is what every driver must report on testdata/e2e, whatever
// CGO_ENABLED is: the module's own import "C", and the import of the real
// github.com/mattn/go-sqlite3. Not reported: github.com/lib/pq (pure Go,
// imports net and os/user), nor package app, which imports the two
// flagged packages of its own module.
var wantE2E = []string{
	`native/native.go:4:8: example.com/e2e/native uses cgo (import "C"), but CGO_ENABLED=0 is declared in .env.example`,
	`store/store.go:8:2: github.com/mattn/go-sqlite3 uses cgo (import "C" in sqlite3.go), but CGO_ENABLED=0 is declared in .env.example`,
}

// TestEndToEnd builds a nocgo-only command (testdata/nocgovet) and runs it
// under go vet -vettool and standalone, with cgo on and off, on
// testdata/e2e, a module that imports go-sqlite3 and lib/pq from the
// module proxy (cached in the default module cache).
func TestEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("short: the end-to-end test compiles go-sqlite3's C code")
	}
	needCC(t)
	// nocgovet is built as modtest.Envvet is (cgo off, -trimpath): it
	// compiles only its main package beyond envvet's build, and is the same
	// file in any checkout, so go vet's cached results for the dependencies
	// (the standard library, go-sqlite3, lib/pq) serve later runs and other
	// checkouts of the same sources. The tool's own cgo setting is not the
	// analyzed program's: each run below sets CGO_ENABLED for that.
	tool := modtest.Tool(t, "./testdata/nocgovet")
	tmp := t.TempDir()
	mod := filepath.Join(tmp, "e2e")
	if err := os.CopyFS(mod, os.DirFS(filepath.Join("testdata", "e2e"))); err != nil {
		t.Fatal(err)
	}
	env := func(cgo string) []string {
		return append(os.Environ(), "CGO_ENABLED="+cgo, "GOFLAGS=-mod=mod", "GOWORK=off")
	}

	download := exec.Command("go", "mod", "download", "github.com/mattn/go-sqlite3", "github.com/lib/pq")
	download.Dir, download.Env = mod, env("1")
	if out, err := download.CombinedOutput(); err != nil {
		if unreachable.Match(out) {
			t.Skipf("module proxy unreachable, cannot fetch go-sqlite3 and lib/pq: %s", out)
		}
		t.Fatalf("go mod download: %v\n%s", err, out)
	}

	// A flag reaches the analyzer through go vet too.
	t.Run("vet/allow", func(t *testing.T) {
		cmd := exec.Command("go", "vet", "-vettool="+tool, "-nocgo.allow=github.com/mattn/...", "./...")
		cmd.Dir, cmd.Env = mod, env("0")
		out, _ := cmd.CombinedOutput()
		if got := diagnosticLines(string(out), mod); !slices.Equal(got, wantE2E[:1]) {
			t.Errorf("got:\n\t%s\nwant:\n\t%s\nfull output:\n%s", strings.Join(got, "\n\t"), wantE2E[0], out)
		}
	})

	for _, cgo := range []string{"1", "0"} {
		for _, driver := range []struct {
			name     string
			args     []string
			exitCode int
		}{
			{"vet", []string{"go", "vet", "-vettool=" + tool, "./..."}, 1},
			{"standalone", []string{tool, "./..."}, 3},
		} {
			t.Run(driver.name+"/CGO_ENABLED="+cgo, func(t *testing.T) {
				cmd := exec.Command(driver.args[0], driver.args[1:]...)
				cmd.Dir, cmd.Env = mod, env(cgo)
				var stderr bytes.Buffer
				cmd.Stdout, cmd.Stderr = &stderr, &stderr
				err := cmd.Run()
				var exit *exec.ExitError
				if !errors.As(err, &exit) || exit.ExitCode() != driver.exitCode {
					t.Errorf("%s: %v, want exit status %d", strings.Join(driver.args, " "), err, driver.exitCode)
				}
				got := diagnosticLines(stderr.String(), mod)
				if !slices.Equal(got, wantE2E) {
					t.Errorf("got:\n\t%s\nwant:\n\t%s\nfull output:\n%s",
						strings.Join(got, "\n\t"), strings.Join(wantE2E, "\n\t"), stderr.String())
				}
			})
		}
	}
}

// unreachable matches the go command's complaints when it cannot reach
// the module proxy.
var unreachable = regexp.MustCompile(`dial tcp|no such host|connection refused|i/o timeout|network is unreachable|proxyconnect|GOPROXY=off|TLS handshake`)

var diagLine = regexp.MustCompile(`^(\S+\.go):(\d+):(\d+): (.*)$`)

// diagnosticLines returns the diagnostics in out as sorted
// "file:line:col: message" lines, file relative to dir.
func diagnosticLines(out, dir string) []string {
	var lines []string
	for _, line := range strings.Split(out, "\n") {
		m := diagLine.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		file := m[1]
		if rel, err := filepath.Rel(dir, file); err == nil && filepath.IsAbs(file) {
			file = rel
		}
		file = strings.TrimPrefix(filepath.ToSlash(file), "./")
		lines = append(lines, file+":"+m[2]+":"+m[3]+": "+m[4])
	}
	slices.Sort(lines)
	return lines
}
