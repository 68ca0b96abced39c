package lsp

import (
	"fmt"

	"github.com/envvet/envvet/internal/cputime"
)

// cpuMark returns the server's CPU time so far, user and system, all
// threads, as it appears at the end of the log lines that bench/lsp reads
// ("cpu 1234567us"; "cpu unknown" where it cannot be read): a client that
// reads the process's CPU itself reads it late whenever it is
// descheduled, and would count work done after the event in the event's
// figure.
func cpuMark() string {
	d, ok := cputime.Process()
	if !ok {
		return "cpu unknown"
	}
	return fmt.Sprintf("cpu %dus", d.Microseconds())
}
