// Package noenv imports os and testing but references no environment
// variable: envgraph skips its walk (usesEnv) and finds nothing.
package noenv

import (
	"os"
	"testing"
)

func Open(name string) (*os.File, error) { return os.Open(name) }

func check(t *testing.T) { t.Log(os.Args) }
