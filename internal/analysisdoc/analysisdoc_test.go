package analysisdoc

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExtract(t *testing.T) {
	const src = `// Package x defines an Analyzer.
//
// # Analyzer x
//
// x: report things that are wrong
//
// More prose.
//
// # Other
//
// Not part of it.
package x
`
	got, err := extract(src, "x")
	if err != nil {
		t.Fatal(err)
	}
	want := "report things that are wrong\n\nMore prose."
	if got != want {
		t.Errorf("extract = %q, want %q", got, want)
	}
	if _, err := extract(src, "y"); err == nil {
		t.Error("extract of a missing analyzer: no error")
	}
	if _, err := extract("package x\n", "x"); err == nil {
		t.Error("extract without a package comment: no error")
	}
	bad := "// # Analyzer x\n//\n// summary without the name\npackage x\n"
	if _, err := extract(bad, "x"); err == nil {
		t.Error("extract of a section without 'x: ': no error")
	}
}

// TestLineDoc checks that lineDoc, where it answers, gives the package
// comment the parser finds: on the repository's doc.go files and on
// shapes near its limits.
func TestLineDoc(t *testing.T) {
	files, err := filepath.Glob("../../*/*/doc.go")
	if err != nil {
		t.Fatal(err)
	}
	more, _ := filepath.Glob("../../*/*/*/*/doc.go")
	files = append(files, more...)
	srcs := map[string]string{
		"empty comment lines": "// Package x.\n//\n//\n// Text.  \n//\npackage x\n",
		"no space":            "//Package x.\n// more\npackage x\n",
		"directive":           "// Package x.\n//go:generate echo\n//line x.go:1\n// end\npackage x\n",
		"build tag apart":     "//go:build linux\n\n// Package x.\npackage x\n",
		"separated":           "// Not the doc.\n\npackage x\n",
		"no comment":          "package x\n",
		"block":               "/* Package x. */\npackage x\n",
		"block above":         "/*\n\n*/\n// Package x.\npackage x\n",
		"indented":            "  // Package x.\npackage x\n",
		"crlf":                "// Package x.\r\npackage x\r\n",
		"no package":          "// Package x.\n",
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		srcs[f] = string(b)
	}
	if len(files) < 5 {
		t.Fatalf("found %d doc.go files, want the repository's", len(files))
	}
	fast := 0 // doc.go files that lineDoc answers
	for name, src := range srcs {
		doc, ok := lineDoc(src)
		if !ok {
			continue
		}
		if strings.HasSuffix(name, "doc.go") {
			fast++
		}
		f, err := parser.ParseFile(token.NewFileSet(), "doc.go", src, parser.ParseComments|parser.PackageClauseOnly)
		if err != nil {
			t.Errorf("%s: lineDoc answered, the parser fails: %v", name, err)
			continue
		}
		var got, want string
		if doc != nil {
			got = doc.Text()
		}
		if f.Doc != nil {
			want = f.Doc.Text()
		}
		if got != want || (doc == nil) != (f.Doc == nil) {
			t.Errorf("%s: lineDoc gives %q, the parser %q", name, got, want)
		}
		if strings.HasSuffix(name, "doc.go") && doc == nil {
			t.Errorf("%s: no package comment", name)
		}
	}
	if fast < len(files) {
		t.Errorf("lineDoc answered for %d of %d doc.go files, want all", fast, len(files))
	}
}
