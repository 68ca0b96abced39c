package manifest_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/envvet/envvet/internal/manifest"
)

// writeTree creates files (path → content) under a new temporary directory.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, content := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o777); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o666); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func TestLoad(t *testing.T) {
	root := writeTree(t, map[string]string{
		".env.example": "A=1\nB=\nCGO_ENABLED=0\n",
		"envvet.yaml":  "keys:\n  B: {required: true}\n  C:\nbuild:\n  CGO_ENABLED: 1\n",
	})
	env, yml := filepath.Join(root, ".env.example"), filepath.Join(root, "envvet.yaml")
	m, err := manifest.Load(env, yml, env)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(m.Files, ","), env+","+yml; got != want {
		t.Errorf("Files = %s, want %s", got, want)
	}
	if got, want := render(m), `A@1:1="1"; B@2:1; C@3:3; build:CGO_ENABLED@3:1="0"`; got != want {
		t.Errorf("merged = %s, want %s", got, want)
	}
	if k, ok := m.Lookup("B"); !ok || k.File != env || k.Required {
		t.Errorf("Lookup(B) = %+v, %v; want the first file's declaration", k, ok)
	}
	if k, ok := m.Lookup("C"); !ok || k.File != yml {
		t.Errorf("Lookup(C) = %+v, %v", k, ok)
	}
	if _, ok := m.Lookup("CGO_ENABLED"); ok {
		t.Errorf("Lookup(CGO_ENABLED) found a build variable")
	}
	if k, ok := m.BuildVar("CGO_ENABLED"); !ok || k.Default != "0" {
		t.Errorf("BuildVar(CGO_ENABLED) = %+v, %v", k, ok)
	}
	if _, ok := m.BuildVar("A"); ok {
		t.Errorf("BuildVar(A) found a runtime key")
	}
	if got := len(m.Declarations("B")); got != 2 {
		t.Errorf("Declarations(B) has %d entries, want 2", got)
	}
	if got := len(m.Declarations("CGO_ENABLED")); got != 2 {
		t.Errorf("Declarations(CGO_ENABLED) has %d entries, want 2", got)
	}
	if got, want := m.DisplayName(), ".env.example, envvet.yaml"; got != want {
		t.Errorf("DisplayName = %q, want %q", got, want)
	}
	if k, _ := m.Lookup("A"); k.Pos() != env+":1:1" {
		t.Errorf("Pos = %s", k.Pos())
	}

	var nilM *manifest.Manifest
	if _, ok := nilM.Lookup("A"); ok || nilM.DisplayName() != "" {
		t.Errorf("nil manifest misbehaves")
	}
}

func TestLoadErrors(t *testing.T) {
	root := writeTree(t, map[string]string{
		"ok.env":      "A=1\n",
		"bad.env":     "A=1\nA\n",
		"bad.yml":     "keys: [A]\n",
		"dir/.keep":   "",
		"envvet.yaml": "keys:\n  A:\n",
	})
	missing := filepath.Join(root, "missing.env")
	_, err := manifest.Load(filepath.Join(root, "ok.env"), missing)
	if err == nil || err.Error() != missing+": cannot read manifest: no such file" {
		t.Errorf("missing file: err = %v", err)
	}
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("errors.Is(%v, fs.ErrNotExist) = false", err)
	}
	var me *manifest.Error
	if !errors.As(err, &me) || me.File != missing {
		t.Errorf("missing file: error %#v is not a *manifest.Error naming the file", err)
	}
	if _, err := manifest.Load(filepath.Join(root, "dir")); err == nil || !strings.HasPrefix(err.Error(), filepath.Join(root, "dir")+": cannot read manifest: ") {
		t.Errorf("directory: err = %v", err)
	}
	// Relative names are kept as given.
	t.Chdir(root)
	if _, err := manifest.Load("bad.env"); err == nil || err.Error() != "bad.env:2:1: expected KEY=value, found only the name A (write A= to declare a key with no value)" {
		t.Errorf("bad.env: err = %v", err)
	}
	if _, err := manifest.Load("bad.yml"); err == nil || err.Error() != "bad.yml:1:7: keys must be a mapping from variable names, not a list" {
		t.Errorf("bad.yml: err = %v", err)
	}
	// Duplicates across files are not an error.
	if m, err := manifest.Load("ok.env", "envvet.yaml"); err != nil || len(m.Keys) != 1 || len(m.Shadowed) != 1 {
		t.Errorf("across files: %v, %v", m, err)
	}
	if m, err := manifest.Load(); err != nil || len(m.Keys) != 0 {
		t.Errorf("Load() = %v, %v", m, err)
	}
}

func TestDiscover(t *testing.T) {
	for _, tt := range []struct {
		name  string
		files []string // empty files
		dir   string
		want  string // relative to the root; "" for none
	}{
		{"in dir", []string{"go.mod", "a/.env.example"}, "a", "a/.env.example"},
		{"at module root", []string{"go.mod", ".env.example", "a/b/x.go"}, "a/b", ".env.example"},
		{"nearest wins", []string{"go.mod", ".env.example", "a/.env.sample", "a/b/x.go"}, "a/b", "a/.env.sample"},
		{"envvet.yaml over .env.example", []string{"go.mod", "envvet.yaml", ".env.example"}, ".", "envvet.yaml"},
		{"envvet.yml", []string{"go.mod", "envvet.yml", ".env.example"}, ".", "envvet.yml"},
		{"yaml over yml", []string{"go.mod", "envvet.yml", "envvet.yaml"}, ".", "envvet.yaml"},
		{"preference order", []string{"go.mod", ".env.dist", ".env.template", ".env.sample"}, ".", ".env.sample"},
		{"dist", []string{"go.mod", ".env.dist"}, ".", ".env.dist"},
		{"not .env", []string{"go.mod", ".env", ".env.local"}, ".", ""},
		{"stops at go.mod", []string{".env.example", "mod/go.mod", "mod/a/x.go"}, "mod/a", ""},
		{"module root itself is searched", []string{".env.example", "mod/go.mod", "mod/.env.example"}, "mod", "mod/.env.example"},
		{"none", []string{"go.mod", "a/x.go"}, "a", ""},
		{"directory named like a manifest", []string{"go.mod", ".env.example/x", "a/x.go"}, "a", ""},
		{"testdata below module root", []string{"go.mod", "testdata/.env.example", "testdata/src/a/a.go"}, "testdata/src/a", "testdata/.env.example"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			files := make(map[string]string)
			for _, f := range tt.files {
				files[f] = ""
			}
			root := writeTree(t, files)
			got, err := manifest.Discover(filepath.Join(root, tt.dir))
			if err != nil {
				t.Fatal(err)
			}
			want := ""
			if tt.want != "" {
				want = filepath.Join(root, filepath.FromSlash(tt.want))
			}
			if got != want {
				t.Errorf("Discover = %q, want %q", got, want)
			}
		})
	}

	t.Run("relative dir", func(t *testing.T) {
		root := writeTree(t, map[string]string{"go.mod": "", ".env.example": "", "a/x.go": ""})
		t.Chdir(filepath.Join(root, "a"))
		got, err := manifest.Discover(".")
		if want := filepath.Join(root, ".env.example"); err != nil || got != want {
			t.Errorf("Discover(.) = %q, %v; want %q", got, err, want)
		}
	})
}

// touch rewrites path with content and moves its mtime forward, so that
// the change is visible even on file systems with coarse timestamps.
func touch(t *testing.T, path, content string, tick *time.Time) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o666); err != nil {
		t.Fatal(err)
	}
	*tick = tick.Add(time.Second)
	if err := os.Chtimes(path, *tick, *tick); err != nil {
		t.Fatal(err)
	}
}

func TestCache(t *testing.T) {
	root := writeTree(t, map[string]string{"go.mod": "", "a/x.go": "", "b/x.go": ""})
	env := filepath.Join(root, ".env.example")
	a, b := filepath.Join(root, "a"), filepath.Join(root, "b")
	tick := time.Now().Add(-time.Hour)
	var c manifest.Cache

	// No manifest: (nil, nil).
	if m, err := c.ForDir(a, nil); m != nil || err != nil {
		t.Fatalf("no manifest: %v, %v", m, err)
	}

	touch(t, env, "A=1\n", &tick)
	m1, err := c.ForDir(a, nil)
	if err != nil || m1 == nil {
		t.Fatalf("ForDir = %v, %v", m1, err)
	}
	if _, ok := m1.Lookup("A"); !ok {
		t.Fatalf("A not declared")
	}
	// Memoized: another package of the module shares the result.
	if m2, _ := c.ForDir(b, nil); m2 != m1 {
		t.Errorf("second ForDir read the manifest again")
	}

	// Same size, new mtime: re-read.
	touch(t, env, "B=1\n", &tick)
	m3, err := c.ForDir(a, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := m3.Lookup("B"); !ok {
		t.Errorf("edit not seen: %s", render(m3))
	}

	// Broken, then fixed.
	touch(t, env, "B=1\nB\n", &tick)
	if _, err := c.ForDir(a, nil); err == nil || err.Error() != env+":2:1: expected KEY=value, found only the name B (write B= to declare a key with no value)" {
		t.Errorf("broken manifest: err = %v", err)
	}
	touch(t, env, "C=1\n", &tick)
	if m, err := c.ForDir(a, nil); err != nil || render(m) != `C@1:1="1"` {
		t.Errorf("fixed manifest: %v, %v", m, err)
	}

	// A nearer manifest created later is discovered.
	near := filepath.Join(a, "envvet.yaml")
	touch(t, near, "keys:\n  NEAR:\n", &tick)
	if m, err := c.ForDir(a, nil); err != nil || render(m) != `NEAR@2:3` {
		t.Errorf("new nearer manifest: %v, %v", m, err)
	}

	// Explicit files override discovery.
	other := filepath.Join(root, "other.env")
	touch(t, other, "OTHER=\n", &tick)
	if m, err := c.ForDir(a, []string{other}); err != nil || render(m) != `OTHER@1:1` {
		t.Errorf("explicit: %v, %v", m, err)
	}
	if _, err := c.ForDir(a, []string{filepath.Join(root, "nope.env")}); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("explicit missing: err = %v", err)
	}

	// Removed: no manifest again for b.
	if err := os.Remove(env); err != nil {
		t.Fatal(err)
	}
	if m, err := c.ForDir(b, nil); m != nil || err != nil {
		t.Errorf("after removal: %v, %v", m, err)
	}
}

func TestCacheConcurrent(t *testing.T) {
	root := writeTree(t, map[string]string{"go.mod": "", ".env.example": "A=1\n"})
	var c manifest.Cache
	var wg sync.WaitGroup
	for i := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			dir := filepath.Join(root, "p", string(rune('a'+i)))
			if m, err := c.ForDir(dir, nil); err != nil || m == nil {
				t.Errorf("ForDir: %v, %v", m, err)
			}
		}()
	}
	wg.Wait()
}

func TestFingerprint(t *testing.T) {
	t.Setenv("GOWORK", "off") // hermetic: no go.work above the temporary directory counts
	root := writeTree(t, map[string]string{
		"go.mod":                 "module m\n",
		".env.example":           "A=1\n",
		"svc/envvet.yaml":        "keys:\n",
		"svc/main.go":            "package main\n",
		"README.md":              "hi\n",
		"vendor/x/.env.example":  "V=1\n",
		"testdata/.env.example":  "T=1\n",
		"node_modules/.env":      "N=1\n",
		".git/.env.example":      "G=1\n",
		"nested/go.mod":          "module n\n",
		"nested/.env.example":    "N=1\n",
		"svc/deep/.env.local":    "L=1\n",
		"svc/deep/not.env.other": "",
	})
	fp := func() string {
		t.Helper()
		s, err := manifest.Fingerprint(filepath.Join(root, "svc"), nil)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	base := fp()
	if base != fp() {
		t.Fatal("not deterministic")
	}
	if len(base) != 64 || strings.Trim(base, "0123456789abcdef") != "" {
		t.Errorf("not hex: %q", base)
	}
	write := func(name, content string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(root, filepath.FromSlash(name)), []byte(content), 0o666); err != nil {
			t.Fatal(err)
		}
	}

	// Unrelated or skipped files do not change it.
	for _, f := range []string{"README.md", "svc/main.go", "vendor/x/.env.example", "testdata/.env.example", "node_modules/.env", ".git/.env.example", "nested/.env.example", "svc/deep/not.env.other", "svc/new.go", "svc/Dockerfile", "nested/Makefile"} {
		write(f, "changed\n")
		if got := fp(); got != base {
			t.Errorf("editing %s changed the fingerprint", f)
		}
	}

	// Manifests do, and so does any .env* file.
	// So do the release files at the module root.
	for _, f := range []string{".env.example", "svc/envvet.yaml", "svc/deep/.env.local", "svc/deep/.env.sample", "other/envvet.yml", "Dockerfile", ".goreleaser.yaml", "Makefile"} {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(root, f)), 0o777); err != nil {
			t.Fatal(err)
		}
		write(f, "X=edited\n")
		got := fp()
		if got == base {
			t.Errorf("editing %s did not change the fingerprint", f)
		}
		base = got
	}

	// Removing a manifest does too.
	if err := os.Remove(filepath.Join(root, "svc/envvet.yaml")); err != nil {
		t.Fatal(err)
	}
	if got := fp(); got == base {
		t.Errorf("removing a manifest did not change the fingerprint")
	}
	base = fp()

	// Extra files count, even outside the module, and may be missing.
	outside := filepath.Join(t.TempDir(), "prod.env")
	withExtra := func() string {
		t.Helper()
		s, err := manifest.Fingerprint(filepath.Join(root, "svc"), []string{outside})
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	missing := withExtra()
	if missing == base {
		t.Errorf("extra path ignored")
	}
	if err := os.WriteFile(outside, []byte("P=1\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	if withExtra() == missing {
		t.Errorf("creating the extra file did not change the fingerprint")
	}

	// Same from any directory of the module.
	s, err := manifest.Fingerprint(root, nil)
	if err != nil || s != base {
		t.Errorf("Fingerprint(root) = %s, %v; want %s", s, err, base)
	}
}

func TestFingerprintWorkspace(t *testing.T) {
	t.Setenv("GOWORK", "")
	root := writeTree(t, map[string]string{
		"go.work":        "go 1.26\nuse (./a ./b)\n",
		"a/go.mod":       "module a\n",
		"a/.env.example": "A=1\n",
		"b/go.mod":       "module b\n",
		"b/.env.example": "B=1\n",
	})
	fp := func() string {
		t.Helper()
		s, err := manifest.Fingerprint(filepath.Join(root, "a"), nil)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	base := fp()
	if err := os.WriteFile(filepath.Join(root, "b/.env.example"), []byte("B=2\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	if fp() == base {
		t.Errorf("editing another workspace module's manifest did not change the fingerprint")
	}
	base = fp()
	t.Setenv("GOWORK", "off")
	off := fp()
	if err := os.WriteFile(filepath.Join(root, "b/.env.example"), []byte("B=3\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	if fp() != off {
		t.Errorf("with GOWORK=off, another module's manifest changed the fingerprint")
	}
}

func TestFingerprintNoModule(t *testing.T) {
	t.Setenv("GOWORK", "off")
	root := writeTree(t, map[string]string{"a/.env.example": "A=1\n", "a/b/x.go": ""})
	dir := filepath.Join(root, "a")
	fp := func() string {
		t.Helper()
		s, err := manifest.Fingerprint(dir, nil)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	base := fp()
	if err := os.WriteFile(filepath.Join(dir, "b", ".env.sample"), []byte("B=1\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	if fp() == base {
		t.Errorf("a manifest below dir did not change the fingerprint")
	}
	base = fp()
	// Discover would find a manifest above dir: it counts too.
	if err := os.WriteFile(filepath.Join(root, ".env.example"), []byte("R=1\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	if fp() == base {
		t.Errorf("a manifest above dir did not change the fingerprint")
	}
}

func TestDiscoverThroughFile(t *testing.T) {
	root := writeTree(t, map[string]string{"go.mod": "", ".env.example": "", "file": ""})
	// A path whose parent is a file: nothing below it exists, but the walk
	// goes on up to the module root.
	got, err := manifest.Discover(filepath.Join(root, "file", "sub"))
	if want := filepath.Join(root, ".env.example"); err != nil || got != want {
		t.Errorf("Discover = %q, %v; want %q", got, err, want)
	}
}
