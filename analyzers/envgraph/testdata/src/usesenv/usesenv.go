// Package usesenv references the environment only in ways that name no
// env function at a call of a package-level identifier: a method promoted
// from an embedded *testing.T, a function value, a method value. usesEnv
// must not skip it.
package usesenv

import (
	"os"
	"testing"
)

type suite struct{ *testing.T }

func (s suite) setup() {
	s.Setenv("SUITE_KEY", "1") // want `write "SUITE_KEY"`
}

func value() func(string) string {
	return os.Getenv // want `read dynamic os.Getenv`
}

func method(t *testing.T) {
	set := t.Setenv
	set("M_KEY", "1")
}
