package lsp

import (
	"encoding/json"
	"testing"

	"go.lsp.dev/protocol"
)

func TestApplyChanges(t *testing.T) {
	at := func(l1, c1, l2, c2 uint32) *protocol.Range {
		return &protocol.Range{Start: protocol.Position{Line: l1, Character: c1}, End: protocol.Position{Line: l2, Character: c2}}
	}
	const text = "package p\n\nvar s = \"é😀x\"\n"
	for _, tc := range []struct {
		name    string
		changes []ContentChange
		want    string
	}{
		{"whole text", []ContentChange{{Text: "package q\n"}}, "package q\n"},
		{"insert at 0:0", []ContentChange{{Range: at(0, 0, 0, 0), Text: "// P.\n"}}, "// P.\n" + text},
		{"replace a word", []ContentChange{{Range: at(0, 8, 0, 9), Text: "q"}}, "package q\n\nvar s = \"é😀x\"\n"},
		{"across lines", []ContentChange{{Range: at(0, 9, 2, 0), Text: "\n"}}, "package p\nvar s = \"é😀x\"\n"},
		// Characters count UTF-16 units: é is one, 😀 two, so x is at 12.
		{"after a surrogate pair", []ContentChange{{Range: at(2, 12, 2, 13), Text: "y"}}, "package p\n\nvar s = \"é😀y\"\n"},
		{"in order", []ContentChange{{Range: at(0, 0, 0, 0), Text: "// P.\n"}, {Range: at(1, 8, 1, 9), Text: "q"}}, "// P.\npackage q\n\nvar s = \"é😀x\"\n"},
		{"whole text, then an edit of it", []ContentChange{{Text: "a\nb\n"}, {Range: at(1, 0, 1, 1), Text: "c"}}, "a\nc\n"},
		{"past the end of a line", []ContentChange{{Range: at(0, 40, 0, 50), Text: " // x"}}, "package p // x\n\nvar s = \"é😀x\"\n"},
		{"past the end of the text", []ContentChange{{Range: at(9, 0, 9, 0), Text: "// end\n"}}, text + "// end\n"},
		{"end before start", []ContentChange{{Range: at(0, 9, 0, 1), Text: "!"}}, "p!ackage p\n\nvar s = \"é😀x\"\n"},
	} {
		if got := string(applyChanges([]byte(text), tc.changes)); got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestContentChangeJSON checks that a change without a range decodes as
// the whole text and one with the range 0:0-0:0 as an insertion, which
// protocol.TextDocumentContentChangeEvent cannot tell apart.
func TestContentChangeJSON(t *testing.T) {
	var p DidChangeParams
	msg := `{"textDocument":{"uri":"file:///a.go","version":2},"contentChanges":[{"text":"all"},{"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":0}},"rangeLength":0,"text":"x"}]}`
	if err := json.Unmarshal([]byte(msg), &p); err != nil {
		t.Fatal(err)
	}
	if len(p.ContentChanges) != 2 || p.ContentChanges[0].Range != nil || p.ContentChanges[1].Range == nil || p.TextDocument.Version != 2 {
		t.Fatalf("decoded %+v", p)
	}
	if got := string(applyChanges([]byte("old"), p.ContentChanges)); got != "xall" {
		t.Errorf("applied: %q, want %q", got, "xall")
	}
}
