package wellknown

import "testing"

func TestAllowed(t *testing.T) {
	for _, tc := range []struct {
		key   string
		allow []string
		want  bool
	}{
		{"HOME", nil, true},
		{"LC_ALL", nil, true},
		{"NOTIFY_SOCKET", nil, true},
		{"APP_PORT", nil, false},
		{"AWS_REGION", []string{"AWS_*"}, true},
		{"AWS", []string{"AWS_*"}, false},
		{"CI", []string{"CI"}, true},
		{"CIRCLECI", []string{"CI"}, false},
	} {
		if got := Allowed(tc.key, tc.allow); got != tc.want {
			t.Errorf("Allowed(%q, %q) = %v, want %v", tc.key, tc.allow, got, tc.want)
		}
	}
}
