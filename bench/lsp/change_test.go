package main

import (
	"strings"
	"testing"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"go.lsp.dev/protocol"

	"github.com/envvet/envvet/internal/lsp"
)

func TestIncrementalChange(t *testing.T) {
	orig := []byte("// é😀\npackage p\n\nvar x = 1\n")
	for _, tc := range []struct {
		name       string
		prev, next []byte
		start, end protocol.Position
		text       string
	}{
		{"the first edit: an insertion at the package clause's end", orig, edited(orig, 1),
			protocol.Position{Line: 1, Character: 9}, protocol.Position{Line: 1, Character: 9}, " // edit 1"},
		{"the next: its number replaced", edited(orig, 1), edited(orig, 2),
			protocol.Position{Line: 1, Character: 18}, protocol.Position{Line: 1, Character: 19}, "2"},
		{"after a surrogate pair, in UTF-16 units", []byte("é😀a\n"), []byte("é😀b\n"),
			protocol.Position{Line: 0, Character: 3}, protocol.Position{Line: 0, Character: 4}, "b"},
		{"runes sharing leading bytes", []byte("xé\n"), []byte("xè\n"),
			protocol.Position{Line: 0, Character: 1}, protocol.Position{Line: 0, Character: 2}, "è"},
		{"the same text", orig, orig,
			protocol.Position{Line: 4, Character: 0}, protocol.Position{Line: 4, Character: 0}, ""},
	} {
		c := incrementalChange(tc.prev, tc.next)
		if c.Range == nil || c.Range.Start != tc.start || c.Range.End != tc.end || c.Text != tc.text {
			t.Errorf("%s: got %+v %q, want %v-%v %q", tc.name, c.Range, c.Text, tc.start, tc.end, tc.text)
		}
	}
}

// TestEditorChanges: the changes an editor sends for the bench's edits,
// applied in turn to the text it opened (as the server applies them), give
// each edit's text, whether the package clause has a comment or not. The
// first incremental change is made against the opened text, not against
// an edit 0 (which turned "package p" into "package p1").
func TestEditorChanges(t *testing.T) {
	for _, orig := range []string{
		"// é😀\npackage p\n\nvar x = 1\n",
		"package main // import \"example.com/m\"\n\nfunc main() {}\n",
	} {
		for _, incremental := range []bool{true, false} {
			ed := &editor{text: []byte(orig), incremental: incremental}
			server := []byte(orig)
			for i := 1; i <= 12; i++ {
				want := edited([]byte(orig), i)
				server = apply(server, ed.change(want))
				if string(server) != string(want) {
					t.Fatalf("incremental %v, edit %d of %q: the server has\n%q\nwant\n%q", incremental, i, orig, server, want)
				}
			}
		}
	}
}

// apply applies c to text as the server does (UTF-16 positions).
func apply(text []byte, c lsp.ContentChange) []byte {
	if c.Range == nil {
		return []byte(c.Text)
	}
	off := func(p protocol.Position) int {
		lines := strings.SplitAfter(string(text), "\n")
		o := 0
		for _, l := range lines[:p.Line] {
			o += len(l)
		}
		units := uint32(0)
		for _, r := range lines[p.Line] {
			if units >= p.Character {
				break
			}
			units += uint32(utf16.RuneLen(r))
			o += utf8.RuneLen(r)
		}
		return o
	}
	start, end := off(c.Range.Start), off(c.Range.End)
	return []byte(string(text[:start]) + c.Text + string(text[end:]))
}

func TestIncrementalSync(t *testing.T) {
	for _, tc := range []struct {
		sync any
		want bool
	}{
		{map[string]any{"change": float64(protocol.TextDocumentSyncKindIncremental)}, true},
		{map[string]any{"change": float64(protocol.TextDocumentSyncKindFull)}, false},
		{float64(protocol.TextDocumentSyncKindIncremental), true},
		{nil, false},
	} {
		res := &protocol.InitializeResult{Capabilities: protocol.ServerCapabilities{TextDocumentSync: tc.sync}}
		if got := incrementalSync(res); got != tc.want {
			t.Errorf("incrementalSync(%v) = %v", tc.sync, got)
		}
	}
}

// TestLoggedCheck: the type-check's time is read from the server's log
// line with and without go/types' part of it.
func TestLoggedCheck(t *testing.T) {
	for _, tc := range []struct {
		line           string
		check, goTypes time.Duration
	}{
		{"reused the load of ./cmd/derper: 1 changed files type-checked again in 4.207412ms", 4207412, -1},
		{"reused the load of ./cmd/derper: 1 changed files type-checked again in 4.2ms (go/types 3.5ms)", 4200 * time.Microsecond, 3500 * time.Microsecond},
	} {
		if !checkAgain.MatchString(tc.line) {
			t.Errorf("%q: not matched", tc.line)
		}
		if c, g := loggedDuration(checkAgain, []byte(tc.line)), loggedDuration(goTypes, []byte(tc.line)); c != tc.check || g != tc.goTypes {
			t.Errorf("%q: check %v, go/types %v; want %v, %v", tc.line, c, g, tc.check, tc.goTypes)
		}
	}
}
