package envkeys_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/envvet/envvet/analyzers/envkeys"
)

// TestFallback checks that a key read only when a declared key is unset
// (a deprecated alias) is not reported, and that one whose primary key
// is undeclared too still is.
func TestFallback(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), envkeys.New(envkeys.Config{}), "fallback")
}
