package envsecret

import "testing"

func TestSecretName(t *testing.T) {
	for name, want := range map[string]string{
		"DB_PASSWORD":           "its name ends in _PASSWORD",
		"AWS_SECRET_ACCESS_KEY": "its name ends in _SECRET_ACCESS_KEY",
		"github_token":          "its name ends in _TOKEN",
		"TOKEN":                 "its name is TOKEN",
		"TOKEN_TTL":             "",
		"PASSWORD_FILE":         "",
		"AWS_ACCESS_KEY_ID":     "",
		"MAX_TOKENS":            "",
		"PWD":                   "",
		"SECRET_NAME":           "",
	} {
		if got := secretName(name); got != want {
			t.Errorf("secretName(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestPlaceholder(t *testing.T) {
	for v, want := range map[string]bool{
		"":                         true,
		"changeme":                 true,
		"<your-token>":             true,
		"${DB_PASSWORD}":           true,
		"$(SHARED)":                true,
		"{{ .Values.token }}":      true,
		"xxxxxxxxxx":               true,
		"********":                 true,
		"0000-0000-0000":           true,
		"12345678":                 true,
		"dev-key-1":                true,
		"my_app_key":               true,
		"postgres":                 true,
		"vault:secret/data/db#pw":  true,
		"/run/secrets/db":          true,
		"MSSQLServer-Passw0rd":     true,
		"127.0.0.1":                true,
		"10.12.0.7:5432":           true,
		"[fd00::17]:5432":          true,
		"10.12.0.7-Kq93LxZ":        false,
		"Zq3v9LmPx2Tb":             false,
		"sk-proj-Abc9dEf8gHi7jKl6": false, // "abc" between digits is chance
		"k7HsQ2pLx9VbN4mR":         false,
	} {
		if got := placeholder(v, "DB_PASSWORD"); got != want {
			t.Errorf("placeholder(%q) = %v, want %v", v, got, want)
		}
	}
}

func TestRealistic(t *testing.T) {
	for v, want := range map[string]bool{
		"ghp_R4nd0mL00k1ngT0k3nV4lu3":      true,
		"Yk3Pq9Zr7Lm2Xv8Nb4Wc6Td1Hs5Jf0Ga": true,
		"Zq3v9LmPx2Tb":                     false, // short: a typed password
		"ghp_short":                        false,
		"aaaaaaaaaaaaaaaaaaaaaaaaaa":       false,
		"correct horse battery staple ok":  false,
	} {
		if got := realistic(v); got != want {
			t.Errorf("realistic(%q) = %v, want %v", v, got, want)
		}
	}
}

func TestURLPassword(t *testing.T) {
	for v, want := range map[string]string{
		"postgres://app:pw1@db:5432/app":   "pw1",
		"postgres://app:p#w@db/app":        "p#w",
		"postgres://app:${DB_PASS}@db/app": "${DB_PASS}",
		"redis://cache:6379/0":             "",
		"https://key@sentry.io/1":          "",
		"not a url":                        "",
	} {
		if got, _ := urlPassword(v); got != want {
			t.Errorf("urlPassword(%q) = %q, want %q", v, got, want)
		}
	}
}
