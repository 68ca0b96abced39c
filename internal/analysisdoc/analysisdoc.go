// Package analysisdoc extracts an analyzer's documentation from the
// package comment of its doc.go file.
package analysisdoc

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
	"sync"
)

// MustExtract returns the documentation of the analyzer called name from
// the source of a doc.go file. The package comment must contain a section
// headed "# Analyzer name" whose first paragraph is "name: summary"; the
// result is that summary line followed by the rest of the section.
// It panics if the section is missing, since that is a programming error
// caught by every test of the analyzer.
//
// The result is computed once per content and name in a process: an
// analyzer package's Analyzer variable and every suite built after it
// share it (go vet starts a process per package, and each builds every
// analyzer twice).
func MustExtract(content, name string) string {
	k := docKey{content, name}
	if doc, ok := docs.Load(k); ok {
		return doc.(string)
	}
	doc, err := extract(content, name)
	if err != nil {
		panic(err)
	}
	docs.Store(k, doc)
	return doc
}

// docs holds MustExtract's results by docKey: a memo of a pure function
// of its key, so which call stores an entry changes no result.
var docs sync.Map

type docKey struct{ content, name string }

func extract(content, name string) (string, error) {
	heading := "# Analyzer " + name
	text, ok := lineSection(content, heading)
	if !ok {
		doc, ok := lineDoc(content)
		if !ok {
			f, err := parser.ParseFile(token.NewFileSet(), "doc.go", content, parser.ParseComments|parser.PackageClauseOnly)
			if err != nil {
				return "", fmt.Errorf("analysisdoc: parsing doc.go: %v", err)
			}
			doc = f.Doc
		}
		if doc == nil {
			return "", fmt.Errorf("analysisdoc: doc.go has no package comment")
		}
		text = sectionText(doc, heading)
	}
	_, section, ok := strings.Cut(text, "\n"+heading+"\n")
	if !ok {
		return "", fmt.Errorf("analysisdoc: doc.go has no %q heading", heading)
	}
	// The section ends at the next top-level heading.
	if i := strings.Index(section, "\n# "); i >= 0 {
		section = section[:i]
	}
	section = strings.TrimSpace(section)
	prefix := name + ": "
	if !strings.HasPrefix(section, prefix) {
		return "", fmt.Errorf("analysisdoc: section %q must start with %q", heading, prefix)
	}
	return strings.TrimSpace(strings.TrimPrefix(section, prefix)), nil
}

// lineDoc returns the package comment of content as the parser would,
// without parsing, when content has the plain shape of a doc.go file: no
// block comment or carriage return before the package clause, which
// starts a line and follows a run of "//" lines starting at column 0,
// preceded by a blank line or nothing. ok is false for any other shape,
// which the parser must then read. (Every analyzer builds its Doc when it
// is constructed, in every go vet process: parsing costs milliseconds.)
func lineDoc(content string) (doc *ast.CommentGroup, ok bool) {
	var lines []string // before the package clause
	rest := content
	for {
		line, after, found := strings.Cut(rest, "\n")
		if strings.HasPrefix(line, "package ") {
			break
		}
		if !found || strings.Contains(line, "/*") || strings.Contains(line, "\r") {
			return nil, false
		}
		lines = append(lines, line)
		rest = after
	}
	i := len(lines)
	for i > 0 && strings.HasPrefix(lines[i-1], "//") {
		i--
	}
	if i > 0 && strings.TrimSpace(lines[i-1]) != "" {
		return nil, false
	}
	if i == len(lines) {
		return nil, true // no comment right above the package clause
	}
	doc = new(ast.CommentGroup)
	for _, l := range lines[i:] {
		doc.List = append(doc.List, &ast.Comment{Text: l})
	}
	return doc, true
}

// sectionText returns the text of doc, or, when doc is all line comments,
// a newline and the text of the lines from heading to the next top-level
// heading: the part extract reads, at a fraction of the cost of the whole
// comment's Text. Every process builds each analyzer's
// documentation at start-up, and go vet starts one per package.
func sectionText(doc *ast.CommentGroup, heading string) string {
	start, end := -1, len(doc.List)
	for i, c := range doc.List {
		line, ok := strings.CutPrefix(c.Text, "//")
		if !ok {
			return doc.Text() // a /* */ comment: no line-wise cut
		}
		line = strings.TrimRight(strings.TrimPrefix(line, " "), " \t\r")
		switch {
		case start < 0 && i > 0 && line == heading:
			start = i
		case start >= 0 && i > start+1 && strings.HasPrefix(line, "# "):
			end = i
		}
		if end < len(doc.List) {
			break
		}
	}
	if start < 0 {
		return doc.Text() // no heading: let extract say so
	}
	return "\n" + (&ast.CommentGroup{List: doc.List[start:end]}).Text()
}

// lineSection returns what sectionText(lineDoc(content), heading) returns,
// reading content in place: no comment is built, and only the section's
// text is allocated. Every process builds each analyzer's documentation
// at start-up, twice (the package's Analyzer and the suite's), and go vet
// starts one process per package: building a comment of every line of
// the package comment was a tenth of a go vet process's start-up. ok is
// false wherever lineDoc or sectionText would take another path (not a
// plain doc.go, no heading below the comment's first line) or a section
// line may be a directive (a lower-case letter or digit right after
// "//"); extract then takes the long way.
func lineSection(content, heading string) (text string, ok bool) {
	block, ok := packageCommentLines(content)
	if !ok {
		return "", false
	}
	section, ok := sectionLines(block, heading)
	if !ok {
		return "", false
	}
	return lineCommentText(section)
}

// packageCommentLines returns the run of "//" lines right above the
// package clause of content, each ending in a newline, when it is preceded
// by a blank line or nothing and content has the shape lineDoc reads.
func packageCommentLines(content string) (block string, ok bool) {
	off, run := 0, -1
	blankBefore, runBlankBefore := true, false
	for {
		line, end := content[off:], len(content)
		nl := strings.IndexByte(line, '\n')
		if nl >= 0 {
			line, end = line[:nl], off+nl+1
		}
		if strings.HasPrefix(line, "package ") {
			break
		}
		if nl < 0 || strings.Contains(line, "/*") || strings.Contains(line, "\r") {
			return "", false
		}
		if strings.HasPrefix(line, "//") {
			if run < 0 {
				run, runBlankBefore = off, blankBefore
			}
		} else {
			run, blankBefore = -1, strings.TrimSpace(line) == ""
		}
		off = end
	}
	if run < 0 || !runBlankBefore {
		return "", false
	}
	return content[run:off], true
}

// sectionLines returns the lines of block from heading (not block's first
// line) to the next top-level heading, as sectionText cuts them; ok is
// false if no line below the first is heading.
func sectionLines(block, heading string) (section string, ok bool) {
	start, end, startLine := -1, len(block), 0
	for i, pos := 0, 0; pos < len(block); i++ {
		nl := strings.IndexByte(block[pos:], '\n') // every line of block ends in one
		line := strings.TrimRight(strings.TrimPrefix(block[pos+2:pos+nl], " "), " \t\r")
		switch {
		case start < 0 && i > 0 && line == heading:
			start, startLine = pos, i
		case start >= 0 && i > startLine+1 && strings.HasPrefix(line, "# "):
			end = pos
		}
		if end < len(block) {
			break
		}
		pos += nl + 1
	}
	if start < 0 {
		return "", false
	}
	return block[start:end], true
}

// lineCommentText returns a newline and the text of lines, "//" lines
// each ending in a newline, as CommentGroup.Text gives it: one leading
// space and trailing blanks stripped from each line, blank lines at the
// start dropped and runs of them made one, a newline after the last line.
// ok is false if a line may be a directive, which Text leaves out.
func lineCommentText(lines string) (text string, ok bool) {
	var b strings.Builder
	b.Grow(len(lines) + 1)
	b.WriteByte('\n')
	blank := false
	for rest := lines; rest != ""; {
		line, after, _ := strings.Cut(rest, "\n")
		rest = after
		line = line[2:]
		if line != "" && ('a' <= line[0] && line[0] <= 'z' || '0' <= line[0] && line[0] <= '9') {
			return "", false // perhaps a directive ("//go:generate")
		}
		line = strings.TrimRight(strings.TrimPrefix(line, " "), " \t\r")
		if line == "" {
			blank = b.Len() > 1
			continue
		}
		if blank {
			b.WriteByte('\n')
			blank = false
		}
		b.WriteString(line)
		b.WriteByte('\n')
	}
	return b.String(), true
}
