//go:build unix

package lsp_test

import (
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// TestLogCPU checks that the server logs its own CPU time at the events
// bench/lsp times an edit by (issue 21): the receipt of a didChange, the
// start of an analysis, the publication before the test variants, the end
// of the analysis and the collection of a load, and that the figures grow
// through the session.
func TestLogCPU(t *testing.T) {
	t.Parallel()
	dir := writeModule(t, map[string]string{
		"go.mod":       "module example.com/t\n\ngo 1.26\n",
		".env.example": "APP_MOD=\nDB_URL=\n",
		"main.go":      mainGo,
		"main_test.go": "package main\n\nimport \"testing\"\n\nfunc TestMain(t *testing.T) {}\n",
	})
	u := uri.File(filepath.Join(dir, "main.go"))
	c := start(t, 10*time.Millisecond)
	c.initialize()
	c.notify(protocol.MethodTextDocumentDidOpen, &protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
		URI: u, LanguageID: "go", Version: 1, Text: mainGo,
	}})
	c.waitLog(analysisDone, 0)
	c.waitLog(collected, 0)
	skip := c.eventCount()
	c.replace(u, 2, strings.Replace(mainGo, "func main() {", "func main() { // edited", 1))
	c.waitLog(analysisDone, skip)
	c.mu.Lock()
	slog := append([]string(nil), c.slog...)
	c.mu.Unlock()
	c.shutdown()

	mark := regexp.MustCompile(`\(cpu (\d+)us\)$`)
	events := []*regexp.Regexp{
		regexp.MustCompile(`<- textDocument/didChange `),
		regexp.MustCompile(`analysis 2 started `),
		regexp.MustCompile(`published the diagnostics of 1 files before the test variants `),
		analysisDone,
		collected,
	}
	found := make([]bool, len(events))
	last := int64(-1)
	for _, line := range slog {
		m := mark.FindStringSubmatch(line)
		for i, re := range events {
			if re.MatchString(line) {
				found[i] = true
				if m == nil {
					t.Errorf("log line without the server's CPU time: %s", line)
				}
			}
		}
		if m == nil {
			continue
		}
		us, _ := strconv.ParseInt(m[1], 10, 64)
		if us < last {
			t.Errorf("CPU time %d us after %d us: %s", us, last, line)
		}
		last = us
	}
	for i, ok := range found {
		if !ok {
			t.Errorf("no log line matching %s; log:\n%s", events[i], strings.Join(slog, "\n"))
		}
	}
}
