package vetprof

import "testing"

func TestIsUnit(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want bool
	}{
		{[]string{"/tmp/go-build1/b001/vet.cfg"}, true},
		{[]string{"-envkeys.allow=AWS_*", "vet.cfg"}, true},
		{[]string{".cfg"}, true},
		{nil, false},
		{[]string{"./..."}, false},
		{[]string{"-flags"}, false},
		{[]string{"-V=full"}, false},
		{[]string{"vet.cfg", "./..."}, false},
		{[]string{"cfg"}, false},
		{[]string{"vet.cfgx"}, false},
	} {
		if got := isUnit(tc.args); got != tc.want {
			t.Errorf("isUnit(%q) = %v, want %v", tc.args, got, tc.want)
		}
	}
}
