package lsp_test

import (
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
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

// variantSession is what TestEarlyPublish, TestEditSkipsTestMain and
// TestLogCPU assert on: a server's session on a package with tests
// (main.go, and main_test.go reading TEST_KEY), main.go opened and
// analyzed, the load's garbage collected, then main.go edited once
// (DB_URL becomes DB_URI) and analyzed again. The tests share one
// session: each analysis of a package with tests loads the dependencies
// of the test binary's main package (testing and its own) from source,
// most of any of these tests' CPU under the race detector.
type variantSession struct {
	once   sync.Once
	failed bool
	u, tu  uri.URI
	// events are the client's events after the edit, slog the whole
	// server log; mainDiags and testDiags are what main.go and
	// main_test.go show at the end.
	events, slog         []string
	mainDiags, testDiags []protocol.Diagnostic
}

var variant variantSession

// variantEdit runs the session on the first call, in t, and returns it.
func variantEdit(t *testing.T) *variantSession {
	t.Helper()
	v := &variant
	v.once.Do(func() {
		v.failed = true
		const testGo = "package main\n\nimport (\n\t\"os\"\n\t\"testing\"\n)\n\nfunc TestMain(t *testing.T) { _ = os.Getenv(\"TEST_KEY\"); main() }\n"
		dir := writeModule(t, map[string]string{
			"go.mod":       "module example.com/t\n\ngo 1.26\n",
			".env.example": "APP_MOD=\nDB_URL=\n",
			"main.go":      mainGo,
			"main_test.go": testGo,
		})
		v.u, v.tu = uri.File(filepath.Join(dir, "main.go")), uri.File(filepath.Join(dir, "main_test.go"))
		c := start(t, 10*time.Millisecond)
		c.initialize()
		c.notify(protocol.MethodTextDocumentDidOpen, &protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
			URI: v.u, LanguageID: "go", Version: 1, Text: mainGo,
		}})
		c.wait(v.u, func(ds []protocol.Diagnostic) bool { return len(ds) == 0 })
		c.waitLog(analysisDone, 0)
		c.waitLog(collected, 0) // the first analysis loaded: its garbage is collected (TestLogCPU)
		skip := c.eventCount()
		before := c.publishes()
		edited := strings.Replace(mainGo, `"DB_URL"`, `"DB_URI"`, 1)
		c.replace(v.u, 2, edited)
		c.wait(v.u, func(ds []protocol.Diagnostic) bool { return hasMessage(ds, `"DB_URI"`) })
		c.waitLog(analysisDone, skip) // the test variant's analysis ends after the first publication
		// The last publication is sent before that log line, and may arrive
		// after it.
		deadline := time.Now().Add(10 * time.Second)
		for c.publishes()[v.u] < before[v.u]+2 && time.Now().Before(deadline) {
			time.Sleep(10 * time.Millisecond)
		}
		c.mu.Lock()
		v.events = slices.Clone(c.events[skip:])
		v.slog = slices.Clone(c.slog)
		v.mainDiags, v.testDiags = c.last[v.u], c.last[v.tu]
		c.mu.Unlock()
		c.shutdown()
		v.failed = false
	})
	if v.failed {
		t.Fatal("the session on a package with tests failed (see the first test that ran it)")
	}
	return v
}

// TestEarlyPublish checks that an edit of a package with tests publishes
// the package's diagnostics before its test variant is type-checked and
// analyzed (issue 21), then publishes the full set again: the edited
// file's two publications of the new version both carry its finding,
// the first before the server logs the test variant's analysis; the
// test file, which only the test variant compiles, is not touched by the
// first and keeps its finding.
func TestEarlyPublish(t *testing.T) {
	t.Parallel()
	v := variantEdit(t)
	mainPub := fmt.Sprintf("publish %s v2: ", v.u)
	var pubs []string
	for _, e := range v.events {
		switch {
		case strings.HasPrefix(e, mainPub):
			pubs = append(pubs, e)
			if !strings.Contains(e, `\"DB_URI\"`) {
				t.Errorf("publication %q lacks the finding on DB_URI", e)
			}
		case strings.HasPrefix(e, fmt.Sprintf("publish %s ", v.tu)) && !strings.Contains(e, "TEST_KEY"):
			t.Errorf("the test file's finding was cleared: %q", e)
		}
	}
	if !hasMessage(v.testDiags, `"TEST_KEY"`) {
		t.Errorf("the test file shows %q, want its finding on TEST_KEY", messages(v.testDiags))
	}
	// The server publishes, then logs, then analyzes the test variant.
	early, variant := -1, -1
	for i, line := range v.slog {
		switch {
		case strings.Contains(line, "published the diagnostics of 1 files before the test variants"):
			early = i
		case strings.Contains(line, "of which 1 before the test variants"):
			variant = i
		}
	}
	if len(pubs) != 2 || early < 0 || variant < early {
		t.Errorf("main.go v2 published %d times, the early publication logged at %d, the test variant's analysis at %d; want 2, the first before the test variant's analysis; events:\n%s",
			len(pubs), early, variant, strings.Join(v.events, "\n"))
	}
}
