//go:build !unix

package lsp

// cpuMark returns "cpu unknown": the process's CPU time is read with
// getrusage, which only unix systems have.
func cpuMark() string { return "cpu unknown" }
