package cputime_test

import (
	"runtime"
	"testing"
	"time"

	"github.com/envvet/envvet/internal/cputime"
)

// TestProcess: on unix the CPU time grows with work the process does.
func TestProcess(t *testing.T) {
	before, ok := cputime.Process()
	if runtime.GOOS == "windows" || runtime.GOOS == "plan9" || runtime.GOOS == "js" || runtime.GOOS == "wasip1" {
		if ok {
			t.Fatalf("Process() = %v, true on %s, which has no getrusage", before, runtime.GOOS)
		}
		return
	}
	if !ok {
		t.Fatal("Process() = _, false on a unix system")
	}
	x := 0
	for start := time.Now(); time.Since(start) < 50*time.Millisecond; {
		x++
	}
	after, _ := cputime.Process()
	if after <= before {
		t.Errorf("CPU time after a 50 ms busy loop (%d iterations): %v, not above %v", x, after, before)
	}
}
