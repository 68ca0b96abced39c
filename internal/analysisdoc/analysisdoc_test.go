package analysisdoc

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unsafe"
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

// TestLineSection checks that lineSection, where it answers, gives the
// text that the long way (lineDoc, else the parser, then sectionText)
// gives, on every "# Analyzer" section of the repository's doc.go files,
// which it must all answer, and on shapes near its limits.
func TestLineSection(t *testing.T) {
	files, err := filepath.Glob("../../*/*/doc.go")
	if err != nil {
		t.Fatal(err)
	}
	more, _ := filepath.Glob("../../*/*/*/*/doc.go")
	files = append(files, more...)
	type tc struct{ src, heading string }
	const h = "# Analyzer x"
	cases := map[string]tc{
		"plain":            {"// Package x.\n//\n// # Analyzer x\n//\n// x: sum\n//\n// More.\n//\n// # Other\n//\n// No.\npackage x\n", h},
		"blank runs":       {"// P.\n//\n// # Analyzer x\n//\n//\n// x: sum  \n//\n//\n//\n// a\t\n//  b\n//\npackage x\n", h},
		"to the end":       {"// P.\n// # Analyzer x\n// x: sum\npackage x\n", h},
		"heading first":    {"// # Analyzer x\n// x: sum\npackage x\n", h},
		"next heading":     {"// P.\n// # Analyzer x\n// # Analyzer y\n// x: sum\n// # Analyzer y\n// y: s\npackage x\n", h},
		"directive inside": {"// P.\n// # Analyzer x\n//go:generate echo\n// x: sum\npackage x\n", h},
		"no space":         {"// P.\n// # Analyzer x\n//x: sum\npackage x\n", h},
		"tab":              {"// P.\n// # Analyzer x\n// x: sum\n//\n//\tcode()  \n//\t\tmore()\n// end\npackage x\n", h},
		"empty lines":      {"// P.\n// # Analyzer x\n//\n// x: sum\n//\n//\npackage x\n", h},
		"missing":          {"// P.\n// # Analyzer y\n// y: sum\npackage x\n", h},
		"not plain":        {"// P.\n// # Analyzer x\n// x: sum\n/* b */\npackage x\n", h},
		"separated":        {"// P.\n// # Analyzer x\n// x: sum\n\npackage x\n", h},
		"code above":       {"var x int\n// P.\n// # Analyzer x\n// x: sum\npackage x\n", h},
		"build tag apart":  {"//go:build linux\n\n// P.\n// # Analyzer x\n// x: sum\npackage x\n", h},
	}
	answered := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(b), "\n") {
			if heading, ok := strings.CutPrefix(line, "// # Analyzer "); ok {
				cases[f+" "+heading] = tc{string(b), "# Analyzer " + heading}
				answered++
			}
		}
	}
	if answered < 5 {
		t.Fatalf("found %d analyzer sections, want the repository's", answered)
	}
	for name, c := range cases {
		got, ok := lineSection(c.src, c.heading)
		doc, lok := lineDoc(c.src)
		if !lok {
			f, err := parser.ParseFile(token.NewFileSet(), "doc.go", c.src, parser.ParseComments|parser.PackageClauseOnly)
			if err != nil {
				if ok {
					t.Errorf("%s: lineSection answered, the parser fails: %v", name, err)
				}
				continue
			}
			doc = f.Doc
		}
		if !ok {
			if strings.Contains(name, "doc.go") {
				t.Errorf("%s: lineSection did not answer", name)
			}
			continue
		}
		if doc == nil {
			t.Errorf("%s: lineSection answered %q, but there is no package comment", name, got)
			continue
		}
		if want := sectionText(doc, c.heading); got != want {
			t.Errorf("%s: lineSection gives %q, the long way %q", name, got, want)
		}
	}
	for _, name := range []string{"missing", "heading first", "directive inside", "no space", "separated", "not plain"} {
		if _, ok := lineSection(cases[name].src, cases[name].heading); ok {
			t.Errorf("%s: lineSection answered; want the long way", name)
		}
	}
}

// TestMustExtractOnce checks that a second MustExtract of the same doc.go
// and name returns the first call's string, not a second extraction:
// each analyzer package builds its Analyzer at start-up and every suite
// builds it again, in every process go vet starts. Other names and
// contents are extracted apart.
func TestMustExtractOnce(t *testing.T) {
	const src = "// Package x.\n//\n// # Analyzer x\n//\n// x: report x\n//\n// # Analyzer y\n//\n// y: report y\npackage x\n"
	first, second := MustExtract(src, "x"), MustExtract(src, "x")
	if first != "report x" || second != first {
		t.Fatalf("MustExtract = %q, then %q; want %q twice", first, second, "report x")
	}
	if unsafe.StringData(first) != unsafe.StringData(second) {
		t.Error("the second MustExtract extracted the section again")
	}
	if got := MustExtract(src, "y"); got != "report y" {
		t.Errorf("MustExtract(src, y) = %q, want %q", got, "report y")
	}
	other := strings.Replace(src, "x: report x", "x: report z", 1)
	if got := MustExtract(other, "x"); got != "report z" {
		t.Errorf("MustExtract of another doc.go = %q, want %q", got, "report z")
	}
	if n := testing.AllocsPerRun(10, func() { MustExtract(src, "x") }); n > 1 {
		t.Errorf("a repeated MustExtract allocates %v times, want at most 1", n)
	}
}
