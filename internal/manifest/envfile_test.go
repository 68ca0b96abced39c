package manifest

import (
	"strings"
	"testing"
)

// FuzzEnvFile checks parseDotenv in Compose env_file mode (bare names and
// KEY: value lines), which Parse never reaches: keys have valid names and
// lines within the file, all are runtime keys, and errors name the file.
func FuzzEnvFile(f *testing.F) {
	for _, s := range []string{
		"A=1\n",
		"A: yes\nB:\nC: \"q r\" # c\n",
		"BARE\nexport X=1\n",
		"URL=http://x:80\nT: a=b\n",
		"A: 'unterminated\n",
		"CGO_ENABLED=0\n",
		": x\n",
		"a b: c\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		keys, build, err := parseDotenv("a.env", data, true)
		lines := strings.Count(string(data), "\n") + 1
		if err != nil {
			e, ok := err.(*Error)
			if !ok || e.File != "a.env" || e.Line < 0 || e.Line > lines {
				t.Fatalf("bad error %#v for %q", err, data)
			}
			return
		}
		if len(build) != 0 {
			t.Fatalf("build variables %v in an env_file", build)
		}
		for _, k := range keys {
			if !validName(k.Name) || k.File != "a.env" || k.Line < 1 || k.Line > lines || k.Col < 1 {
				t.Fatalf("bad key %+v for %q", k, data)
			}
		}
	})
}
