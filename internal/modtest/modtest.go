// Package modtest holds what tests share about modules they fetch from
// the Go module proxy, and the envvet command that end-to-end tests run.
package modtest

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/envvet/envvet/internal/passutil"
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
	cmd.Env = append(os.Environ(), ToolEnv()...)
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
// accepts in the test's directory, such as ./testdata/nocgovet) and
// returns the executable's path in the shared build directory (see
// Build). It is built as Envvet is: without the race detector (under go
// test -race, the test binary would analyze about three times slower),
// with cgo off (no analyzer needs it, and the analyzed program's
// CGO_ENABLED is the environment's, not the tool's) and -trimpath, so that
// it compiles nothing that Envvet's build has not compiled but its main
// package, and is the same file in any checkout of the same sources.
func Tool(t testing.TB, pkg string) string {
	t.Helper()
	return Build(t, filepath.Base(pkg), "build", pkg)
}

// Build runs go ARGS -o FILE in the test's directory, in Tool's
// environment, and returns FILE, an executable named name: args is a
// go build or go test -c command line without its -o.
//
// FILE is shared by the test binaries and the runs of go test that build
// the same command line in the same directory of envvet's module, in any
// checkout: go build -o and go test -c -o do not link again a file whose
// build ID says it is up to date, and -trimpath makes the executable the
// same in every checkout of the same sources, so a later test package or
// run (a fresh clone of the same commit, as CI's) gets it without a link,
// where a temporary directory of its own would link it every time.
// Builds of one command line take turns (a lock file), and each result is
// copied once to a directory named by its SHA-256, which nothing writes
// again: a test that runs the file while another run builds other
// sources keeps its own. Files not used for a day are removed. Without
// a user cache directory, or on a system without flock, the file is
// built in a temporary directory of t, as before.
func Build(t testing.TB, name string, args ...string) string {
	t.Helper()
	if runtime.GOOS == "windows" {
		name += ".exe"
	}
	exe, err := sharedBuild(name, args)
	if err == errNoShare {
		exe = filepath.Join(t.TempDir(), name)
		err = goBuild(exe, args)
	}
	if err != nil {
		t.Fatal(err)
	}
	return exe
}

// goBuild runs go ARGS -o exe in Tool's environment.
func goBuild(exe string, args []string) error {
	cmd := exec.Command("go", append(append(args[:1:1], "-o", exe), args[1:]...)...)
	cmd.Env = append(os.Environ(), ToolEnv()...)
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return nil
}

var errNoShare = errors.New("no shared build directory")

// keep is how long an executable of the shared build directory is kept
// after its last use.
const keep = 24 * time.Hour

// sharedBuild builds into the shared build directory: under
// $UserCacheDir/envvet-modtest/KEY, where KEY hashes the command line,
// the package directory's path within its module and the environment,
// the file "out" (rebuilt by the go command when stale) and, for each
// content it has had, SHA256/name (the path returned).
func sharedBuild(name string, args []string) (string, error) {
	cache, err := os.UserCacheDir()
	if err != nil {
		return "", errNoShare
	}
	rel, err := moduleDir()
	if err != nil {
		return "", errNoShare
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s/%s\n%s\n%q\n%q\n", runtime.GOOS, runtime.GOARCH, filepath.ToSlash(rel), args, ToolEnv())
	dir := filepath.Join(cache, "envvet-modtest", fmt.Sprintf("%x", h.Sum(nil))[:24])
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return "", errNoShare
	}
	unlock, err := lock(filepath.Join(dir, "lock"))
	if err != nil {
		return "", errNoShare
	}
	defer unlock()
	out := filepath.Join(dir, "out")
	if err := goBuild(out, args); err != nil {
		return "", err
	}
	sum, err := fileSHA256(out)
	if err != nil {
		return "", err
	}
	exe := filepath.Join(dir, sum[:32], name)
	if _, err := os.Stat(exe); err != nil {
		if err := copyExe(out, exe); err != nil {
			return "", err
		}
	}
	now := time.Now()
	os.Chtimes(filepath.Dir(exe), now, now) // its last use
	// Remove the contents not used for a while (other sources' builds).
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if fi, err := e.Info(); err == nil && e.IsDir() && now.Sub(fi.ModTime()) > keep {
			os.RemoveAll(filepath.Join(dir, e.Name()))
		}
	}
	return exe, nil
}

// Lock takes an exclusive lock on the file name (created if need be)
// and returns its release, for test helpers that prepare something once
// per machine in a shared directory (Build's own builds take turns so).
// It fails on systems without flock.
func Lock(name string) (unlock func(), err error) { return lock(name) }

// moduleDir returns the current directory's path relative to the root of
// its module.
func moduleDir() (string, error) {
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	root := passutil.ModuleRoot(wd)
	if root == "" {
		return "", errors.New("no go.mod above " + wd)
	}
	return filepath.Rel(root, wd)
}

func fileSHA256(name string) (string, error) {
	f, err := os.Open(name)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return fmt.Sprintf("%x", h.Sum(nil)), nil
}

// copyExe copies the executable src to dst, which appears complete or
// not at all (a temporary file renamed).
func copyExe(src, dst string) error {
	if err := os.MkdirAll(filepath.Dir(dst), 0o777); err != nil {
		return err
	}
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	tmp, err := os.CreateTemp(filepath.Dir(dst), ".tmp-*")
	if err != nil {
		return err
	}
	_, err = io.Copy(tmp, in)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), 0o755)
	}
	if err == nil {
		err = os.Rename(tmp.Name(), dst)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}

// ToolEnv is the environment that Envvet, Tool and Build build in,
// to add to os.Environ(): outside any workspace, cgo off, -trimpath added
// to the go command's GOFLAGS. Another build of a command that links
// envvet's packages (golangci-lint with the plugin) shares their compiled
// packages when it runs in it.
func ToolEnv() []string {
	flags := os.Getenv("GOFLAGS")
	if flags == "" {
		out, _ := exec.Command("go", "env", "GOFLAGS").Output() // go env -w's
		flags = strings.TrimSpace(string(out))
	}
	return []string{"GOWORK=off", "CGO_ENABLED=0", "GOFLAGS=" + strings.TrimSpace(flags+" -trimpath")}
}
