// Command ignored reads DEBUG, whose finding envvet.yaml ignores, and
// TRACE, whose finding it does not.
package main

import (
	"os"
	"strconv"
)

func main() {
	debug, _ := strconv.ParseBool(os.Getenv("DEBUG"))
	trace, _ := strconv.ParseBool(os.Getenv("TRACE"))
	_, _ = debug, trace
}
