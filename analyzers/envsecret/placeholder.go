package envsecret

import (
	"net/netip"
	"slices"
	"strconv"
	"strings"
)

// placeholderWords are words whose presence in a value says it stands
// for the real one: changeme, your-api-key, example, dummy. A value
// containing an English word such as "password" or "secret" is a made-up
// one too (mysecretpassword, supersecret), as is a development default
// (postgres, root, admin).
var placeholderWords = []string{
	"change", "replace", "your", "example", "sample", "dummy", "placeholder",
	"fake", "xxx", "todo", "fixme", "insert", "redacted", "test", "demo",
	"local", "default", "none", "null", "password", "passwd", "secret",
	"token", "notset", "unset", "empty", "generate", "random", "qwerty",
	"letmein", "admin", "guest", "postgres", "mysql", "mongo", "redis",
	"rabbit", "minio", "keycloak",
}

// shortWords mark a made-up value only as words of their own (my-key,
// dev_pass, foo) or at its start: inside a generated string they occur by
// chance.
var shortWords = []string{"dev", "foo", "bar", "baz", "my", "root", "user", "here", "abc", "pass"}

// referencePrefixes start values that name where the secret is kept,
// not the secret: a file, a secret manager's path.
var referencePrefixes = []string{
	"/", "./", "../", "~/", "file:", "vault:", "arn:aws:secretsmanager:", "arn:aws:ssm:",
	"projects/", "sm://", "gcp:", "awssm:", "ssm:", "op://", "ref+", "secretref:", "akv://",
}

// placeholder reports whether v, the value of key name, stands for a
// secret rather than being one: empty, a reference ($VAR, ${VAR}, $(VAR),
// {{ .Values.x }}, <token>, a path or secret manager reference), one
// character repeated (xxxx, ****), a number or boolean, an IP address
// with or without a port (127.0.0.1, 10.0.0.5:5432: where a key kept in a
// Secret elsewhere, such as a private DB_HOST, is set to the loopback
// address beside a sidecar), a made-up value (changeme, your-token,
// example, dev defaults such as postgres), the key's own name, or shorter
// than 6 characters.
func placeholder(v, name string) bool {
	v = strings.TrimSpace(v)
	low := strings.ToLower(v)
	switch {
	case len(v) < 6,
		strings.ContainsAny(v, "$<>{}"),
		repeated(v),
		isNumberOrBool(low),
		isAddress(v),
		low == strings.ToLower(name):
		return true
	}
	for _, p := range referencePrefixes {
		if strings.HasPrefix(low, p) {
			return true
		}
	}
	for _, w := range placeholderWords {
		if strings.Contains(low, w) {
			return true
		}
	}
	unleet := leet.Replace(low)
	for _, w := range leetWords {
		if strings.Contains(unleet, w) {
			return true
		}
	}
	return hasShortWord(low)
}

// leetWords are the words of typed passwords that are looked for with
// digits and signs read as letters (Passw0rd, s3cr3t, @dmin). Shorter or
// rarer words are not: in a generated string, digits spell them by chance.
var leetWords = []string{"password", "passwd", "secret", "admin", "changeme", "letmein"}

// leet undoes the digits and signs that stand for letters.
var leet = strings.NewReplacer("0", "o", "1", "i", "3", "e", "4", "a", "5", "s", "7", "t", "@", "a", "$", "s")

// identifier reports whether v is a plain name (lower-case letters and
// -, _ or .): a Secret's name, a user name, a development default
// (operator, nagios, zaphod), not a credential someone generated.
func identifier(v string) bool {
	for _, r := range v {
		if !('a' <= r && r <= 'z' || r == '-' || r == '_' || r == '.') {
			return false
		}
	}
	return true
}

// hasShortWord reports whether low starts with one of shortWords or holds
// one between separators (not digits: in a generated string, letters
// between digits are words by chance).
func hasShortWord(low string) bool {
	words := strings.FieldsFunc(low, func(r rune) bool {
		return !('a' <= r && r <= 'z' || '0' <= r && r <= '9')
	})
	for _, w := range shortWords {
		if strings.HasPrefix(low, w) || slices.Contains(words, w) {
			return true
		}
	}
	return false
}

// repeated reports whether v is one character repeated, or one
// character between separators (x-x-x, 0000-0000).
func repeated(v string) bool {
	var first rune
	for _, r := range v {
		if r == '-' || r == '_' || r == '.' || r == ' ' {
			continue
		}
		if first == 0 {
			first = r
		} else if r != first {
			return false
		}
	}
	return true
}

// isAddress reports whether v is an IP address, or an IP address and a
// port: where a host is, not a credential.
func isAddress(v string) bool {
	if _, err := netip.ParseAddr(v); err == nil {
		return true
	}
	_, err := netip.ParseAddrPort(v)
	return err == nil
}

func isNumberOrBool(low string) bool {
	switch low {
	case "true", "false", "yes", "no", "on", "off", "enabled", "disabled":
		return true
	}
	_, err := strconv.ParseFloat(low, 64)
	return err == nil
}
