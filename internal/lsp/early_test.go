package lsp_test

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// waitLog waits for a line of the server's log matching re after the
// first skip events, and returns the events up to it.
func (c *client) waitLog(re *regexp.Regexp, skip int) []string {
	c.t.Helper()
	timeout := time.After(waitTimeout)
	for {
		c.mu.Lock()
		events := c.events
		c.mu.Unlock()
		for i := skip; i < len(events); i++ {
			if line, ok := strings.CutPrefix(events[i], "log: "); ok && re.MatchString(line) {
				return events[:i+1]
			}
		}
		select {
		case <-c.kick:
		case <-timeout:
			c.t.Fatalf("the server logged no line matching %s; events:\n%s", re, strings.Join(events[skip:], "\n"))
		}
	}
}

func (c *client) eventCount() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.events)
}

// analysisDone matches the log line that ends an analysis.
var analysisDone = regexp.MustCompile(`^envvet lsp: .* analysis of \d+ open files`)

// TestEarlyPublish checks that an edit of a package with tests publishes
// the package's diagnostics before its test variant is type-checked and
// analyzed (issue 21), then publishes the full set again: the edited
// file's two publications of the new version both carry its finding,
// the first before the server logs the test variant's analysis; the
// test file, which only the test variant compiles, is not touched by the
// first and keeps its finding.
func TestEarlyPublish(t *testing.T) {
	const testGo = "package main\n\nimport (\n\t\"os\"\n\t\"testing\"\n)\n\nfunc TestMain(t *testing.T) { _ = os.Getenv(\"TEST_KEY\"); main() }\n"
	dir := writeModule(t, map[string]string{
		"go.mod":       "module example.com/t\n\ngo 1.26\n",
		".env.example": "APP_MOD=\nDB_URL=\n",
		"main.go":      mainGo,
		"main_test.go": testGo,
	})
	u, tu := uri.File(filepath.Join(dir, "main.go")), uri.File(filepath.Join(dir, "main_test.go"))
	c := start(t, 10*time.Millisecond)
	c.initialize()
	c.notify(protocol.MethodTextDocumentDidOpen, &protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
		URI: u, LanguageID: "go", Version: 1, Text: mainGo,
	}})
	c.wait(u, func(ds []protocol.Diagnostic) bool { return len(ds) == 0 })
	c.waitLog(analysisDone, 0)
	skip := c.eventCount()
	before := c.publishes()
	edited := strings.Replace(mainGo, `"DB_URL"`, `"DB_URI"`, 1)
	c.replace(u, 2, edited)
	c.waitLog(analysisDone, skip)
	// The last publication is sent before that log line, and may arrive
	// after it.
	deadline := time.Now().Add(10 * time.Second)
	for c.publishes()[u] < before[u]+2 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	c.mu.Lock()
	events := c.events[skip:]
	slog := c.slog
	testDiags := c.last[tu]
	c.mu.Unlock()
	mainPub := fmt.Sprintf("publish %s v2: ", u)
	var pubs []string
	for _, e := range events {
		switch {
		case strings.HasPrefix(e, mainPub):
			pubs = append(pubs, e)
			if !strings.Contains(e, `\"DB_URI\"`) {
				t.Errorf("publication %q lacks the finding on DB_URI", e)
			}
		case strings.HasPrefix(e, fmt.Sprintf("publish %s ", tu)) && !strings.Contains(e, "TEST_KEY"):
			t.Errorf("the test file's finding was cleared: %q", e)
		}
	}
	if !hasMessage(testDiags, `"TEST_KEY"`) {
		t.Errorf("the test file shows %q, want its finding on TEST_KEY", messages(testDiags))
	}
	// The server publishes, then logs, then analyzes the test variant.
	early, variant := -1, -1
	for i, line := range slog {
		switch {
		case strings.Contains(line, "published the diagnostics of 1 files before the test variants"):
			early = i
		case strings.Contains(line, "of which 1 before the test variants"):
			variant = i
		}
	}
	if len(pubs) != 2 || early < 0 || variant < early {
		t.Errorf("main.go v2 published %d times, the early publication logged at %d, the test variant's analysis at %d; want 2, the first before the test variant's analysis; events:\n%s",
			len(pubs), early, variant, strings.Join(events, "\n"))
	}
	c.shutdown()
}
