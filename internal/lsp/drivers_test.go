package lsp_test

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/envvet/envvet/analyzers"
	"github.com/envvet/envvet/internal/driver"
)

// TestSameAsStandalone opens every Go file of the module that has a
// finding of every check (plugin/testdata/allchecks, which the
// golangci-lint plugin's end-to-end test compares with the standalone
// driver too) and checks that the server publishes, file by file, exactly
// the standalone driver's findings: same lines, same messages.
func TestSameAsStandalone(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../../plugin/testdata/allchecks")); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	findings, _, _, code := driver.Analyze(analyzers.Suite(analyzers.Config{}), []string{"./..."}, &driver.Options{Tests: true}, io.Discard)
	if code != driver.ExitClean {
		t.Fatalf("standalone analysis exited %d", code)
	}
	want := make(map[string][]string) // file -> sorted "line: message"
	for _, f := range findings {
		want[f.Posn.Filename] = append(want[f.Posn.Filename], fmt.Sprintf("%d: %s", f.Posn.Line, f.Diag.Message))
	}
	checks := make(map[string]bool)
	for _, f := range findings {
		checks[f.Analyzer.Name] = true
	}
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
