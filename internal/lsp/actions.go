package lsp

import (
	"bytes"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf16"
	"unicode/utf8"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/envvet/envvet/internal/manifest"
	"github.com/envvet/envvet/internal/passutil"
)

// codeActions returns the quick fixes of the published diagnostics that
// overlap the requested range.
func (s *server) codeActions(p *protocol.CodeActionParams) []protocol.CodeAction {
	out := []protocol.CodeAction{}
	if len(p.Context.Only) > 0 && !slices.ContainsFunc(p.Context.Only, func(k protocol.CodeActionKind) bool {
		return k == protocol.QuickFix || strings.HasPrefix(string(protocol.QuickFix), string(k)+".")
	}) {
		return out
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, e := range s.fixes[p.TextDocument.URI] {
		if overlaps(e.diag.Range, p.Range) {
			out = append(out, e.actions...)
		}
	}
	return out
}

// overlaps reports whether two ranges share a position (an empty range,
// a cursor, overlaps a range containing it).
func overlaps(a, b protocol.Range) bool {
	return !before(a.End, b.Start) && !before(b.End, a.Start)
}

func before(p, q protocol.Position) bool {
	return p.Line < q.Line || p.Line == q.Line && p.Character < q.Character
}

// undeclaredKey matches envkeys' message about an undeclared key. It is
// compiled on first use: every envvet process (each go vet process too)
// links this package, and only the language server matches.
var undeclaredKey = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^env key ("(?:[^"\\]|\\.)*") is not declared in `)
})

// declareKey returns the action declaring the key of an undeclared-key
// diagnostic, reported in file, in the manifest governing file: "KEY="
// appended to a dotenv file, "KEY:" added under keys: in envvet.yaml.
func (c *converter) declareKey(file, message string) (protocol.CodeAction, bool) {
	m := undeclaredKey().FindStringSubmatch(message)
	if m == nil {
		return protocol.CodeAction{}, false
	}
	key, err := strconv.Unquote(m[1])
	if err != nil || key == "" {
		return protocol.CodeAction{}, false
	}
	var path string
	if len(c.cfg.EnvKeys.Manifest) > 0 {
		path = c.cfg.EnvKeys.Manifest[0]
		if !filepath.IsAbs(path) {
			root := passutil.ModuleRoot(filepath.Dir(file))
			if root == "" {
				return protocol.CodeAction{}, false
			}
			path = filepath.Join(root, path)
		}
	} else if path, err = manifest.Discover(filepath.Dir(file)); err != nil || path == "" {
		return protocol.CodeAction{}, false
	}
	text := c.content(path)
	var edit protocol.TextEdit
	switch base := filepath.Base(path); {
	case strings.HasSuffix(base, ".yaml") || strings.HasSuffix(base, ".yml"):
		e, ok := yamlDeclare(text, key)
		if !ok {
			return protocol.CodeAction{}, false
		}
		edit = e
	default:
		line := key + "=\n"
		if len(text) > 0 && text[len(text)-1] != '\n' {
			line = "\n" + line
		}
		end := endPosition(text)
		edit = protocol.TextEdit{Range: protocol.Range{Start: end, End: end}, NewText: line}
	}
	return protocol.CodeAction{
		Title: fmt.Sprintf("Declare %s in %s", key, filepath.Base(path)),
		Kind:  protocol.QuickFix,
		Edit:  &protocol.WorkspaceEdit{Changes: map[protocol.DocumentURI][]protocol.TextEdit{uri.File(path): {edit}}},
	}, true
}

// yamlDeclare returns the edit adding key, without attributes, as the
// first entry of envvet.yaml's top-level keys: mapping, indented like the
// entry it precedes.
func yamlDeclare(text []byte, key string) (protocol.TextEdit, bool) {
	lines := strings.SplitAfter(string(text), "\n")
	for i, l := range lines {
		if strings.TrimRight(l, " \t\r\n") != "keys:" {
			continue
		}
		indent := "  "
		for _, next := range lines[i+1:] {
			t := strings.TrimLeft(next, " ")
			if strings.TrimSpace(t) == "" || strings.HasPrefix(t, "#") {
				continue
			}
			if n := len(next) - len(t); n > 0 {
				indent = next[:n]
			}
			break
		}
		pos := protocol.Position{Line: uint32(i + 1)}
		newText := indent + key + ":\n"
		if !strings.HasSuffix(l, "\n") {
			pos = lineEnd(text, i+1)
			newText = "\n" + newText
		}
		return protocol.TextEdit{Range: protocol.Range{Start: pos, End: pos}, NewText: newText}, true
	}
	return protocol.TextEdit{}, false
}

// lspPosition converts a 1-based line and byte column into an LSP
// position, whose character counts UTF-16 code units.
func lspPosition(text []byte, line, col int) protocol.Position {
	if line < 1 {
		return protocol.Position{}
	}
	ls := lineBytes(text, line)
	if ls == nil {
		return protocol.Position{Line: uint32(line - 1), Character: uint32(max(col-1, 0))}
	}
	n := min(max(col-1, 0), len(ls))
	return protocol.Position{Line: uint32(line - 1), Character: uint32(utf16Len(ls[:n]))}
}

// lineEnd returns the position of the end of a 1-based line, before its newline.
func lineEnd(text []byte, line int) protocol.Position {
	ls := lineBytes(text, line)
	ls = bytes.TrimRight(ls, "\r\n")
	return protocol.Position{Line: uint32(max(line-1, 0)), Character: uint32(utf16Len(ls))}
}

// endPosition returns the position after the last character of text.
func endPosition(text []byte) protocol.Position {
	i := bytes.LastIndexByte(text, '\n')
	return protocol.Position{Line: uint32(bytes.Count(text, []byte("\n"))), Character: uint32(utf16Len(text[i+1:]))}
}

// lineBytes returns the 1-based line of text, with its newline; nil if
// text has no such line.
func lineBytes(text []byte, line int) []byte {
	for i := 1; i < line; i++ {
		j := bytes.IndexByte(text, '\n')
		if j < 0 {
			return nil
		}
		text = text[j+1:]
	}
	if j := bytes.IndexByte(text, '\n'); j >= 0 {
		return text[:j+1]
	}
	return text
}

// offset converts an LSP position into a byte offset in text, clamped to
// the text.
func offset(text []byte, p protocol.Position) int {
	off := 0
	for i := uint32(0); i < p.Line; i++ {
		j := bytes.IndexByte(text[off:], '\n')
		if j < 0 {
			return len(text)
		}
		off += j + 1
	}
	for units := uint32(0); units < p.Character && off < len(text) && text[off] != '\n'; {
		r, size := utf8.DecodeRune(text[off:])
		units += uint32(utf16.RuneLen(r))
		off += size
	}
	return off
}

func utf16Len(b []byte) int {
	n := 0
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size <= 1 {
			n++
		} else {
			n += utf16.RuneLen(r)
		}
		b = b[size:]
	}
	return n
}
