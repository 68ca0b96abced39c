package lsp_test

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// TestEditSkipsTestMain checks that an edit of a package with tests
// analyzes again the package and its test variant, not the main package
// go test generates for the test binary (issue 21): no check reports in
// that file of the build cache, and it is the third package re-analyzed.
func TestEditSkipsTestMain(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"go.mod":       "module example.com/t\n\ngo 1.26\n",
		".env.example": "APP_MOD=\nDB_URL=\n",
		"main.go":      mainGo,
		"main_test.go": "package main\n\nimport \"testing\"\n\nfunc TestMain(t *testing.T) { main() }\n",
	})
	u := uri.File(filepath.Join(dir, "main.go"))
	c := start(t, 10*time.Millisecond)
	c.initialize()
	c.notify(protocol.MethodTextDocumentDidOpen, &protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
		URI: u, LanguageID: "go", Version: 1, Text: mainGo,
	}})
	c.wait(u, func(ds []protocol.Diagnostic) bool { return len(ds) == 0 })
	c.waitLog(analysisDone, 0)
	skip := c.eventCount()
	edited := strings.Replace(mainGo, `"DB_URL"`, `"DB_URI"`, 1)
	c.replace(u, 2, edited)
	c.wait(u, func(ds []protocol.Diagnostic) bool { return hasMessage(ds, `"DB_URI"`) })
	c.waitLog(analysisDone, skip) // the test variant's analysis ends after the first publication (TestEarlyPublish)
	c.mu.Lock()
	slog := c.slog
	c.mu.Unlock()
	analyzed := regexp.MustCompile(`analyzed (\d+) packages`)
	var last string
	reused := false
	for _, line := range slog {
		if m := analyzed.FindStringSubmatch(line); m != nil {
			last = m[1]
		}
		reused = reused || strings.Contains(line, "reused the load")
	}
	if !reused || last != "2" {
		t.Errorf("after the edit: reused the load %v, analyzed %s packages; want the load reused and 2 packages (main and its test variant); server logged:\n%s", reused, last, strings.Join(slog, "\n"))
	}
	c.shutdown()
}
