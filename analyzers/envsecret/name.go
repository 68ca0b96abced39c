package envsecret

import "strings"

// secretSuffixes are the ends of names that say a key holds a secret,
// as words separated by _: DB_PASSWORD, GITHUB_TOKEN, AWS_SECRET_ACCESS_KEY.
// A name that goes on after the word (TOKEN_TTL, PASSWORD_FILE,
// SECRET_NAME) names something else.
var secretSuffixes = [][]string{
	{"PASSWORD"}, {"PASSWD"}, {"PASS"},
	{"SECRET"}, {"TOKEN"},
	{"PRIVATE", "KEY"}, {"API", "KEY"}, {"APIKEY"},
	{"SECRET", "KEY"}, {"SECRET", "ACCESS", "KEY"}, {"ACCESS", "TOKEN"},
	{"CLIENT", "SECRET"}, {"SIGNING", "KEY"}, {"ENCRYPTION", "KEY"},
}

// secretName returns why the name says its key is a secret ("its name
// ends in _PASSWORD"), or "".
func secretName(name string) string {
	words := strings.Split(strings.ToUpper(name), "_")
	best := ""
	for _, suf := range secretSuffixes {
		if len(suf) > len(words) || !equalWords(words[len(words)-len(suf):], suf) {
			continue
		}
		if s := strings.Join(suf, "_"); len(s) > len(best) {
			best = s
		}
	}
	switch {
	case best == "":
		return ""
	case best == strings.ToUpper(name):
		return "its name is " + best
	}
	return "its name ends in _" + best
}

func equalWords(a, b []string) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
