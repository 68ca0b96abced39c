package dbpool_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/envvet/envvet/internal/modtest"
)

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
	// dbpool alone with its default settings, through x/tools'
	// multichecker and unitchecker (testdata/dbpoolvet), built without the
	// race detector: under go test -race it would analyze the standard
	// library's packages, every one of them under go vet and again
	// standalone, three times slower.
	exe := modtest.Tool(t, "./testdata/dbpoolvet")
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
	env := append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")

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
