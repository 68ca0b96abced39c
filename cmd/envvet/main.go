// Command envvet runs envvet's checks, standalone or as go vet's tool:
//
//	envvet ./...
//	go vet -vettool=$(command -v envvet) ./...
package main

import (
	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/envvet/envvet/analyzers"
)

func main() {
	multichecker.Main(analyzers.Suite(analyzers.Config{})...)
}
