package driver

import (
	"go/token"
	"slices"

	"golang.org/x/tools/go/analysis"

	"github.com/envvet/envvet/analyzers/envkeys"
	"github.com/envvet/envvet/internal/engine"
	"github.com/envvet/envvet/internal/manifest"
	"github.com/envvet/envvet/internal/report"
)

// sharedUnread returns the findings about declared keys that no program
// reads when several main packages share a manifest. Each main package's
// envkeys run cannot tell alone, so it returns what its own program does
// not read; having analyzed every program, the driver can (see
// envkeys.SharedUnread). A program that misses a package (partial)
// counts as not analyzed.
func sharedUnread(res *engine.Result, part *Partial, keepSuppressed bool) []Finding {
	var a *analysis.Analyzer
	var results []*envkeys.Result
	owner := make(map[*envkeys.Result]string) // the main package's ID
	for _, act := range res.Roots {
		if part.incomplete[act.Package] {
			// Its program misses a package that may read the key: without
			// it, the group of programs is incomplete and says nothing.
			continue
		}
		if r, ok := act.Result.(*envkeys.Result); ok && r != nil && act.Analyzer.Name == "envkeys" {
			a = act.Analyzer
			results = append(results, r)
			owner[r] = act.Package.ID
		}
	}
	var findings []Finding
	for _, k := range envkeys.SharedUnread(results) {
		f := Finding{
			Analyzer: a,
			Posn:     token.Position{Filename: k.File, Line: k.Line, Column: max(k.Col, 1)},
			Diag:     analysis.Diagnostic{Category: envkeys.CategoryUnread, Message: envkeys.UnreadMessage(k)},
		}
		// -json lists it under the first main package (by ID) of the
		// programs sharing the manifest: each of them leaves it unread.
		for _, r := range results {
			if slices.ContainsFunc(r.Unread, func(u manifest.Key) bool { return u.File == k.File && u.Line == k.Line }) &&
				(f.Owner == "" || owner[r] < f.Owner) {
				f.Owner = owner[r]
			}
		}
		reason, ok := k.Ignored("envkeys")
		if !ok {
			reason, ok = report.ManifestDirective("envkeys", k.File, k.Line)
		}
		if ok {
			if !keepSuppressed {
				continue
			}
			f.Diag.Category = report.SuppressedPrefix + f.Diag.Category
			f.Suppression = reason
		}
		findings = append(findings, f)
	}
	return findings
}
