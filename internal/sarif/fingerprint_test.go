package sarif_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/envvet/envvet/internal/sarif"
)

const before = `package main

import (
	"context"
	"os"
)

func main() {
	_ = os.Getenv("APP_MOD")
	_ = os.Getenv("APP_MOD")
	ctx, cancel := context.WithCancel(context.Background())
	go func() { <-ctx.Done() }()
	_ = cancel
}
`

// after is before with unrelated lines inserted above every finding.
const after = `package main

// Unrelated comment.

import (
	"context"
	"fmt"
	"os"
)

func helper() { fmt.Println("unrelated") }

func main() {
	_ = os.Getenv("APP_MOD")

	_ = os.Getenv("APP_MOD")
	ctx, cancel := context.WithCancel(context.Background())
	go func() { <-ctx.Done() }()
	_ = cancel
}
`

// fingerprints writes src as main.go in a fresh module root, reports the
// two reads of APP_MOD and the context.WithCancel line (whose message
// cites the goroutine's line number), and returns the results'
// fingerprints in that order.
func fingerprints(t *testing.T, src string, results ...sarif.Result) []string {
	t.Helper()
	root := t.TempDir()
	main := filepath.Join(root, "main.go")
	if err := os.WriteFile(main, []byte(src), 0o666); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(src, "\n")
	find := func(substr string, nth int) (int, int) {
		for i, l := range lines {
			if j := strings.Index(l, substr); j >= 0 {
				if nth--; nth == 0 {
					return i + 1, j + 1
				}
			}
		}
		t.Fatalf("no %q", substr)
		return 0, 0
	}
	read := func(nth int) sarif.Result {
		line, col := find(`"APP_MOD"`, nth)
		return sarif.Result{RuleID: "envkeys", Message: `env key "APP_MOD" is read but not declared`,
			Location: sarif.Location{File: main, Line: line, Col: col, EndLine: line, EndCol: col + 9}}
	}
	goLine, _ := find("go func()", 1)
	line, col := find("ctx, cancel", 1)
	leak := sarif.Result{RuleID: "ctxgo",
		Message:  "the cancel function is handed to the goroutine started on line " + itoa(goLine) + ", which does not call it",
		Location: sarif.Location{File: main, Line: line, Col: col}}
	all := append([]sarif.Result{read(1), read(2), leak}, results...)
	var buf bytes.Buffer
	err := sarif.Write(&buf, tool, root, []sarif.Rule{{ID: "envkeys"}, {ID: "ctxgo"}}, all, nil)
	if err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			Results []struct{ PartialFingerprints map[string]string }
		}
	}
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	var fps []string
	for _, r := range log.Runs[0].Results {
		fps = append(fps, r.PartialFingerprints[sarif.FingerprintKey])
	}
	return fps
}

func TestFingerprintStable(t *testing.T) {
	old, new := fingerprints(t, before), fingerprints(t, after)
	for i := range old {
		if old[i] != new[i] {
			t.Errorf("result %d: fingerprint %s became %s when unrelated lines moved", i, old[i], new[i])
		}
	}
	// The two identical reads differ only in their occurrence counter.
	h0, n0, _ := strings.Cut(old[0], ":")
	h1, n1, _ := strings.Cut(old[1], ":")
	if h0 != h1 || n0 != "1" || n1 != "2" {
		t.Errorf("identical findings have fingerprints %s and %s, want the same hash with :1 and :2", old[0], old[1])
	}
}

// TestFingerprintChanges is the negative twin: a change on the finding's
// own line, to its message or to its rule gives a new fingerprint.
func TestFingerprintChanges(t *testing.T) {
	base := fingerprints(t, before)
	edited := fingerprints(t, strings.Replace(before, `context.WithCancel(context.Background())`, `context.WithCancel(context.TODO())`, 1))
	if edited[2] == base[2] {
		t.Errorf("editing the finding's line kept its fingerprint %s", base[2])
	}
	if edited[0] != base[0] {
		t.Errorf("editing another line changed fingerprint %s to %s", base[0], edited[0])
	}
	extra := fingerprints(t, before,
		sarif.Result{RuleID: "ctxgo", Message: `env key "APP_MOD" is read but not declared`},
		sarif.Result{RuleID: "envkeys", Message: `env key "APP_MODE" is read but not declared`})
	if extra[3] == extra[4] {
		t.Errorf("different rules or messages share fingerprint %s", extra[3])
	}
}

// TestFingerprintUnreadable: when the file cannot be read, the line
// number stands in for its text, so the fingerprint follows the line.
func TestFingerprintUnreadable(t *testing.T) {
	fp := func(line int) string {
		var buf bytes.Buffer
		res := sarif.Result{RuleID: "envkeys", Message: "m", Location: sarif.Location{File: "/nonexistent/x.go", Line: line, Col: 1}}
		if err := sarif.Write(&buf, tool, t.TempDir(), []sarif.Rule{{ID: "envkeys"}}, []sarif.Result{res}, nil); err != nil {
			t.Fatal(err)
		}
		var log struct {
			Runs []struct {
				Results []struct{ PartialFingerprints map[string]string }
			}
		}
		if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
			t.Fatal(err)
		}
		return log.Runs[0].Results[0].PartialFingerprints[sarif.FingerprintKey]
	}
	if a, b := fp(3), fp(4); a == b || a != fp(3) {
		t.Errorf("fingerprints %s (line 3) and %s (line 4)", a, b)
	}
}
