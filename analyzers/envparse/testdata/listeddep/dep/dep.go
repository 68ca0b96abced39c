// Package dep is another module's package with an envparse finding of
// its own (never shown: it is not the program's code). The manifest that
// the app's run lists (deploy/envvet.yaml) is not in this module.
package dep

import (
	"os"
	"strconv"
)

func Workers() int {
	n, _ := strconv.Atoi(os.Getenv("DEP_WORKERS"))
	return n
}
