//go:build unix

package lsp

import (
	"fmt"
	"syscall"
)

// cpuMark returns the server's CPU time so far, user and system, all
// threads, as it appears at the end of the log lines that bench/lsp reads
// ("cpu 1234567us"): a client that reads the process's CPU itself reads it
// late whenever it is descheduled, and would count work done after the
// event in the event's figure.
func cpuMark() string {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return "cpu unknown"
	}
	us := (int64(ru.Utime.Sec)+int64(ru.Stime.Sec))*1e6 + int64(ru.Utime.Usec) + int64(ru.Stime.Usec)
	return fmt.Sprintf("cpu %dus", us)
}
