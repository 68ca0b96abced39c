package valuesets

import (
	"log"
	"os"
	"strings"
)

// A variable holding the value, used in a closure of the function that
// reads it: the closure's prefix test lets other values through.
func closureWidens() error {
	p := os.Getenv("S_CLOSURE_PREFIX") // want `read "S_CLOSURE_PREFIX"$`
	isFile := func() bool { return strings.HasPrefix(p, "file:") }
	if isFile() {
		return nil
	}
	switch p {
	case "a", "b":
	default:
		return errFormat
	}
	return nil
}

// The twin: the closure only logs the value.
func closureLogs() error {
	p := os.Getenv("S_CLOSURE_LOG") // want `read "S_CLOSURE_LOG" type enum\(a\|b\) by switch`
	logIt := func() { log.Printf("mode %s", p) }
	logIt()
	switch p {
	case "a", "b":
	default:
		return errFormat
	}
	return nil
}
