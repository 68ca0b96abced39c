package driver

import (
	"cmp"
	"go/token"
	"io"
	"os"
	"runtime/debug"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/envvet/envvet/internal/report"
	"github.com/envvet/envvet/internal/sarif"
)

// NeedsSuppressed reports whether the output format lists suppressed
// findings, so that the checks must keep them (report.Options).
func NeedsSuppressed(format string) bool { return format == "sarif" }

// writeSARIF writes the findings as one SARIF run: a rule per check and
// per category of a check, suppressed findings with their justification.
func writeSARIF(w io.Writer, analyzers []*analysis.Analyzer, findings []Finding, part *Partial) error {
	root, err := sarifRoot(findings)
	if err != nil {
		return err
	}
	rules := make(map[string]sarif.Rule)
	for _, a := range analyzers {
		rules[a.Name] = rule(a, "")
	}
	var results []sarif.Result
	for _, f := range findings {
		results = append(results, sarifResult(f, rules))
	}
	var ruleList []sarif.Rule
	for _, r := range rules {
		ruleList = append(ruleList, r)
	}
	slices.SortFunc(ruleList, func(a, b sarif.Rule) int { return cmp.Compare(a.ID, b.ID) })
	tool := sarif.Tool{Name: "envvet", Version: version(), InformationURI: "https://github.com/envvet/envvet"}
	var inv *sarif.Invocation
	if len(part.errors) > 0 || part.withheld != "" {
		inv = part.invocation()
	}
	return sarif.Write(w, tool, root, ruleList, results, inv)
}

// sarifRoot is the directory the log's paths are relative to: the
// working directory, or the root of the main modules of the findings.
func sarifRoot(findings []Finding) (string, error) {
	root, err := os.Getwd()
	if err != nil {
		return "", err
	}
	var modules []string
	for _, f := range findings {
		if f.Package != nil && f.Package.Module != nil && f.Package.Module.Main && f.Package.Module.Dir != "" {
			modules = append(modules, f.Package.Module.Dir)
		}
	}
	if r := sarif.Root(modules); r != "" {
		// Code scanning resolves paths against the repository root; a
		// run over several modules needs the root of them all.
		root = r
	}
	return root, nil
}

// sarifResult is the result of f, whose rule (the analyzer and its
// category) it adds to rules if it is not there yet.
func sarifResult(f Finding, rules map[string]sarif.Rule) sarif.Result {
	category, suppressed := strings.CutPrefix(f.Diag.Category, report.SuppressedPrefix)
	id := f.Analyzer.Name
	if category != "" {
		id += "/" + category
		if _, ok := rules[id]; !ok {
			rules[id] = rule(f.Analyzer, category)
		}
	}
	r := sarif.Result{RuleID: id, Message: f.Diag.Message, Location: location(f.Posn, f.End, "")}
	related := f.Diag.Related
	switch {
	case f.Package == nil: // made by the driver, with no syntax behind it
		if suppressed {
			r.Suppressed = &sarif.Suppression{Justification: f.Suppression}
		}
		return r
	case suppressed && len(related) > 0:
		r.Suppressed = &sarif.Suppression{Justification: related[0].Message}
		related = related[1:]
	}
	fset := f.Package.Fset
	for _, rel := range related {
		if rel.Pos.IsValid() {
			r.Related = append(r.Related, location(fset.Position(rel.Pos), position(fset, rel.End), rel.Message))
		}
	}
	for _, fix := range f.Diag.SuggestedFixes {
		r.Fixes = append(r.Fixes, sarifFix(fset, fix))
	}
	return r
}

// sarifFix is a suggested fix as SARIF edits.
func sarifFix(fset *token.FileSet, fix analysis.SuggestedFix) sarif.Fix {
	sf := sarif.Fix{Description: fix.Message}
	for _, e := range fix.TextEdits {
		start, end := fset.Position(e.Pos), position(fset, e.End)
		if end.Line == 0 {
			end = start
		}
		sf.Edits = append(sf.Edits, sarif.Edit{
			File: start.Filename, Line: start.Line, Col: start.Column,
			EndLine: end.Line, EndCol: end.Column, NewText: string(e.NewText),
		})
	}
	return sf
}

func rule(a *analysis.Analyzer, category string) sarif.Rule {
	short, full, _ := strings.Cut(a.Doc, "\n")
	r := sarif.Rule{ID: a.Name, Short: short, Full: strings.TrimSpace(full), HelpURI: a.URL, Level: "warning"}
	if r.Full == "" {
		r.Full = short
	}
	if category != "" {
		r.ID += "/" + category
		r.Short += " (" + category + ")"
		if a.URL != "" {
			r.HelpURI = a.URL + "-" + category
		}
	}
	if category == report.Category {
		r.Level = "note"
	}
	return r
}

func location(start, end token.Position, msg string) sarif.Location {
	l := sarif.Location{File: start.Filename, Line: start.Line, Col: start.Column, Message: msg}
	if end.IsValid() {
		l.EndLine, l.EndCol = end.Line, end.Column
	}
	return l
}

func position(fset *token.FileSet, pos token.Pos) token.Position {
	if !pos.IsValid() {
		return token.Position{}
	}
	return fset.Position(pos)
}

// version returns envvet's module version, or "devel".
func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "devel"
}
