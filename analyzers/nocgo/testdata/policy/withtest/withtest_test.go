package withtest

import (
	"testing"

	"example.org/cgolib"
)

func TestOne(t *testing.T) {
	if One() != cgolib.Answer()-41 {
		t.Fail()
	}
}
