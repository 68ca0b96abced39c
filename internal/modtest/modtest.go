// Package modtest holds what tests share about modules they fetch from
// the Go module proxy, and the envvet command that end-to-end tests run.
package modtest

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"
)

// unreachable matches the go command's complaints when it cannot reach
// the module proxy.
var unreachable = regexp.MustCompile(`dial tcp|no such host|connection refused|i/o timeout|network is unreachable|proxyconnect|GOPROXY=off|TLS handshake`)

// Download runs go mod download in the module at dir (of the modules
// named, or of all its requirements), outside any workspace, so that
// later loads find them in the module cache. It skips the test when the
// proxy cannot be reached and fails it on any other error.
func Download(t testing.TB, dir string, modules ...string) {
	t.Helper()
	cmd := exec.Command("go", append([]string{"mod", "download"}, modules...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		if unreachable.Match(out) {
			t.Skipf("module proxy unreachable, cannot fetch the modules of %s: %s", dir, out)
		}
		t.Fatalf("go mod download: %v\n%s", err, out)
	}
}

// Envvet returns the path of the envvet command built from this
// repository's cmd/envvet, without the race detector and with cgo off, as
// the README installs it for go vet -vettool. The file is named envvet
// and is alone in its directory, so that the directory can go on PATH.
//
// It is built by go tool (envvet's go.mod lists cmd/envvet as a tool),
// which keeps the linked executable in the build cache: the test packages
// that run envvet, and later runs of the same sources, get the same file
// without linking it again. Tests must not write to it.
//
// It is built as Tool builds the end-to-end tests' own commands (cgo off,
// -trimpath), so that those builds reuse the compiled packages of this
// one. With -trimpath the executable does not depend on the checkout's
// directory: another checkout of the same sources gets the same file from
// the build cache, and go vet, whose cache key holds the tool's ID (a
// hash of the executable, see cmd/envvet's printVersion), replays its
// results for the packages whose inputs did not change.
func Envvet(t testing.TB) string {
	t.Helper()
	path, err := envvet()
	if err != nil {
		t.Fatal(err)
	}
	return path
}

// envvet asks the go command once per test binary.
var envvet = sync.OnceValues(func() (string, error) {
	cmd := exec.Command("go", "tool", "-n", "envvet")
	cmd.Env = append(os.Environ(), toolEnv()...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("go tool -n envvet: %v\n%s", err, stderr.String())
	}
	path := strings.TrimSpace(string(out))
	if fi, err := os.Stat(path); err != nil || !fi.Mode().IsRegular() {
		return "", errors.New("go tool -n envvet printed " + path + ", not an executable")
	}
	return path, nil
})

// Tool builds the command in the package at pkg (a path the go command
// accepts in the test's directory, such as ./testdata/nocgovet) into a
// temporary directory of t and returns the executable's path. It is built
// as Envvet is: without the race detector (under go test -race, the test
// binary would analyze about three times slower), with cgo off (no
// analyzer needs it, and the analyzed program's CGO_ENABLED is the
// environment's, not the tool's) and -trimpath, so that it compiles
// nothing that Envvet's build has not compiled but its main package, and
// is the same file in any checkout of the same sources.
func Tool(t testing.TB, pkg string) string {
	t.Helper()
	exe := filepath.Join(t.TempDir(), filepath.Base(pkg))
	if runtime.GOOS == "windows" {
		exe += ".exe"
	}
	cmd := exec.Command("go", "build", "-o", exe, pkg)
	cmd.Env = append(os.Environ(), toolEnv()...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build %s: %v\n%s", pkg, err, out)
	}
	return exe
}

// toolEnv is the environment that Envvet and Tool build in: outside any
// workspace, cgo off, -trimpath added to the go command's GOFLAGS.
func toolEnv() []string {
	flags := os.Getenv("GOFLAGS")
	if flags == "" {
		out, _ := exec.Command("go", "env", "GOFLAGS").Output() // go env -w's
		flags = strings.TrimSpace(string(out))
	}
	return []string{"GOWORK=off", "CGO_ENABLED=0", "GOFLAGS=" + strings.TrimSpace(flags+" -trimpath")}
}
