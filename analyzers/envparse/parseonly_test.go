package envparse_test

import (
	"testing"

	"github.com/envvet/envvet/analyzers/envparse"
	"github.com/envvet/envvet/internal/rulestest"
)

// TestParseOnly checks envparse's path for a package that parses but
// holds no env value (testdata/src/parseonly/secs: it imports os, calls
// strconv.Atoi, reads no key and calls no helper with a valueOf or
// silentDefault fact): its parse functions get their parsesArg facts
// (Second, Nested), functions that parse something else (Fixed) or are
// of another type (Count) get none, no inspector is built for it, and a
// helper of another package handed Second is still reported while one
// handed Fixed is not (parseonly/use).
func TestParseOnly(t *testing.T) {
	rulestest.Check(t, src.Dir(), envparse.New(envparse.Config{}), roots(t, "parseonly/secs", "parseonly/h", "parseonly/use"))

	// The probe reports no facts: its own expectations are not checked.
	built := inspectorsBuilt(&quiet{T: t}, envparse.New(envparse.Config{}), roots(t, "parseonly/secs"))
	if built["parseonly/secs"] {
		t.Errorf("package parseonly/secs: inspector built, want none (it holds no env value)")
	}
}
