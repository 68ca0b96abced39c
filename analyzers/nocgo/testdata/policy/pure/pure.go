// Package pure is direct's negative twin: no cgo, nothing to report.
package pure

// One is pure Go.
func One() int { return 1 }
