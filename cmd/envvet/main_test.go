package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/envvet/envvet/internal/modtest"
)

// TestMain lets the test binary act as the envvet command (found on PATH
// as "envvet", after modtest.Envvet's, which TestScripts puts first).
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){"envvet": main})
}

// TestScripts runs the end-to-end scripts in testdata/script. Each builds
// a small module and runs envvet on it standalone and under
// go vet -vettool=$ENVVET.
//
// The scripts run modtest.Envvet's envvet, built without the race
// detector and without cgo, as the README installs it for go vet: under
// go test -race, the test binary analyzes three times slower, and every
// script runs envvet several times on programs that import the standard
// library, most of them under go vet, which starts envvet once per
// package. TestReadmeFirstRun runs the same envvet.
//
// The scripts run in parallel with each other and with
// TestReadmeFirstRun (go test's -parallel at a time), so that the run
// of the example does not run alone after them. (The testing package
// starts waiting parallel tests in no set order, so listing the slowest
// scripts first would not make them start first.)
func TestScripts(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end scripts run the go command; skipped in -short mode")
	}
	t.Parallel()
	bin := filepath.Dir(modtest.Envvet(t))
	testscript.Run(t, testscript.Params{
		Dir: filepath.Join("testdata", "script"),
		Setup: func(env *testscript.Env) error {
			env.Setenv("PATH", bin+string(filepath.ListSeparator)+env.Getenv("PATH"))
			return setupGoEnv(env)
		},
		Cmds: map[string]func(*testscript.TestScript, bool, []string){"cmpwork": cmpWork, "gotool": goTool, "freeport": freePort, "seedcacher": seedCacher},
	})
}

// setupGoEnv gives scripts the go command's caches and proxy settings, so
// that builds reuse the machine's caches and modules come from the proxy,
// and sets ENVVET to the path of the envvet command for -vettool.
func setupGoEnv(env *testscript.Env) error {
	vars, err := goEnv()
	if err != nil {
		return err
	}
	for v, val := range vars {
		env.Setenv(v, val)
	}
	env.Setenv("GOTOOLCHAIN", "local")
	// Scripts that need the example service find a copy in $WORK/example.
	if err := copyDir(filepath.Join("..", "..", "example"), filepath.Join(env.WorkDir, "example")); err != nil {
		return err
	}
	for _, dir := range filepath.SplitList(env.Getenv("PATH")) {
		if p := filepath.Join(dir, "envvet"); isFile(p) {
			env.Setenv("ENVVET", p)
			break
		}
	}
	return nil
}

// goEnv returns the go command's settings that scripts inherit, asking
// the go command once per test binary.
var goEnv = sync.OnceValues(func() (map[string]string, error) {
	names := []string{"GOCACHE", "GOMODCACHE", "GOPROXY", "GOSUMDB", "GONOSUMDB", "GOPRIVATE", "GOFLAGS", "CGO_ENABLED"}
	out, err := exec.Command("go", append([]string{"env", "-json"}, names...)...).Output()
	if err != nil {
		return nil, err
	}
	vars := make(map[string]string)
	if err := json.Unmarshal(out, &vars); err != nil {
		return nil, err
	}
	for _, v := range names {
		if val := os.Getenv(v); val != "" {
			vars[v] = val
		}
	}
	return vars, nil
})

// cmpWork compares the file got (or stdout) with the file want after
// writing the script's work directory as $WORK in got. Unlike cmpenv, it
// leaves "$" in want alone, so JSON such as SARIF's "$schema" compares.
func cmpWork(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: cmpwork got want")
	}
	got := ts.ReadFile(args[0])
	got = strings.ReplaceAll(got, ts.Getenv("WORK"), "$WORK")
	if want := ts.ReadFile(args[1]); got != want {
		ts.Logf("got:\n%s", got)
		ts.Fatalf("%s and %s differ", args[0], args[1])
	}
}

// goTool sets the variable VAR to the path of the executable of a tool
// that the go.mod in the current directory lists (go tool -n NAME): go
// tool links it once and keeps it in the build cache, where go install
// into the script's fresh directory would link it again in every run.
func goTool(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: gotool VAR name")
	}
	ts.Check(ts.Exec("go", "tool", "-n", args[1]))
	path := strings.TrimSpace(ts.ReadFile("stdout"))
	if !isFile(path) {
		ts.Fatalf("go tool -n %s printed %q, not an executable", args[1], path)
	}
	ts.Setenv(args[0], path)
}

// freePort sets the variable VAR to a TCP port of 127.0.0.1 that nothing
// listens on (the kernel's pick, released at once), for a server that a
// script starts: a fixed port fails when two runs of the script overlap
// on one machine ("bind: address already in use"), and the second run's
// clients then talk to the first run's server.
func freePort(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: freeport VAR")
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	ts.Check(err)
	port := l.Addr().(*net.TCPAddr).Port
	ts.Check(l.Close())
	ts.Setenv(args[0], strconv.Itoa(port))
}

// seedCacher fills each DIR, a go-cacher -cache-dir (go-cacher is the
// executable $GOCACHER), with what the go command puts in it when it
// builds the packages PKG... in the script's environment (GOFLAGS,
// CGO_ENABLED, ...): their compiled packages and those of their
// dependencies. The build runs once per machine for a given go-cacher,
// go command and environment, into a directory of the user's cache that
// nothing writes again once complete (modtest.Lock makes concurrent
// scripts take turns); every later use copies it, where building the
// standard library's packages again with an empty cache would cost
// each run some 20 CPU-seconds.
func seedCacher(ts *testscript.TestScript, neg bool, args []string) {
	pkgs, dirs, ok := slicesCut(args, "--")
	if neg || !ok || len(pkgs) == 0 || len(dirs) == 0 {
		ts.Fatalf("usage: seedcacher PKG... -- DIR...")
	}
	cacher := ts.Getenv("GOCACHER")
	if cacher == "" {
		ts.Fatalf("seedcacher: $GOCACHER is not set")
	}
	ts.Check(ts.Exec("go", "env", "GOVERSION", "GOOS", "GOARCH", "GOFLAGS", "CGO_ENABLED", "GOEXPERIMENT"))
	h := sha256.New()
	fmt.Fprintf(h, "%q\n%s%q\n", cacher, ts.ReadFile("stdout"), pkgs)
	key := fmt.Sprintf("cacher-%x", h.Sum(nil))[:31]
	var seed string
	if cache, err := os.UserCacheDir(); err == nil {
		shared := filepath.Join(cache, "envvet-modtest")
		ts.Check(os.MkdirAll(shared, 0o777))
		if unlock, err := modtest.Lock(filepath.Join(shared, key+".lock")); err == nil {
			defer unlock()
			seed = filepath.Join(shared, key)
		}
	}
	if seed == "" { // no shared directory: build it here
		seed = ts.MkAbs("seedcacher-" + key)
	}
	if !isDir(seed) {
		tmp := seed + ".tmp"
		ts.Check(os.RemoveAll(tmp))
		gocache, prog := ts.Getenv("GOCACHE"), ts.Getenv("GOCACHEPROG")
		ts.Setenv("GOCACHE", tmp+"-gocache")
		ts.Setenv("GOCACHEPROG", cacher+" -cache-dir="+tmp)
		err := ts.Exec("go", append([]string{"build"}, pkgs...)...)
		ts.Setenv("GOCACHE", gocache)
		ts.Setenv("GOCACHEPROG", prog)
		ts.Check(err)
		ts.Check(os.RemoveAll(tmp + "-gocache"))
		ts.Check(os.Rename(tmp, seed))
	}
	for _, dir := range dirs {
		ts.Check(copyDir(seed, ts.MkAbs(dir)))
	}
}

func slicesCut(s []string, sep string) (before, after []string, found bool) {
	if i := slices.Index(s, sep); i >= 0 {
		return s[:i], s[i+1:], true
	}
	return s, nil, false
}

func isDir(name string) bool {
	fi, err := os.Stat(name)
	return err == nil && fi.IsDir()
}

// copyDir copies the regular files of the tree at src to dst.
func copyDir(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o777)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o666)
	})
}

func isFile(name string) bool {
	fi, err := os.Stat(name)
	return err == nil && !fi.IsDir()
}

// readmeRoot stands for the repository's directory in the README's output
// of the first command: envvet prints absolute paths.
const readmeRoot = "/home/you/envvet"

// TestReadmeFirstRun runs the README's first command (envvet ./... in the
// example directory) and compares what it prints, byte for byte, with the
// output block that follows the command in the README, the repository's
// directory written as readmeRoot. It is the one check of the example's
// whole standalone output (example.txtar checks go vet, envvet env and
// SARIF on a copy): the README's block is that output.
//
// It runs modtest.Envvet's envvet, as the scripts do: the test binary
// itself, under go test -race, cost about 12 CPU-seconds on the example
// against 4 (2026-12-07). The race detector covers what that run adds
// beyond them elsewhere: internal/engine's TestSameAsCheckerReleased runs
// the engine as the driver runs it (Options.Release) on the example, and
// internal/driver's TestPartial runs the driver's analysis, in process.
func TestReadmeFirstRun(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command; skipped in -short mode")
	}
	t.Parallel()
	want, err := readmeFirstRun(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	envvet := modtest.Envvet(t)
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(envvet, "./...")
	cmd.Dir = filepath.Join(root, "example")
	cmd.Env = append(os.Environ(), "GOWORK=off")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err = cmd.Run()
	if ee := (*exec.ExitError)(nil); !errors.As(err, &ee) || ee.ExitCode() != 3 {
		t.Errorf("envvet ./... in example: %v, want exit status 3 (findings)", err)
	}
	got := strings.ReplaceAll(out.String(), root+string(filepath.Separator), readmeRoot+"/")
	if got != want {
		t.Errorf("README.md's output of the first command is out of date; it should read:\n%s", got)
	}
}

// readmeFirstRun returns the contents of the README's fenced block that
// follows the block holding the first command.
func readmeFirstRun(readme string) (string, error) {
	data, err := os.ReadFile(readme)
	if err != nil {
		return "", err
	}
	const command = "(cd example && ../bin/envvet ./...)\n```\n"
	_, rest, ok := strings.Cut(string(data), command)
	if !ok {
		return "", errors.New("README.md: no block with the first command " + command)
	}
	_, rest, ok = strings.Cut(rest, "\n```\n")
	block, _, closed := strings.Cut(rest, "\n```\n")
	if !ok || !closed {
		return "", errors.New("README.md: no output block after the first command")
	}
	return block + "\n", nil
}
