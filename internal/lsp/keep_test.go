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

// TestImporters checks that editing a helper package re-checks the
// packages importing it, which are not open, exactly when what they see
// of it changes (issue 21, keep.go): once h.Get reads the environment (its
// facts change, its API does not), main's call h.Get("APP_MOD") reads an
// undeclared key, and no longer once it does not; after an edit that
// changes neither (a comment), main keeps its diagnostics and is not
// analyzed again; after a change of the exported constant h.Key's value
// (its API), main's read os.Getenv(h.Key) follows, and so it does when
// only the facts change again.
func TestImporters(t *testing.T) {
	t.Parallel()
	const helper = `package h

import "os"

var _ = os.Args

// Key is a key main reads.
const Key = "APP_MODE"

// Get returns k.
func Get(k string) string { return k }
`
	reads := strings.Replace(helper, "return k", "return os.Getenv(k)", 1)
	otherKey := func(s string) string { return strings.Replace(s, `"APP_MODE"`, `"APP_MODES"`, 1) }
	dir := writeModule(t, map[string]string{
		"go.mod":       "module example.com/t\n\ngo 1.26\n",
		".env.example": "APP_MODE=\n",
		"h/h.go":       helper,
		"main.go":      "package main\n\nimport (\n\t\"os\"\n\n\t\"example.com/t/h\"\n)\n\nfunc main() { _ = h.Get(\"APP_MOD\") + os.Getenv(\"APP_MODE\") + os.Getenv(h.Key) }\n",
	})
	hURI, mainURI := uri.File(filepath.Join(dir, "h", "h.go")), uri.File(filepath.Join(dir, "main.go"))
	c := start(t, 10*time.Millisecond)
	c.initialize()
	c.notify(protocol.MethodTextDocumentDidOpen, &protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
		URI: hURI, LanguageID: "go", Version: 1, Text: helper,
	}})
	c.wait(hURI, func(ds []protocol.Diagnostic) bool { return len(ds) == 0 })
	const viaGet = `env key "APP_MOD" is not declared in .env.example; did you mean "APP_MODE"? (read via h.Get)`
	steps := []struct {
		name, text string
		want       []string // substrings of main's diagnostics, one each
		analyzed   string   // packages analyzed, "" for any
	}{
		{"Get reads", reads, []string{viaGet}, ""},
		{"Get no longer reads", helper, nil, ""},
		{"a comment", strings.Replace(helper, "// Get returns k.", "// Get returns k, unchanged.", 1), nil, "1"},
		{"Key's value", otherKey(helper), []string{`env key "APP_MODES" is not declared`}, ""},
		{"Get reads again", otherKey(reads), []string{viaGet, `env key "APP_MODES" is not declared`}, ""},
	}
	for i, step := range steps {
		before := c.publishes()
		c.replace(hURI, int32(i+2), step.text)
		c.waitPublish(hURI, before)
		c.wait(mainURI, func(ds []protocol.Diagnostic) bool {
			if len(ds) != len(step.want) {
				return false
			}
			for _, w := range step.want {
				if !hasMessage(ds, w) {
					return false
				}
			}
			return true
		})
		if got := lastAnalyzed(c); step.analyzed != "" && got != step.analyzed {
			t.Errorf("after %s: analyzed %s packages, want %s (h alone)", step.name, got, step.analyzed)
		}
	}
	c.shutdown()
}

// lastAnalyzed returns the number of packages the server's last analysis
// analyzed, from its log.
func lastAnalyzed(c *client) string {
	c.mu.Lock()
	defer c.mu.Unlock()
	analyzed := regexp.MustCompile(`analyzed (\d+) packages`)
	var last string
	for _, line := range c.slog {
		if m := analyzed.FindStringSubmatch(line); m != nil {
			last = m[1]
		}
	}
	return last
}
