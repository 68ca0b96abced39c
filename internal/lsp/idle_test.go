package lsp_test

import (
	"path/filepath"
	"regexp"
	"runtime/metrics"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// idleCollected matches the log line of a collection in idle time.
var idleCollected = regexp.MustCompile(`^envvet lsp: .* collected in idle time in `)

// sink keeps the test's garbage reachable until the test drops it.
var sink [][]byte

// TestIdleCollect checks that the server collects in idle time after an
// edit's analysis once the heap has used half its way to the collector's
// next goal (issue 21: the pacing's own cycle otherwise starts during an
// edit), and not after an edit that leaves the heap below that. The
// server runs in this process, so the test makes the garbage itself.
func TestIdleCollect(t *testing.T) {
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
	c.waitLog(analysisDone, 0)
	c.waitLog(collected, 0)

	// The negative twin: an edit right after the load's collection
	// leaves the heap well below half its way.
	skip := c.eventCount()
	c.replace(u, 2, strings.Replace(mainGo, "func main() {", "func main() { // 2", 1))
	c.waitLog(analysisDone, skip)
	time.Sleep(3 * time.Second) // three times the server's idle delay
	c.mu.Lock()
	events := append([]string(nil), c.events[skip:]...)
	c.mu.Unlock()
	if anyLog(events, idleCollected) {
		t.Errorf("a collection in idle time after an edit that left the heap below half its way; events:\n%s", strings.Join(events, "\n"))
	}

	// Garbage up to 60% of the way: below the pacing's trigger (70% at
	// least), above the server's half.
	used, way := heapWay(t)
	for used < way*6/10 {
		sink = append(sink, make([]byte, 64<<10))
		used += 64 << 10
	}
	sink = nil
	skip = c.eventCount()
	c.replace(u, 3, strings.Replace(mainGo, "func main() {", "func main() { // 3", 1))
	c.waitLog(analysisDone, skip)
	c.waitLog(idleCollected, skip)
	c.shutdown()
}

func anyLog(events []string, re *regexp.Regexp) bool {
	for _, e := range events {
		if line, ok := strings.CutPrefix(e, "log: "); ok && re.MatchString(line) {
			return true
		}
	}
	return false
}

// heapWay returns the bytes allocated since the last collection and the
// way from the live heap to the next goal, as the server computes them.
func heapWay(t *testing.T) (used, way uint64) {
	m := []metrics.Sample{{Name: "/gc/heap/live:bytes"}, {Name: "/gc/heap/goal:bytes"}, {Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(m)
	live, goal, objects := m[0].Value.Uint64(), m[1].Value.Uint64(), m[2].Value.Uint64()
	if goal <= live || objects < live {
		t.Fatalf("heap: live %d, goal %d, objects %d", live, goal, objects)
	}
	return objects - live, goal - live
}
