package loaders

import (
	fork "github.com/mstoykov/envconfig"
)

// k6's fork of kelseyhightower/envconfig, with a lookup function: the
// same loader, the same dropped error.
func ForkDropped(env map[string]string) {
	var s Spec
	lookup := func(k string) (string, bool) { v, ok := env[k]; return v, ok }
	_ = fork.Process("k6", &s, lookup) // want `the error of envconfig.Process is dropped: a bad value of env key "K6_WORKERS"`
}

// Negative twin: the error is returned.
func ForkChecked(env map[string]string) error {
	var s Spec
	lookup := func(k string) (string, bool) { v, ok := env[k]; return v, ok }
	return fork.Process("k6", &s, lookup)
}
