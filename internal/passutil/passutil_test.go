package passutil

import (
	"slices"
	"testing"
)

func TestSplitList(t *testing.T) {
	for in, want := range map[string][]string{
		"":           nil,
		"A":          {"A"},
		" A , B,,C ": {"A", "B", "C"},
		",":          nil,
		"AWS_*,CI":   {"AWS_*", "CI"},
	} {
		if got := SplitList(in); !slices.Equal(got, want) {
			t.Errorf("SplitList(%q) = %q, want %q", in, got, want)
		}
	}
}
