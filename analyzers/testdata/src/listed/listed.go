// Package listed drops the parse error of a key that the manifest named
// with -envkeys.manifest (deploy/envvet.yaml, not discovered; relative to
// the module root, which is envvet's own here) declares
// on-bad-value: default.
package listed

import (
	"os"
	"strconv"
)

func Workers() int {
	n, _ := strconv.Atoi(os.Getenv("WORKERS"))
	return n
}
