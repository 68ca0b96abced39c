package direct

import "testing"

func TestSetenv(t *testing.T) {
	t.Setenv("T_KEY", "1") // want `write "T_KEY"`
	var tb testing.TB = t
	tb.Setenv("TB_KEY", "1") // want `write "TB_KEY"`
}

func BenchmarkSetenv(b *testing.B) {
	b.Setenv("B_KEY", "1") // want `write "B_KEY"`
}

func FuzzSetenv(f *testing.F) {
	f.Setenv("F_KEY", "1") // want `write "F_KEY"`
}

// A Setenv method of another type is not the environment.
type fake struct{}

func (fake) Setenv(k, v string) {}

func TestFake(t *testing.T) {
	fake{}.Setenv("FAKE", "1")
}
