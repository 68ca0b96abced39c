package envsecret

import (
	"net/url"
	"regexp"
	"strings"
)

// userinfoRE matches the credentials of a URL that url.Parse rejects
// (a password with # or {...} in it): scheme://user:password@.
var userinfoRE = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]*://[^/:@\s]*:([^/@\s]+)@`)

// urlPassword returns the password of a URL with credentials, such as
// the DSN postgres://app:pw@db:5432/app; ok is false for any other value.
func urlPassword(v string) (pw string, ok bool) {
	v = strings.TrimSpace(v)
	if !strings.Contains(v, "://") || strings.ContainsAny(v, " \t\n") {
		return "", false
	}
	if u, err := url.Parse(v); err == nil {
		if u.User == nil {
			return "", false
		}
		pw, ok = u.User.Password()
		return pw, ok && pw != ""
	}
	if m := userinfoRE.FindStringSubmatch(v); m != nil {
		return m[1], true
	}
	return "", false
}
