package envkeys_test

import "testing"

// TestOptional checks that a key viper's AutomaticEnv lets the environment
// override is not reported as undeclared, while an explicit BindEnv is.
// (The deployment-only manifest's optional reads are in package k8s.)
func TestOptional(t *testing.T) {
	defaults.Check(t, "viperask")
}
