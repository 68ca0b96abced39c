//go:build !unix

package main

import "time"

// cpuTime is 0 where getrusage is missing: bench/lsp's CPU figures
// (the floor's, and the server's read from /proc) are Linux's.
func cpuTime() time.Duration { return 0 }
