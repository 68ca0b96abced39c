package lsp_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/envvet/envvet/internal/modtest"
)

// TestSameAsStandalone opens every Go file of the module that has a
// finding of every check (plugin/testdata/allchecks, which the
// golangci-lint plugin's end-to-end test compares with the standalone
// driver too) and checks that the server publishes, file by file, exactly
// the standalone driver's findings: same lines, same messages.
//
// The standalone findings come from the envvet command (modtest.Envvet,
// built without the race detector, as TestNeovim runs it) with -json:
// the module imports database/sql and plugin, whose analysis from source
// under the race detector would cost this test several times the CPU of
// the command's run. The server itself runs here, under the detector.
func TestSameAsStandalone(t *testing.T) {
	envvet := modtest.Envvet(t) // go tool -n, in envvet's module
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../../plugin/testdata/allchecks")); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	want, checks := standaloneFindings(t, envvet, dir)
	if len(checks) < 5 {
		t.Fatalf("standalone found only the checks %v; the comparison proves little", checks)
	}

	c := start(t, 50*time.Millisecond)
	c.initialize()
	var goFiles []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".go") {
			goFiles = append(goFiles, path)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range goFiles {
		text, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		c.notify(protocol.MethodTextDocumentDidOpen, &protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
			URI: uri.File(path), LanguageID: "go", Version: 1, Text: string(text),
		}})
	}
	for path := range want {
		if !slices.Contains(goFiles, path) && !strings.HasSuffix(path, ".env.example") {
			t.Errorf("standalone finding in %s, which is neither a Go file of the module nor its manifest", path)
		}
	}
	for _, path := range append(goFiles, filepath.Join(dir, ".env.example")) {
		w := want[path]
		slices.Sort(w)
		c.wait(uri.File(path), func(ds []protocol.Diagnostic) bool {
			var got []string
			for _, d := range ds {
				got = append(got, fmt.Sprintf("%d: %s", d.Range.Start.Line+1, d.Message))
			}
			slices.Sort(got)
			return slices.Equal(got, w)
		})
	}
	c.shutdown()
}

// standaloneFindings runs the envvet command -json ./... in dir and returns its
// findings by file, each as "line: message" (test variants' copies of a
// finding counted once, as the driver prints it), and the checks that
// reported any.
func standaloneFindings(t *testing.T, envvet, dir string) (map[string][]string, map[string]bool) {
	t.Helper()
	cmd := exec.Command(envvet, "-json", "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		// -json prints findings and analysis errors as JSON and exits 0.
		t.Fatalf("envvet -json ./...: %v\n%s", err, stderr.Bytes())
	}
	var tree map[string]map[string]json.RawMessage // package -> check -> diagnostics or {"error": ...}
	if err := json.Unmarshal(stdout.Bytes(), &tree); err != nil {
		t.Fatalf("envvet -json output does not parse: %v\n%s", err, stdout.Bytes())
	}
	type finding struct{ posn, message string }
	seen := make(map[finding]bool)
	want := make(map[string][]string)
	checks := make(map[string]bool)
	for pkg, byCheck := range tree {
		for check, raw := range byCheck {
			var diags []struct{ Posn, Message string }
			if err := json.Unmarshal(raw, &diags); err != nil {
				t.Fatalf("standalone analysis of %s by %s failed: %s", pkg, check, raw)
			}
			for _, d := range diags {
				checks[check] = true
				if seen[finding{d.Posn, d.Message}] {
					continue
				}
				seen[finding{d.Posn, d.Message}] = true
				// file:line:col
				i := strings.LastIndexByte(d.Posn, ':')
				j := strings.LastIndexByte(d.Posn[:max(i, 0)], ':')
				if j < 0 {
					t.Fatalf("bad position %q", d.Posn)
				}
				file, line := d.Posn[:j], d.Posn[j+1:i]
				want[file] = append(want[file], line+": "+d.Message)
			}
		}
	}
	return want, checks
}
