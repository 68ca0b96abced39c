package envkeys_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/envvet/envvet/analyzers/envkeys"
)

// TestOptional checks that a key viper's AutomaticEnv lets the environment
// override is not reported as undeclared, while an explicit BindEnv is.
// (The deployment-only manifest's optional reads are in package k8s.)
func TestOptional(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), envkeys.New(envkeys.Config{}), "viperask")
}
