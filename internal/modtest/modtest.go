// Package modtest holds what tests share about modules they fetch from
// the Go module proxy.
package modtest

import (
	"os"
	"os/exec"
	"regexp"
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
