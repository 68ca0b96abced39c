// Command unitnoop is the floor of go vet -vettool mode: a unitchecker
// whose only analyzer does nothing but declare a package fact, so go vet
// runs it on every dependency, as it does envvet.
package main

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/unitchecker"
)

// noFact is a package fact that is never exported.
type noFact struct{}

func (*noFact) AFact()         {}
func (*noFact) String() string { return "noFact" }

var analyzer = &analysis.Analyzer{
	Name:      "unitnoop",
	Doc:       "do nothing, but declare a package fact",
	Run:       func(*analysis.Pass) (any, error) { return nil, nil },
	FactTypes: []analysis.Fact{new(noFact)},
}

func main() { unitchecker.Main(analyzer) }
