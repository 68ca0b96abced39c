//go:build unix

package lsp_test

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestLogCPU checks that the server logs its own CPU time at the events
// bench/lsp times an edit by (issue 21): the receipt of a didChange, the
// start of an analysis, the publication before the test variants, the end
// of the analysis and the collection of a load, and that the figures grow
// through the session. It reads the log of TestEarlyPublish's session
// (variantEdit): a load, its collection, then an edit of a package with
// tests.
func TestLogCPU(t *testing.T) {
	t.Parallel()
	slog := variantEdit(t).slog

	mark := regexp.MustCompile(`\(cpu (\d+)us\)$`)
	events := []*regexp.Regexp{
		regexp.MustCompile(`<- textDocument/didChange `),
		regexp.MustCompile(`analysis 2 started `),
		regexp.MustCompile(`published the diagnostics of 1 files before the test variants `),
		analysisDone,
		collected,
	}
	found := make([]bool, len(events))
	last := int64(-1)
	for _, line := range slog {
		m := mark.FindStringSubmatch(line)
		for i, re := range events {
			if re.MatchString(line) {
				found[i] = true
				if m == nil {
					t.Errorf("log line without the server's CPU time: %s", line)
				}
			}
		}
		if m == nil {
			continue
		}
		us, _ := strconv.ParseInt(m[1], 10, 64)
		if us < last {
			t.Errorf("CPU time %d us after %d us: %s", us, last, line)
		}
		last = us
	}
	for i, ok := range found {
		if !ok {
			t.Errorf("no log line matching %s; log:\n%s", events[i], strings.Join(slog, "\n"))
		}
	}
}
