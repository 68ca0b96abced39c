// Package pure uses no cgo: nothing to report under the Dockerfile's policy.
package pure

import "strings"

// Up upper-cases s.
func Up(s string) string { return strings.ToUpper(s) }
