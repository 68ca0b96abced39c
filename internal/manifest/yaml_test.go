package manifest_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/envvet/envvet/internal/manifest"
)

const exampleYAML = `# keys the program reads
keys:
  DATABASE_URL:
    description: Postgres DSN
    required: true
    secret: true
  PORT:
    default: "8080"
  LEGACY_HOST:
    deprecated: use HOST
  PLAIN_KEY: {}
  BARE_KEY:
build:                  # build-time variables, e.g. for nocgo
  CGO_ENABLED: "0"
`

func TestYAML(t *testing.T) {
	for _, tt := range []struct {
		name, in, want string
	}{
		{"example", exampleYAML, `DATABASE_URL@3:3 "Postgres DSN" required secret; PORT@7:3="8080"; LEGACY_HOST@9:3 deprecated="use HOST"; PLAIN_KEY@11:3; BARE_KEY@12:3; build:CGO_ENABLED@14:3="0"`},
		{"empty", "", ""},
		{"comments only", "# nothing yet\n", ""},
		{"null document", "~\n", ""},
		{"empty sections", "keys:\nbuild:\n", ""},
		{"empty mappings", "keys: {}\nbuild: {}\n", ""},
		{"build only", "build:\n  CGO_ENABLED: 0\n  GOOS: linux\n  GOFLAGS:\n", `build:CGO_ENABLED@2:3="0"; build:GOOS@3:3="linux"; build:GOFLAGS@4:3`},
		{"default scalars keep text", "keys:\n  A: {default: 8080}\n  B: {default: '08'}\n  C: {default: true}\n  D: {default: \"\"}\n  E: {default: ~}\n  F: {default: 1.50}\n",
			`A@2:3="8080"; B@3:3="08"; C@4:3="true"; D@5:3=""; E@6:3; F@7:3="1.50"`},
		{"false flags", "keys:\n  A:\n    required: false\n    secret: false\n    deprecated: false\n", `A@2:3`},
		{"deprecated true", "keys:\n  A:\n    deprecated: true\n", `A@2:3 deprecated="deprecated"`},
		{"null description", "keys:\n  A:\n    description:\n", `A@2:3`},
		{"multi-line description", "keys:\n  A:\n    description: >\n      long\n      text\n", `A@2:3 "long text\n"`},
		{"flow style", "keys: {A: {required: true}, B: null}\n", `A@1:8 required; B@1:29`},
		{"anchors", "keys:\n  A: &common\n    secret: true\n  B: *common\n", `A@2:3 secret; B@4:3 secret`},
		{"bom and crlf", "\uFEFFkeys:\r\n  A:\r\n", `A@2:3`},
		{"document marker", "---\nkeys:\n  A:\n", `A@3:3`},
		{"document end marker", "keys:\n  A:\n...\n", `A@2:3`},
		{"on-bad-value", "keys:\n  A:\n    on-bad-value: default\n  B: {on-bad-value: fail}\n", `A@2:3 on-bad-value=default; B@4:3 on-bad-value=fail`},
		{"lowercase names allowed", "keys:\n  app_mode:\n", `app_mode@2:3`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m, err := manifest.Parse("envvet.yaml", []byte(tt.in))
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if got := render(m); got != tt.want {
				t.Errorf("Parse(%q)\n got %s\nwant %s", tt.in, got, tt.want)
			}
		})
	}
}

func TestYAMLErrors(t *testing.T) {
	for _, tt := range []struct {
		name, in, want string
	}{
		{"unknown key field", "keys:\n  PORT:\n    descripton: x\n", `envvet.yaml:3:5: unknown field "descripton" in key PORT (want description, required, default, secret, deprecated, ignore or on-bad-value)`},
		{"ignore list", "keys:\n  PORT:\n    ignore: [envkeys]\n", `envvet.yaml:2:3: ignore of key PORT must map check names to reasons`},
		{"ignore without reason", "keys:\n  PORT:\n    ignore:\n      envkeys:\n", `envvet.yaml:4:7: ignore envkeys of key PORT: a reason is required`},
		{"ignore of an unknown check", "keys:\n  PORT:\n    ignore:\n      envkey: read by the v1 sidecar\n",
			`envvet.yaml:4:7: ignore envkey of key PORT: unknown check (known: envkeys, nocgo, dbpool, ctxgo, envparse, envsecret, envtype)`},
		{"unknown top field", "keys:\nkyes:\n", `envvet.yaml:2:1: unknown field "kyes" (want keys, build, sources, environments or dbpool)`},
		{"required maybe", "keys:\n  A:\n    required: maybe\n", `envvet.yaml:3:15: required of key A must be true or false, not "maybe"`},
		{"required quoted", "keys:\n  A:\n    required: \"true\"\n", `envvet.yaml:3:15: required of key A must be true or false, not "true"`},
		{"secret list", "keys:\n  A:\n    secret: [1]\n", `envvet.yaml:3:13: secret of key A must be true or false, not a list`},
		{"default mapping", "keys:\n  A:\n    default: {x: 1}\n", `envvet.yaml:3:14: default of key A must be a scalar, not a mapping`},
		{"description list", "keys:\n  A:\n    description: [a]\n", `envvet.yaml:3:18: description of key A must be a scalar, not a list`},
		{"on-bad-value typo", "keys:\n  A:\n    on-bad-value: defualt\n", `envvet.yaml:3:19: on-bad-value of key A must be fail or default, not "defualt"`},
		{"on-bad-value bool", "keys:\n  A:\n    on-bad-value: true\n", `envvet.yaml:3:19: on-bad-value of key A must be fail or default, not "true"`},
		{"on-bad-value list", "keys:\n  A:\n    on-bad-value: [default]\n", `envvet.yaml:3:19: on-bad-value of key A must be fail or default, not a list`},
		{"deprecated mapping", "keys:\n  A:\n    deprecated: {}\n", `envvet.yaml:3:17: deprecated of key A must be a scalar, not a mapping`},
		{"key scalar", "keys:\n  A: hello\n", `envvet.yaml:2:6: key A must be a mapping of fields (description, required, default, secret, deprecated, ignore, on-bad-value) or empty, not "hello"`},
		{"key list", "keys:\n  A: [1]\n", `envvet.yaml:2:6: key A must be a mapping of fields (description, required, default, secret, deprecated, ignore, on-bad-value) or empty, not a list`},
		{"keys list", "keys:\n  - A\n  - B\n", `envvet.yaml:2:3: keys must be a mapping from variable names, not a list`},
		{"keys scalar", "keys: A\n", `envvet.yaml:1:7: keys must be a mapping from variable names, not "A"`},
		{"build list value", "build:\n  CGO_ENABLED: [0]\n", `envvet.yaml:2:16: build variable CGO_ENABLED must have a scalar value, not a list`},
		{"build mapping value", "build:\n  CGO_ENABLED: {value: 0}\n", `envvet.yaml:2:16: build variable CGO_ENABLED must have a scalar value, not a mapping`},
		// yaml.v3 does not reject duplicate keys when decoding into a yaml.Node:
		// these messages are ours.
		{"duplicate key", "keys:\n  A:\n  B:\n  A:\n", `envvet.yaml:4:3: keys: duplicate key A (first declared on line 2)`},
		{"duplicate build", "build:\n  GOOS: linux\n  GOOS: darwin\n", `envvet.yaml:3:3: build: duplicate key GOOS (first declared on line 2)`},
		{"duplicate field", "keys:\n  A:\n    required: true\n    required: false\n", `envvet.yaml:4:5: key A: duplicate key required (first declared on line 3)`},
		{"duplicate section", "keys:\nbuild:\nkeys:\n", `envvet.yaml:3:1: top level: duplicate key keys (first declared on line 1)`},
		{"invalid name", "keys:\n  MY-KEY:\n", `envvet.yaml:2:3: invalid key name "MY-KEY" in keys (want letters, digits and _, not starting with a digit)`},
		{"invalid name digit", "build:\n  9X: 1\n", `envvet.yaml:2:3: invalid key name "9X" in build (want letters, digits and _, not starting with a digit)`},
		{"empty name", "keys:\n  \"\":\n", `envvet.yaml:2:3: invalid key name "" in keys (want letters, digits and _, not starting with a digit)`},
		{"merge key", "base: &b {A: {}}\nkeys:\n  <<: *b\n", `envvet.yaml:1:1: unknown field "base" (want keys, build, sources, environments or dbpool)`},
		{"merge key in keys", "keys:\n  <<: {A: {}}\n", `envvet.yaml:2:3: invalid key name "<<" in keys (want letters, digits and _, not starting with a digit)`},
		{"non-scalar name", "keys:\n  ? [A]\n  : {}\n", `envvet.yaml:2:5: keys: keys must be names, not a list`},
		{"top level list", "- keys\n", `envvet.yaml:1:1: the top level must be a mapping with keys:, build: and sources:, not a list`},
		{"top level scalar", "hello\n", `envvet.yaml:1:1: the top level must be a mapping with keys:, build: and sources:, not "hello"`},
		{"two documents", "keys:\n---\nkeys:\n", `envvet.yaml:2: more than one YAML document (found "---")`},
		{"invalid yaml", "keys:\n  A: {\n  B:\n", `envvet.yaml:3: invalid YAML: did not find expected node content`},
		{"bad indentation", "keys:\n  A:\n    required: true\n   secret: true\n", `envvet.yaml:4: invalid YAML: did not find expected key`},
		{"bad indentation after multi-line values", "keys:\n  A:\n    description: \"two\n      lines\"\n    default: {a: 1,\n      b: 2}\n   secret: true\n", `envvet.yaml:7: invalid YAML: did not find expected key`},
		{"tab indentation", "keys:\n\tA:\n", `envvet.yaml:2: invalid YAML: found character that cannot start any token`},
		{"unknown alias", "keys:\n  A: *nope\n", `envvet.yaml: invalid YAML: unknown anchor 'nope' referenced`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m, err := manifest.Parse("envvet.yaml", []byte(tt.in))
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

func TestYAMLErrorLineLongFile(t *testing.T) {
	var b strings.Builder
	b.WriteString("keys:\n")
	for i := range 300 {
		fmt.Fprintf(&b, "  K%d:\n    description: \"key\n      %d\"\n", i, i)
	}
	b.WriteString("   bad: x\n") // line 902
	_, err := manifest.Parse("envvet.yaml", []byte(b.String()))
	if want := "envvet.yaml:902: invalid YAML: did not find expected key"; err == nil || err.Error() != want {
		t.Errorf("err = %v, want %s", err, want)
	}
}

func TestYAMLDBPool(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "envvet.yaml")
	write := func(content string) {
		t.Helper()
		if err := os.WriteFile(name, []byte(content), 0o666); err != nil {
			t.Fatal(err)
		}
	}
	write("keys:\n  A: {}\ndbpool:\n  isolate: [example.com/app/billing/..., ./users/...]\n")
	m, err := manifest.Load(name)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(m.Isolate, " "); got != "example.com/app/billing/... ./users/..." {
		t.Errorf("Isolate = %q", got)
	}
	for content, want := range map[string]string{
		"dbpool:\n  isolat: [x]\n": `envvet.yaml:2:3: unknown field "isolat" in dbpool (want isolate)`,
		"dbpool:\n  isolate: x\n":  `envvet.yaml:2:12: dbpool.isolate must be a list of import path patterns, not`,
		"dbpool: [x]\n":            `envvet.yaml:1:9: dbpool must be a mapping with isolate:`,
	} {
		write(content)
		if _, err := manifest.Load(name); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Load(%q) = %v, want an error containing %q", content, err, want)
		}
	}
}
