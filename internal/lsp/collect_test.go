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

// collected matches the log line of collectLoad.
var collected = regexp.MustCompile(`^envvet lsp: .* collected the garbage of the load in `)

// TestCollectAfterLoad checks that the server collects a load's garbage
// once the analysis that loaded from source is published (issue 21), and
// not after an edit that only type-checks the edited package again: the
// first analysis is followed by a collection, two edits within lines by
// none, and an edit that adds an import (a full load) by one again.
func TestCollectAfterLoad(t *testing.T) {
	t.Parallel()
	dir := writeModule(t, map[string]string{
		"go.mod":       "module example.com/t\n\ngo 1.26\n",
		".env.example": "APP_MOD=\nDB_URL=\n",
		"main.go":      mainGo,
	})
	u := uri.File(filepath.Join(dir, "main.go"))
	c := start(t, 10*time.Millisecond)
	c.initialize()
	c.notify(protocol.MethodTextDocumentDidOpen, &protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
		URI: u, LanguageID: "go", Version: 1, Text: mainGo,
	}})
	c.wait(u, func(ds []protocol.Diagnostic) bool { return len(ds) == 0 })
	c.waitLog(analysisDone, 0)
	c.waitLog(collected, 0)

	edit := func(version int32, text string) []string {
		t.Helper()
		skip := c.eventCount()
		c.replace(u, version, text)
		return c.waitLog(analysisDone, skip)[skip:]
	}
	count := func(events []string) int {
		n := 0
		for _, e := range events {
			if line, ok := strings.CutPrefix(e, "log: "); ok && collected.MatchString(line) {
				n++
			}
		}
		return n
	}
	// Analyses run one at a time and a collection ends the analysis that
	// loaded, so one after the first edit would be logged before the
	// second edit's analysis ends.
	v2 := edit(2, strings.Replace(mainGo, `"DB_URL"`, `"DB_URI"`, 1))
	v3 := edit(3, strings.Replace(mainGo, `"APP_MOD"`, `"APP_MODE"`, 1))
	if n := count(append(v2, v3...)); n != 0 {
		t.Errorf("%d collections after two edits that type-check main.go again, want 0; events:\n%s", n, strings.Join(append(v2, v3...), "\n"))
	}
	withImport := strings.Replace(mainGo, `import "os"`, "import (\n\t\"fmt\"\n\t\"os\"\n)", 1)
	withImport = strings.Replace(withImport, "func main() {\n", "func main() {\n\tfmt.Println()\n", 1)
	skip := c.eventCount()
	edit(4, withImport)
	c.waitLog(collected, skip)
	c.mu.Lock()
	slog := strings.Join(c.slog, "\n")
	c.mu.Unlock()
	if !strings.Contains(slog, "loaded ./.") || strings.Count(slog, "loaded ./. in") != 2 {
		t.Errorf("want two full loads of ./. (the first analysis and the new import); log:\n%s", slog)
	}
	c.shutdown()
}
