// Command peer is the benchmark's peer: go vet's standard suite of
// analyzers (golang.org/x/tools/go/analysis/suite/vet) as a multichecker.
package main

import (
	"golang.org/x/tools/go/analysis/multichecker"
	"golang.org/x/tools/go/analysis/suite/vet"
)

func main() { multichecker.Main(vet.Suite...) }
