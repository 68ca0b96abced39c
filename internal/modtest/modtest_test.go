package modtest

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestBuild builds a command twice: the second build returns the same
// file, untouched, and the file is named by its contents.
func TestBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	exe := Tool(t, "./testdata/hello")
	out, err := exec.Command(exe).Output()
	if err != nil || string(out) != "hello from modtest\n" {
		t.Fatalf("%s: %q, %v", exe, out, err)
	}
	fi, err := os.Stat(exe)
	if err != nil {
		t.Fatal(err)
	}
	if again := Tool(t, "./testdata/hello"); again != exe {
		t.Errorf("second build: %s, want %s", again, exe)
	} else if fi2, err := os.Stat(again); err != nil || !fi2.ModTime().Equal(fi.ModTime()) {
		t.Errorf("second build wrote %s again", again)
	}
	if runtime.GOOS == "windows" {
		return // built in a temporary directory
	}
	sum, err := fileSHA256(exe)
	if err != nil {
		t.Fatal(err)
	}
	if dir := filepath.Base(filepath.Dir(exe)); !strings.HasPrefix(sum, dir) || len(dir) != 32 {
		t.Errorf("%s is not in a directory named by its SHA-256 %s", exe, sum)
	}
}
