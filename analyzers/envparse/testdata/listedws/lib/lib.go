// Package lib is another module of the app's workspace (go.work), with
// an envparse finding of its own. The manifest the app's run lists
// (deploy/envvet.yaml, relative to each package's module root) is not in
// this module.
package lib

import (
	"os"
	"strconv"
)

func Workers() int {
	n, _ := strconv.Atoi(os.Getenv("LIB_WORKERS"))
	return n
}
