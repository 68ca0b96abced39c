package main

import (
	"testing"
	"time"

	"go.lsp.dev/protocol"
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
