package analysisdoc

import "testing"

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
