package nocgo

import (
	"fmt"
	"path"
	"regexp"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// A pattern is one -nocgo.allow entry, an import path pattern as for go
// list: "..." matches any string, and "x/..." also matches x. A pattern
// that starts with "./" or "../", or is ".", is relative to the root of
// the module of the package it is matched against, and matches only
// packages of modules without a version (the main module, workspace
// modules, directory replacements).
type pattern struct {
	text     string
	relative bool
	re       *regexp.Regexp // for absolute patterns
}

func compilePatterns(list []string) ([]pattern, error) {
	var out []pattern
	for _, text := range list {
		p := pattern{text: text}
		switch {
		case text == "." || strings.HasPrefix(text, "./"):
			p.relative = true
		case text == ".." || strings.HasPrefix(text, "../"):
			return nil, fmt.Errorf("pattern %q leaves the module", text)
		case strings.HasPrefix(text, "/"):
			return nil, fmt.Errorf("pattern %q is a file path, not an import path pattern", text)
		default:
			p.re = patternRegexp(text)
		}
		out = append(out, p)
	}
	return out, nil
}

// patternRegexp compiles pat with cmd/go's rules.
func patternRegexp(pat string) *regexp.Regexp {
	re := regexp.QuoteMeta(pat)
	re = strings.ReplaceAll(re, `\.\.\.`, `.*`)
	if strings.HasSuffix(re, `/.*`) {
		re = strings.TrimSuffix(re, `/.*`) + `(/.*)?`
	}
	return regexp.MustCompile(`^` + re + `$`)
}

// allowed reports whether the package at pkgPath, in module mod (nil if
// unknown), may use cgo.
func (c *checker) allowed(pkgPath string, mod *analysis.Module) bool {
	for _, p := range c.allow {
		if !p.relative {
			if p.re.MatchString(pkgPath) {
				return true
			}
			continue
		}
		if mod == nil || mod.Path == "" || mod.Version != "" {
			continue
		}
		abs := path.Join(mod.Path, p.text) // "./..." → "mod/..."
		if patternRegexp(abs).MatchString(pkgPath) {
			return true
		}
	}
	return false
}
