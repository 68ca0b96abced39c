package ctxgo_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/envvet/envvet/analyzers/ctxgo"
)

func Test(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), ctxgo.New(ctxgo.Config{}), "a", "b", "unobserved", "handover", "typeparams")
}
