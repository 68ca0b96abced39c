// Command nocgovet runs nocgo alone, standalone or as go vet's tool; the
// end-to-end test builds it.
package main

import (
	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/envvet/envvet/analyzers/nocgo"
)

func main() { multichecker.Main(nocgo.New(nocgo.Config{})) }
