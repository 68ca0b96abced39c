package envkeys_test

import "testing"

// TestOptional checks that a key viper's AutomaticEnv lets the environment
// override is not reported as undeclared, while an explicit BindEnv is.
// (The deployment-only manifest's optional reads are in package k8s.)
func TestOptional(t *testing.T) {
	defaults.Check(t, "viperask")
}

// TestEmptyOff checks that, with deployment files alone for a manifest, a
// read whose empty value the code handles as the setting left off is not
// reported, while one whose empty value fails or is used unchecked is;
// with a .env.example, the same read is reported.
func TestEmptyOff(t *testing.T) {
	defaults.Check(t, "deployonly", "deployonlydoc")
}
