package main

import (
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
	for _, env := range [][]string{nil, {"GOGC=50"}} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestStartHeap$", "-test.v")
		cmd.Env = slices.DeleteFunc(os.Environ(), func(kv string) bool {
			return strings.HasPrefix(kv, "GOGC=") || strings.HasPrefix(kv, "GOMEMLIMIT=")
		})
		mode := "default"
		if env != nil {
			mode = "user"
		}
		cmd.Env = append(append(cmd.Env, env...), "ENVVET_STARTHEAP_CHILD="+mode)
		if out, err := cmd.CombinedOutput(); err != nil || !strings.Contains(string(out), "--- PASS: TestStartHeap") {
			t.Errorf("child with %v: %v\n%s", env, err, out)
		}
	}
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
