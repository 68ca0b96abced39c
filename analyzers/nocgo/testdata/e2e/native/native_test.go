package native

import "testing"

// The test variant of native is analyzed too: its import "C" must still be
// reported once.
func TestOne(t *testing.T) {
	if One() != 1 {
		t.Fail()
	}
}
