// Package nocmp calls a function of its own named Or, as fallback calls
// cmp.Or, without importing cmp: Or's later arguments are read whatever
// the first returns, so none of them is a fallback.
package nocmp

import "os"

func Or(vals ...string) string { return vals[len(vals)-1] }

func region() string {
	return Or(os.Getenv("FB_REGION"), os.Getenv("FB_DEFAULT_REGION")) // want `env key "FB_DEFAULT_REGION" is not declared`
}
