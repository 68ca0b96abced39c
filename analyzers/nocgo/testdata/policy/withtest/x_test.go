package withtest_test

import (
	"testing"

	"example.com/policy/direct"
	"example.org/wrap"
)

func TestX(t *testing.T) { _ = direct.One() + wrap.Answer() }
