// Package categories reads, from a check's source, the categories of the
// diagnostics it emits: the values of its category constants (catX = "…",
// CategoryX = "…") and of Category: "…" fields. Tests use it to check that
// every category has what it needs elsewhere (a bench/realworld rule, a
// README anchor), so that a new category cannot be forgotten.
package categories

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

var re = regexp.MustCompile(`(?m)(?:\bcat[A-Z]\w*|\bCategory[A-Z]\w*)\s*=\s*"([^"]+)"|Category:\s*"([^"]+)"`)

// FromSource returns the categories found in the non-test Go files of dir,
// sorted and without repeats, and the number of files read.
func FromSource(dir string) ([]string, int, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, 0, err
	}
	var cats []string
	n := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, 0, err
		}
		n++
		for _, m := range re.FindAllStringSubmatch(string(data), -1) {
			cats = append(cats, m[1]+m[2])
		}
	}
	slices.Sort(cats)
	return slices.Compact(cats), n, nil
}
