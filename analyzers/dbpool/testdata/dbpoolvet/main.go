// Command dbpoolvet runs dbpool alone, with its default settings,
// standalone or as go vet's tool; the end-to-end test builds it.
package main

import (
	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/envvet/envvet/analyzers/dbpool"
)

func main() { multichecker.Main(dbpool.New(dbpool.Config{})) }
