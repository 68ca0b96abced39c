// Package p imports os but refers to no parse of an env value, env read
// or helper with a fact: envparse builds no inspector for it.
package p

import (
	"os"
	"strconv"
)

func Exit(n int) string { os.Exit(n); return strconv.Itoa(n) }
