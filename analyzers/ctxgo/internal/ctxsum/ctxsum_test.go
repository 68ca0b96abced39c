package ctxsum_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/envvet/envvet/analyzers/ctxgo/internal/ctxsum"
)

func Test(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), ctxsum.Analyzer, "worker", "typeparams")
}
