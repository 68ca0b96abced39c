package main

import (
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"runtime/metrics"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestStartHeap runs startHeap in a child process of the test binary (it
// changes the collector's settings for the whole process): with no GOGC
// or GOMEMLIMIT in the environment, half of vetHeap is allocated with no
// collection, and the first collection restores GOGC=100; with GOGC set,
// startHeap leaves it alone.
func TestStartHeap(t *testing.T) {
	if mode := os.Getenv("ENVVET_STARTHEAP_CHILD"); mode != "" {
		startHeapChild(t, mode)
		return
	}
	runChild(t, "TestStartHeap", "ENVVET_STARTHEAP_CHILD=default")
	runChild(t, "TestStartHeap", "ENVVET_STARTHEAP_CHILD=user", "GOGC=50")
}

// runChild runs the test named test in a child process of the test binary,
// with env added to the environment (GOGC and GOMEMLIMIT removed), and
// fails unless it passes.
func runChild(t *testing.T, test string, env ...string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^"+test+"$", "-test.v")
	cmd.Env = slices.DeleteFunc(os.Environ(), func(kv string) bool {
		return strings.HasPrefix(kv, "GOGC=") || strings.HasPrefix(kv, "GOMEMLIMIT=")
	})
	cmd.Env = append(cmd.Env, env...)
	if out, err := cmd.CombinedOutput(); err != nil || !strings.Contains(string(out), "--- PASS: "+test) {
		t.Errorf("child with %v: %v\n%s", env, err, out)
	}
}

// TestPaceStandalone: a standalone run collects at GOGC=standaloneGC,
// unless the environment sets GOGC or GOMEMLIMIT (in a child process:
// it changes the collector's settings for the whole process).
func TestPaceStandalone(t *testing.T) {
	if want := os.Getenv("ENVVET_PACE_CHILD"); want != "" {
		paceStandalone()
		if g := gogc(); fmt.Sprint(g) != want {
			t.Fatalf("the collector's percent is %d after paceStandalone, want %s", g, want)
		}
		return
	}
	runChild(t, "TestPaceStandalone", fmt.Sprintf("ENVVET_PACE_CHILD=%d", standaloneGC))
	runChild(t, "TestPaceStandalone", "ENVVET_PACE_CHILD=50", "GOGC=50")
	runChild(t, "TestPaceStandalone", "ENVVET_PACE_CHILD=100", "GOMEMLIMIT=1GiB")
}

func startHeapChild(t *testing.T, mode string) {
	runtime.GC()
	if mode == "user" {
		startHeap(vetHeap)
		if g := gogc(); g != 50 {
			t.Fatalf("GOGC=50 in the environment: startHeap set the collector's percent to %d", g)
		}
		return
	}
	before := numGC()
	startHeap(vetHeap)
	var keep [][]byte
	for range vetHeap / 2 / (1 << 20) {
		keep = append(keep, make([]byte, 1<<20))
	}
	if n := numGC() - before; n != 0 {
		t.Fatalf("%d collections while %d MB were allocated, want none below vetHeap (%d MB)", n, len(keep), vetHeap>>20)
	}
	runtime.KeepAlive(keep)
	runtime.GC()
	deadline := time.Now().Add(10 * time.Second)
	for gogc() != 100 && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	if g := gogc(); g != 100 {
		t.Fatalf("after the first collection the collector's percent is %d, want 100", g)
	}
}

func numGC() uint64 { return readMetric("/gc/cycles/total:gc-cycles") }
func gogc() uint64  { return readMetric("/gc/gogc:percent") }

func readMetric(name string) uint64 {
	s := []metrics.Sample{{Name: name}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}
