//go:build unix

package cputime

import (
	"syscall"
	"time"
)

// Process returns the process's CPU time so far, user and system, all
// threads (the runtime's collections included); ok is false if it could
// not be read.
func Process() (d time.Duration, ok bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
