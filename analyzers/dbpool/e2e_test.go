package dbpool_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/envvet/envvet/analyzers/dbpool"
)

// TestMain lets the test binary serve as the checker, standalone or as go
// vet's -vettool, when DBPOOL_E2E_TOOL is set.
func TestMain(m *testing.M) {
	if os.Getenv("DBPOOL_E2E_TOOL") == "1" {
		multichecker.Main(dbpool.New(dbpool.Config{}))
		return
	}
	os.Exit(m.Run())
}

// buildTool builds this package's test binary again with go test -c,
// without the race detector, and returns its path: the checker of the
// end-to-end test (see TestMain). Under go test -race the test binary
// itself would analyze the standard library's packages, every one of
// them under go vet and again standalone, three times slower; the
// analyzer is compiled from the same sources either way.
func buildTool(t *testing.T) string {
	t.Helper()
	exe := filepath.Join(t.TempDir(), "dbpool.test")
	cmd := exec.Command("go", "test", "-c", "-o", exe, ".")
	cmd.Env = append(os.Environ(), "GOWORK=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go test -c: %v\n%s", err, out)
	}
	return exe
}

var diagLine = regexp.MustCompile(`^(?:\./)?(\S+\.go):(\d+)(?::\d+)?: (.*)$`)

// TestEndToEnd runs dbpool on a multi-package service module under both
// drivers: go vet -vettool (packages below main come from export data and
// facts files) and the standalone multichecker (everything from source).
// Both must print the same findings at the same file:line, including the
// whole-program one that main reports at store.DB's declaration.
func TestEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and vets a module")
	}
	exe := buildTool(t)
	src, err := filepath.Abs("testdata/e2e")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join(dir, "expected.txt"))
	if err != nil {
		t.Fatal(err)
	}
	env := append(os.Environ(), "DBPOOL_E2E_TOOL=1", "GOFLAGS=-mod=mod", "GOWORK=off")

	run := func(name string, args ...string) string {
		cmd := exec.Command(name, args...)
		cmd.Dir = dir
		cmd.Env = env
		out, _ := cmd.CombinedOutput() // both exit non-zero when they report
		var lines []string
		for l := range strings.SplitSeq(string(out), "\n") {
			l = strings.TrimSpace(l)
			if m := diagLine.FindStringSubmatch(l); m != nil {
				file := m[1]
				if rel, err := filepath.Rel(dir, file); err == nil && !strings.HasPrefix(rel, "..") {
					file = rel
				}
				if msg, ok := strings.CutPrefix(m[3], "\t"); ok && len(lines) > 0 {
					// Related information follows its finding, its message
					// indented.
					lines[len(lines)-1] += "\n\t" + file + ":" + m[2] + ": " + msg
					continue
				}
				lines = append(lines, file+":"+m[2]+": "+m[3])
			} else if l != "" && !strings.HasPrefix(l, "#") {
				t.Logf("%s: %s", name, l)
			}
		}
		slices.Sort(lines)
		return strings.Join(lines, "\n") + "\n"
	}
	if got := run(exe, "./..."); got != string(want) {
		t.Errorf("standalone:\ngot:\n%s\nwant:\n%s", got, want)
	}
	if got := run("go", "vet", "-vettool="+exe, "./..."); got != string(want) {
		t.Errorf("go vet -vettool:\ngot:\n%s\nwant:\n%s", got, want)
	}
}
