// Command floor is the benchmark's floor: a multichecker whose only
// analyzer does nothing but declare a package fact. Declaring a fact makes
// the driver load and type-check every dependency from source, as envvet's
// suite does, so floor's cost is what any fact-using suite must pay.
package main

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/multichecker"
)

// noFact is a package fact that is never exported.
type noFact struct{}

func (*noFact) AFact()         {}
func (*noFact) String() string { return "noFact" }

var analyzer = &analysis.Analyzer{
	Name:             "floor",
	Doc:              "do nothing, but declare a package fact",
	Run:              func(*analysis.Pass) (any, error) { return nil, nil },
	RunDespiteErrors: true,
	FactTypes:        []analysis.Fact{new(noFact)},
}

func main() { multichecker.Main(analyzer) }
