package envgraph

import (
	_ "embed"
	"reflect"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"

	"github.com/envvet/envvet/internal/analysisdoc"
)

//go:embed doc.go
var doc string

// Analyzer builds the env-reference graph of a package. Its result is a
// *Graph. It has no settings, so one instance serves every check.
var Analyzer = &analysis.Analyzer{
	Name:             "envgraph",
	Doc:              analysisdoc.MustExtract(doc, "envgraph"),
	URL:              "https://github.com/envvet/envvet#envgraph",
	Requires:         []*analysis.Analyzer{inspect.Analyzer},
	Run:              run,
	RunDespiteErrors: true,
	ResultType:       reflect.TypeFor[*Graph](),
	FactTypes:        []analysis.Fact{},
}

func run(pass *analysis.Pass) (any, error) {
	return &Graph{}, nil
}
