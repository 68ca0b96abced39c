package driver

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/envvet/envvet/analyzers"
	"github.com/envvet/envvet/internal/categories"
)

// TestHelpURIAnchors checks that the help link of every SARIF rule (a check,
// or check/category) points at an anchor of the README: a heading's slug or
// an <a id>. The categories are read from the checks' source
// (internal/categories), so a new category without a README
// anchor fails here.
func TestHelpURIAnchors(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	anchors := make(map[string]bool)
	for _, m := range regexp.MustCompile(`(?m)^#+ (.+)$`).FindAllStringSubmatch(string(readme), -1) {
		anchors[slug(m[1])] = true
	}
	for _, m := range regexp.MustCompile(`<a id="([^"]+)"></a>`).FindAllStringSubmatch(string(readme), -1) {
		anchors[m[1]] = true
	}
	for _, a := range analyzers.Suite(analyzers.Config{}) {
		cats, n, err := categories.FromSource(filepath.Join("..", "..", "analyzers", a.Name))
		if err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			t.Errorf("%s: no source files in analyzers/%s", a.Name, a.Name)
		}
		cats = append([]string{""}, cats...) // the check's own rule
		for _, c := range cats {
			uri := rule(a, c).HelpURI
			_, frag, ok := strings.Cut(uri, "#")
			if !ok || !anchors[frag] {
				t.Errorf("rule %s/%s: help URI %s has no anchor in README.md", a.Name, c, uri)
			}
		}
	}
}

// slug returns GitHub's anchor for a heading: lower case, punctuation
// other than - and _ dropped, spaces turned into -.
func slug(heading string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(heading) {
		switch {
		case r == ' ':
			b.WriteRune('-')
		case r == '-' || r == '_' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
		}
	}
	return b.String()
}
