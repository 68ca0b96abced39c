//go:build !unix

package cputime

import "time"

// Process returns 0 and false: the process's CPU time is read with
// getrusage, which only unix systems have.
func Process() (d time.Duration, ok bool) { return 0, false }
