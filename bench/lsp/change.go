package main

import (
	"bytes"
	"unicode/utf16"
	"unicode/utf8"

	"go.lsp.dev/protocol"

	"github.com/envvet/envvet/internal/lsp"
)

// incrementalSync reports whether the server of res takes incremental
// changes (textDocumentSync as options or as a bare kind).
func incrementalSync(res *protocol.InitializeResult) bool {
	switch sync := res.Capabilities.TextDocumentSync.(type) {
	case map[string]any:
		return sync["change"] == float64(protocol.TextDocumentSyncKindIncremental)
	case float64:
		return sync == float64(protocol.TextDocumentSyncKindIncremental)
	}
	return false
}

// An editor holds the text the server has of a document (what it opened,
// then what each change made of it) and makes the change that turns it
// into the next text: the whole text, or with incremental sync the range
// that differs.
type editor struct {
	text        []byte
	incremental bool
}

// change returns the change to send for next, which the server's text
// then is.
func (ed *editor) change(next []byte) lsp.ContentChange {
	c := lsp.ContentChange{Text: string(next)}
	if ed.incremental {
		c = incrementalChange(ed.text, next)
	}
	ed.text = next
	return c
}

// incrementalChange returns the change an editor sends when prev becomes
// next: the range of prev between their common prefix and suffix, and
// the text of next that replaces it (positions in UTF-16 units).
func incrementalChange(prev, next []byte) lsp.ContentChange {
	pre := 0
	for pre < len(prev) && pre < len(next) && prev[pre] == next[pre] {
		pre++
	}
	for pre > 0 && pre < len(prev) && !utf8.RuneStart(prev[pre]) {
		pre-- // not inside a rune
	}
	suf := 0
	for suf < len(prev)-pre && suf < len(next)-pre && prev[len(prev)-1-suf] == next[len(next)-1-suf] {
		suf++
	}
	for suf > 0 && !utf8.RuneStart(prev[len(prev)-suf]) {
		suf--
	}
	return lsp.ContentChange{
		Range: &protocol.Range{Start: position(prev, pre), End: position(prev, len(prev)-suf)},
		Text:  string(next[pre : len(next)-suf]),
	}
}

// position returns the LSP position of the byte offset off of text.
func position(text []byte, off int) protocol.Position {
	line := bytes.Count(text[:off], []byte("\n"))
	start := bytes.LastIndexByte(text[:off], '\n') + 1
	units := 0
	for _, r := range string(text[start:off]) {
		units += utf16.RuneLen(r)
	}
	return protocol.Position{Line: uint32(line), Character: uint32(units)}
}
