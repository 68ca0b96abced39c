package withtest_test

import (
	"testing"

	"example.com/app/direct"
	"example.org/wrap"
)

func TestX(t *testing.T) { _ = direct.One() + wrap.Answer() }
