package envkeys

import (
	"testing"

	"github.com/envvet/envvet/internal/manifest"
)

func TestClosest(t *testing.T) {
	keys := func(names ...string) []manifest.Key {
		var ks []manifest.Key
		for _, n := range names {
			ks = append(ks, manifest.Key{Name: n})
		}
		return ks
	}
	for _, tc := range []struct {
		key      string
		declared []manifest.Key
		want     string
	}{
		{"APP_MOD", keys("APP_MODE", "APP_PORT"), "APP_MODE"},
		{"app_mode", keys("APP_MODE", "APP_PORT"), "APP_MODE"},
		{"SMTP_FORM", keys("SMTP_FROM", "SMTP_HOST"), "SMTP_FROM"},
		// Two substitutions in a short key: a different word, not a typo.
		{"SMTP_PORT", keys("SMTP_HOST"), ""},
		{"DATABASE_URLL", keys("DATABASE_URL"), "DATABASE_URL"},
		{"DATABSAE_URLL", keys("DATABASE_URL"), "DATABASE_URL"},
		// Three edits away: no guess.
		{"SMTP_TIMEOUT", keys("SMTP_TIMEOUT_MS"), ""},
		// Two candidates one edit away: no guess.
		{"DB_HOSTS", keys("DB_HOST", "DB_HOSTX"), ""},
		// Short keys are too easy to confuse.
		{"IP", keys("ID"), ""},
		{"APP_MODE", nil, ""},
	} {
		if got := closest(tc.key, tc.declared); got != tc.want {
			t.Errorf("closest(%q) = %q, want %q", tc.key, got, tc.want)
		}
	}
}

func TestDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"a", "", 1}, {"kitten", "sitting", 3}, {"SMTP_FORM", "SMTP_FROM", 1}, {"SMTP_PORT", "SMTP_HOST", 2}, {"ab", "ba", 1}, {"APP_MOD", "APP_MODE", 1},
	} {
		if got := distance(tc.a, tc.b, 10); got != tc.want {
			t.Errorf("distance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}
