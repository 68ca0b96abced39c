package manifest_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/envvet/envvet/internal/manifest"
)

// kv renders a key for comparison: NAME@line:col[=default][ "description"].
func kv(k manifest.Key) string {
	s := fmt.Sprintf("%s@%d:%d", k.Name, k.Line, k.Col)
	if k.HasDefault {
		s += fmt.Sprintf("=%q", k.Default)
	}
	if k.Description != "" {
		s += fmt.Sprintf(" %q", k.Description)
	}
	if k.Required {
		s += " required"
	}
	if k.Secret {
		s += " secret"
	}
	if k.Deprecated != "" {
		s += fmt.Sprintf(" deprecated=%q", k.Deprecated)
	}
	if k.OnBadValue != "" {
		s += " on-bad-value=" + k.OnBadValue
	}
	return s
}

func render(m *manifest.Manifest) string {
	var parts []string
	for _, k := range m.Keys {
		parts = append(parts, kv(k))
	}
	for _, k := range m.Build {
		parts = append(parts, "build:"+kv(k))
	}
	return strings.Join(parts, "; ")
}

func TestDotenv(t *testing.T) {
	for _, tt := range []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"blank and comments", "\n  \n# c\n\t# d\n", ""},
		{"plain", "A=1\nB=two words\n", `A@1:1="1"; B@2:1="two words"`},
		{"empty value", "A=\n", `A@1:1`},
		{"export", "export A=1\nexport\tB=2\n", `A@1:8="1"; B@2:8="2"`},
		{"export as a name", "export=1\n", `export@1:1="1"`},
		{"indented", "  A=1\n", `A@1:3="1"`},
		{"spaces around =", "A = 1\nB =\t2 \n", `A@1:1="1"; B@2:1="2"`},
		{"double quotes keep #", `A="x # y"` + "\n", `A@1:1="x # y"`},
		{"single quotes", `A='x # y'` + "\n", `A@1:1="x # y"`},
		{"single quotes are literal", `A='a\nb'` + "\n", `A@1:1="a\\nb"`},
		{"backslash-quote in single quotes", `A='it\'s'` + "\n", `A@1:1="it\\'s"`},
		{"godotenv quoted.env", "OPTION_K='line one\nthis is \\'quoted\\'\none more line'\nOPTION_M=\"line one\nthis is \\\"quoted\\\"\none more line\"\n",
			`OPTION_K@1:1="line one\nthis is \\'quoted\\'\none more line"; OPTION_M@4:1="line one\nthis is \"quoted\"\none more line"`},
		{"double-quote escapes", `A="a\nb\t\"c\\\$d\q"` + "\n", `A@1:1="a\nb\t\"c\\$d\\q"`},
		{"empty quotes", `A=""` + "\nB=''\n", `A@1:1; B@2:1`},
		{"space before quote", `A= "x"` + "\n", `A@1:1="x"`},
		{"inline comment", "A=1 # one\nB=2\t#two\n", `A@1:1="1" "one"; B@2:1="2" "two"`},
		{"hash without blank is value", "A=a#b\nB=#c\nURL=http://h/#frag\n", `A@1:1="a#b"; B@2:1="#c"; URL@3:1="http://h/#frag"`},
		{"comment-only value", "A= # fill in\n", `A@1:1 "fill in"`},
		{"comment after quotes", `A="x" # c` + "\n", `A@1:1="x" "c"`},
		{"comments above are description", "# Postgres\n# DSN\nA=\n\n# detached\n\nB=\n", `A@3:1 "Postgres DSN"; B@7:1`},
		{"commented-out key is not a description", "# Optional:\n# SENTRY_DSN=\nA=\n# export B = 1\n# the C\nC=\n", `A@3:1; C@6:1 "the C"`},
		{"comment above wins over inline", "# above\nA=1 # inline\n", `A@2:1="1" "above"`},
		{"CRLF", "A=1\r\nB=\"x\"\r\n# c\r\nC=3\r\n", `A@1:1="1"; B@2:1="x"; C@4:1="3" "c"`},
		{"BOM", "\uFEFFA=1\n", `A@1:1="1"`},
		{"declared again: the later wins", "A=1\nB=2\n# again\nexport A=3\nA=4\n", `A@5:1="4"; B@2:1="2"`},
		{"build var declared again", "GOOS=linux\nGOOS=darwin\n", `build:GOOS@2:1="darwin"`},
		{"no final newline", "A=1", `A@1:1="1"`},
		{"multi-line double quotes", "A=\"line1\nline2\"\nB=2\n", `A@1:1="line1\nline2"; B@3:1="2"`},
		{"multi-line single quotes", "A='x\n\ny'\nB=2\n", `A@1:1="x\n\ny"; B@4:1="2"`},
		{"multi-line CRLF", "A=\"x\r\ny\"\r\n", `A@1:1="x\ny"`},
		{"no expansion", "A=${B}/x\n", `A@1:1="${B}/x"`},
		{"value with =", "A=k=v\n", `A@1:1="k=v"`},
		{"underscore and digits", "_A1=1\na_b=2\n", `_A1@1:1="1"; a_b@2:1="2"`},
		{"build vars", "CGO_ENABLED=0\nGOOS=linux\nPORT=1\nCC=\n", `PORT@3:1="1"; build:CGO_ENABLED@1:1="0"; build:GOOS@2:1="linux"; build:CC@4:1`},
		{"unicode value", "A=héllo wörld\n", `A@1:1="héllo wörld"`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m, err := manifest.Parse(".env.example", []byte(tt.in))
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if got := render(m); got != tt.want {
				t.Errorf("Parse(%q)\n got %s\nwant %s", tt.in, got, tt.want)
			}
			for _, k := range append(m.Keys, m.Build...) {
				if k.File != ".env.example" {
					t.Errorf("key %s: File = %q", k.Name, k.File)
				}
			}
		})
	}
}

func TestDotenvErrors(t *testing.T) {
	for _, tt := range []struct {
		name, in, want string
	}{
		{"no =", "A=1\nJUST_A_NAME\n", `.env.example:2:1: expected KEY=value, found only the name JUST_A_NAME (write JUST_A_NAME= to declare a key with no value)`},
		{"export alone", "export A\n", `.env.example:1:8: expected KEY=value, found only the name A (write A= to declare a key with no value)`},
		{"no = after blanks", "  B  \n", `.env.example:1:3: expected KEY=value, found only the name B (write B= to declare a key with no value)`},
		{"yaml style", "A: 1\n", `.env.example:1:1: expected KEY=value, found "A: 1"`},
		{"invalid name digit", "1A=x\n", `.env.example:1:1: invalid key name "1A" (want letters, digits and _, not starting with a digit)`},
		{"invalid name dash", "\n  MY-KEY=x\n", `.env.example:2:3: invalid key name "MY-KEY" (want letters, digits and _, not starting with a digit)`},
		{"invalid name space", "A B=x\n", `.env.example:1:1: invalid key name "A B" (want letters, digits and _, not starting with a digit)`},
		{"empty name", "=x\n", `.env.example:1:1: invalid key name "" (want letters, digits and _, not starting with a digit)`},
		{"unterminated double", "A=1\nB=\"abc\nC=3\n", `.env.example:2:1: unterminated quoted value of B`},
		{"unterminated single", "B='abc", `.env.example:1:1: unterminated quoted value of B`},
		{"escaped quote does not close", `B="abc\"` + "\n", `.env.example:1:1: unterminated quoted value of B`},
		{"text after quote", "A=1\nB=\"abc\" def\n", `.env.example:2: unexpected "def" after the closing quote of B's value`},
		{"text after multi-line quote", "B=\"a\nb\"c\n", `.env.example:2: unexpected "c" after the closing quote of B's value`},
		{"UTF-16", "\xff\xfeA\x00=\x00", `.env.example: the file is encoded in UTF-16; save it as UTF-8`},
		{"long line clipped", "THIS IS A VERY LONG LINE WITHOUT ANY EQUALS SIGN AT ALL\n", `.env.example:1:1: expected KEY=value, found "THIS IS A VERY LONG LINE WITHOUT ANY EQU…"`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m, err := manifest.Parse(".env.example", []byte(tt.in))
			if err == nil {
				t.Fatalf("Parse(%q) = %s, want error %s", tt.in, render(m), tt.want)
			}
			if err.Error() != tt.want {
				t.Errorf("Parse(%q)\n got error %s\nwant error %s", tt.in, err, tt.want)
			}
			if _, ok := err.(*manifest.Error); !ok {
				t.Errorf("error is %T, want *manifest.Error", err)
			}
		})
	}
}

// TestDotenvRedeclared: a name declared again in one dotenv file is no
// error (open-im-server v3.6.0's env.template repeats two ports); the
// later declaration is the key, as Compose and godotenv read the file, and
// the earlier ones are Shadowed, still seen by the checks of values.
func TestDotenvRedeclared(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, ".env.example")
	if err := os.WriteFile(path, []byte("PORT=1\nHOST=h\n# again\nPORT=2\nPORT=3\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	m, err := manifest.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := render(m), `PORT@5:1="3"; HOST@2:1="h"`; got != want {
		t.Errorf("keys: got %s, want %s", got, want)
	}
	var shadowed []string
	for _, k := range m.Shadowed {
		shadowed = append(shadowed, kv(k))
	}
	if got, want := strings.Join(shadowed, "; "), `PORT@1:1="1"; PORT@4:1="2" "again"`; got != want {
		t.Errorf("shadowed: got %s, want %s", got, want)
	}
}
