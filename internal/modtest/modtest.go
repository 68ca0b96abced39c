// Package modtest holds what tests share about modules they fetch from
// the Go module proxy, and the envvet command that end-to-end tests run.
package modtest

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"regexp"
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
	cmd.Env = append(os.Environ(), "GOWORK=off", "CGO_ENABLED=0")
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
