package lsp

import "go.lsp.dev/protocol"

// The server takes incremental changes (TextDocumentSyncKindIncremental),
// as gopls does: an editor then sends the range a keystroke replaced,
// not the whole file again (20 KB of JSON per keystroke for tailscale's
// cmd/derper/derper.go, encoded by the editor and decoded here).
//
// protocol.TextDocumentContentChangeEvent cannot be used to decode one:
// its Range is a value, so a change without a range (the whole text) and
// an insertion at 0:0 read the same. DidChangeParams and ContentChange
// tell them apart.

// DidChangeParams are the parameters of textDocument/didChange.
type DidChangeParams struct {
	TextDocument   protocol.VersionedTextDocumentIdentifier `json:"textDocument"`
	ContentChanges []ContentChange                          `json:"contentChanges"`
}

// A ContentChange is one change of a didChange: Text replaces Range, or
// the whole document when Range is nil. Positions count UTF-16 code
// units, as the protocol's default encoding does. (rangeLength is
// deprecated in the protocol and ignored, as gopls does.)
type ContentChange struct {
	Range *protocol.Range `json:"range,omitempty"`
	Text  string          `json:"text"`
}

// applyChanges returns text with changes applied in order, each to the
// result of the ones before it. A range past the end of its line or of
// the text is clamped to it; one whose end comes before its start
// replaces nothing and inserts at its end.
func applyChanges(text []byte, changes []ContentChange) []byte {
	for _, c := range changes {
		if c.Range == nil {
			text = []byte(c.Text)
			continue
		}
		start, end := offset(text, c.Range.Start), offset(text, c.Range.End)
		if start > end {
			start = end
		}
		next := make([]byte, 0, len(text)-(end-start)+len(c.Text))
		next = append(append(append(next, text[:start]...), c.Text...), text[end:]...)
		text = next
	}
	return text
}
