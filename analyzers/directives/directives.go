package directives

import (
	_ "embed"
	"slices"

	"golang.org/x/tools/go/analysis"

	"github.com/envvet/envvet/internal/analysisdoc"
	"github.com/envvet/envvet/internal/report"
)

//go:embed doc.go
var doc string

// Checks returns the names a directive may use by default: envvet's
// checks, in the suite's order (analyzers.Suite builds its own list; this
// one serves the package-level Analyzer, which Bazel's nogo links). Each
// call returns a new slice, so no caller can change another's.
func Checks() []string { return report.Checks() }

// Analyzer reports malformed directives, accepting the names of Checks.
var Analyzer = New(Checks())

// New returns a directives analyzer that accepts the given check names
// (a copy of them: the caller may reuse its slice).
func New(checks []string) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name: "directives",
		Doc:  analysisdoc.MustExtract(doc, "directives"),
		URL:  "https://github.com/envvet/envvet#suppressing-a-finding",
		Run:  report.Directives(slices.Clone(checks)),
	}
}
