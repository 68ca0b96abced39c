//go:build !unix

package analyzers_test

import "time"

// cpuTime is 0 where getrusage is missing: BenchmarkSuite's cpu-ns/op
// then reads 0 and its analyzers' times stand alone.
func cpuTime() time.Duration { return 0 }
