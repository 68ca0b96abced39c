package lsp_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// benchModule returns a copy of the module to benchmark on and the file
// to open in it: the example module's internal/mail/mail.go, or
// $ENVVET_LSP_BENCH_DIR and $ENVVET_LSP_BENCH_FILE (relative to it), for
// instance a large module from the module proxy.
func benchModule(b *testing.B) (dir, file string) {
	src, rel := "../../example", "internal/mail/mail.go"
	if d := os.Getenv("ENVVET_LSP_BENCH_DIR"); d != "" {
		src, rel = d, os.Getenv("ENVVET_LSP_BENCH_FILE")
	}
	dir = filepath.Join(b.TempDir(), "m")
	if err := os.CopyFS(dir, os.DirFS(src)); err != nil {
		b.Fatal(err)
	}
	return dir, filepath.Join(dir, filepath.FromSlash(rel))
}

func open(c *client, file string, text []byte) uri.URI {
	u := uri.File(file)
	c.notify(protocol.MethodTextDocumentDidOpen, &protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
		URI: u, LanguageID: "go", Version: 1, Text: string(text),
	}})
	return u
}

// BenchmarkFirstDiagnostics measures the time from didOpen to the first
// diagnostics of the opened file, with a new server each time.
func BenchmarkFirstDiagnostics(b *testing.B) {
	dir, file := benchModule(b)
	_ = dir
	text, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		b.StopTimer()
		c := start(b, time.Millisecond)
		c.initialize()
		b.StartTimer()
		u := open(c, file, text)
		c.wait(u, func([]protocol.Diagnostic) bool { return true })
		b.StopTimer()
		c.shutdown()
		b.StartTimer()
	}
}

// BenchmarkRepublish measures the time from a one-line edit (didChange)
// to the diagnostics re-published for it: a comment line appended to
// the file, alternately added and removed, which changes every later
// diagnostic position... and, on the example module, nothing else.
func BenchmarkRepublish(b *testing.B) {
	dir, file := benchModule(b)
	_ = dir
	text, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	c := start(b, time.Millisecond)
	c.initialize()
	u := open(c, file, text)
	c.wait(u, func([]protocol.Diagnostic) bool { return true })
	edited := strings.Replace(string(text), "\n", "\n// an edit\n", 1) // after line 1: every diagnostic moves down a line
	version := int32(1)
	for b.Loop() {
		version++
		cur := edited
		if version%2 == 1 {
			cur = string(text)
		}
		before := c.publishes()
		c.replace(u, version, cur)
		c.waitPublish(u, before)
	}
	b.StopTimer()
	c.shutdown()
}
