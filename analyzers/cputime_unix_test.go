//go:build unix

package analyzers_test

import (
	"syscall"
	"time"
)

// cpuTime returns the process's CPU time so far (user+sys), collections
// on other threads included.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
