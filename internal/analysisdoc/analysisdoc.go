// Package analysisdoc extracts an analyzer's documentation from the
// package comment of its doc.go file.
package analysisdoc

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
)

// MustExtract returns the documentation of the analyzer called name from
// the source of a doc.go file. The package comment must contain a section
// headed "# Analyzer name" whose first paragraph is "name: summary"; the
// result is that summary line followed by the rest of the section.
// It panics if the section is missing, since that is a programming error
// caught by every test of the analyzer.
func MustExtract(content, name string) string {
	doc, err := extract(content, name)
	if err != nil {
		panic(err)
	}
	return doc
}

func extract(content, name string) (string, error) {
	f, err := parser.ParseFile(token.NewFileSet(), "doc.go", content, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil {
		return "", fmt.Errorf("analysisdoc: parsing doc.go: %v", err)
	}
	if f.Doc == nil {
		return "", fmt.Errorf("analysisdoc: doc.go has no package comment")
	}
	text := (&ast.CommentGroup{List: f.Doc.List}).Text()
	heading := "# Analyzer " + name
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
