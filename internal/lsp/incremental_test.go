package lsp_test

import (
	"regexp"
	"strings"
	"testing"
)

// TestEditSkipsTestMain checks that an edit of a package with tests
// analyzes again the package and its test variant, not the main package
// go test generates for the test binary (issue 21): no check reports in
// that file of the build cache, and it is the third package re-analyzed.
// It asserts on TestEarlyPublish's session (variantEdit).
func TestEditSkipsTestMain(t *testing.T) {
	t.Parallel()
	v := variantEdit(t)
	if !hasMessage(v.mainDiags, `"DB_URI"`) {
		t.Errorf("after the edit main.go shows %q, want the finding on DB_URI", messages(v.mainDiags))
	}
	analyzed := regexp.MustCompile(`analyzed (\d+) packages`)
	var last string
	reused := false
	for _, line := range v.slog {
		if m := analyzed.FindStringSubmatch(line); m != nil {
			last = m[1]
		}
		reused = reused || strings.Contains(line, "reused the load")
	}
	if !reused || last != "2" {
		t.Errorf("after the edit: reused the load %v, analyzed %s packages; want the load reused and 2 packages (main and its test variant); server logged:\n%s", reused, last, strings.Join(v.slog, "\n"))
	}
}
