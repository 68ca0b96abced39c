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
		{"RUNNER_OS", nil, true},
		{"AZURE_FEDERATED_TOKEN_FILE", nil, true},
		{"FLY_APP_NAME", nil, true},
		{"RUNNER_POOL", nil, false},
		{"AZURE_CLIENT_ID", nil, false},
		{"FLY_API_TOKEN", nil, false},
		{"APP_PORT", nil, false},
		{"AWS_REGION", []string{"AWS_*"}, true},
		{"AWS", []string{"AWS_*"}, false},
		{"CI", []string{"CI"}, true},
		{"CIRCLECI", []string{"CI"}, false},
		{"NICMANAGER_API_PASSWORD_FILE", []string{"*_FILE"}, true},
		{"NICMANAGER_API_PASSWORD", []string{"*_FILE"}, false},
		{"DB_FILE_PATH", []string{"*_FILE"}, false},
		{"AWS_X_KEY", []string{"AWS_*_KEY"}, true},
		{"A[B", []string{"A[B"}, true}, // malformed: itself only
		{"AB", []string{"A[B"}, false},
	} {
		if got := Allowed(tc.key, tc.allow); got != tc.want {
			t.Errorf("Allowed(%q, %q) = %v, want %v", tc.key, tc.allow, got, tc.want)
		}
	}
}

func TestCheckPattern(t *testing.T) {
	for _, ok := range []string{"CI", "AWS_*", "*_FILE", "APP_?"} {
		if err := CheckPattern(ok); err != nil {
			t.Errorf("CheckPattern(%q) = %v", ok, err)
		}
	}
	if err := CheckPattern("A[B"); err == nil {
		t.Errorf("CheckPattern(%q) = nil, want an error", "A[B")
	}
}
