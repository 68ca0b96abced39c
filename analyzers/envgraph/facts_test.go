package envgraph

import (
	"bytes"
	"encoding/gob"
	"testing"
)

// TestFactsGob checks that the facts survive gob, as drivers store them,
// and encode identically every time.
func TestFactsGob(t *testing.T) {
	for _, f := range []interface{ String() string }{
		&envHelper{Params: []helperParam{
			{Index: 0, Kind: Lookup, Prefix: "APP_", Upper: true, Loader: LoaderOS, Via: []string{"envutil.Get"}, DefaultParam: 1},
			{Index: 2, Kind: Write, DefaultParam: -1, ConstDefault: "x", HasConstDefault: true},
		}},
		&envPackage{Keys: []string{"A", "B"}, Prefixes: []string{"P_"}, Environ: true, Helpers: true},
	} {
		var first []byte
		for i := range 3 {
			var buf bytes.Buffer
			if err := gob.NewEncoder(&buf).Encode(f); err != nil {
				t.Fatalf("encode %s: %v", f, err)
			}
			if i == 0 {
				first = buf.Bytes()
			} else if !bytes.Equal(first, buf.Bytes()) {
				t.Errorf("%s encodes differently on run %d", f, i)
			}
		}
		var back interface{ String() string }
		switch f.(type) {
		case *envHelper:
			back = new(envHelper)
		default:
			back = new(envPackage)
		}
		if err := gob.NewDecoder(bytes.NewReader(first)).Decode(back); err != nil {
			t.Fatalf("decode %s: %v", f, err)
		}
		if back.String() != f.String() {
			t.Errorf("round trip: got %s, want %s", back, f)
		}
	}
}

func TestExpandNames(t *testing.T) {
	for tmpl, want := range map[string]string{
		"$A ${B} $1 $* ${#} ${} $ ${C": "A,B",
		"${FOO BAR}x$_y.z":             "FOO BAR,_y",
		"$$HOME":                       "",
		"no vars":                      "",
		"${A}${B}$":                    "A,B",
	} {
		got := ""
		for i, n := range expandNames(tmpl) {
			if i > 0 {
				got += ","
			}
			got += n
		}
		if got != want {
			t.Errorf("expandNames(%q) = %q, want %q", tmpl, got, want)
		}
	}
}

func TestNames(t *testing.T) {
	for in, want := range map[string]string{
		"DatabaseURL": "DATABASE_URL", "HTTPPort": "HTTP_PORT", "Port": "PORT", "already_Snake": "ALREADY_SNAKE", "ID": "ID",
	} {
		if got := fieldEnvName(in); got != want {
			t.Errorf("fieldEnvName(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"AutoSplitVar": "Auto_Split_Var", "HTTPServer": "HTTP_Server", "Port": "Port", "MyURL": "My_URL",
	} {
		if got := splitWords(in); got != want {
			t.Errorf("splitWords(%q) = %q, want %q", in, got, want)
		}
	}
}
