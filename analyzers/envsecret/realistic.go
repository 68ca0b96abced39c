package envsecret

import (
	"math"
	"strings"
	"unicode"
)

// tokenPrefixes start credentials of well-known services: GitHub
// (ghp_, gho_, ghs_, github_pat_), GitLab (glpat-), Slack (xox?-),
// Stripe (sk_live_, rk_live_), OpenAI and Anthropic (sk-), AWS access
// key IDs, SendGrid (SG.), npm (npm_), a PEM private key.
var tokenPrefixes = []string{
	"ghp_", "gho_", "ghs_", "ghu_", "github_pat_", "glpat-", "xoxb-", "xoxp-", "xoxa-",
	"sk_live_", "rk_live_", "sk-", "AKIA", "SG.", "npm_", "-----BEGIN",
}

// realistic reports whether v looks like a real credential rather than a
// development value someone typed: a well-known service's token prefix
// followed by enough text, or a long string of high entropy mixing
// letter cases and digits (a generated key or password).
func realistic(v string) bool {
	v = strings.TrimSpace(v)
	for _, p := range tokenPrefixes {
		if strings.HasPrefix(v, p) && len(v) >= len(p)+16 {
			return true
		}
	}
	if len(v) < 20 || strings.ContainsAny(v, " \t") {
		return false
	}
	return classes(v) >= 2 && entropy(v) >= 3.5
}

// classes counts the kinds of characters in v: lower case, upper case,
// digits.
func classes(v string) int {
	var lower, upper, digit int
	for _, r := range v {
		switch {
		case unicode.IsLower(r):
			lower = 1
		case unicode.IsUpper(r):
			upper = 1
		case unicode.IsDigit(r):
			digit = 1
		}
	}
	return lower + upper + digit
}

// entropy returns the Shannon entropy of v's bytes, in bits per byte.
func entropy(v string) float64 {
	var counts [256]int
	for i := 0; i < len(v); i++ {
		counts[v[i]]++
	}
	var h float64
	for _, c := range counts {
		if c > 0 {
			p := float64(c) / float64(len(v))
			h -= p * math.Log2(p)
		}
	}
	return h
}
