package manifest

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestDiscovery: a Discovery answers as Discover does while a manifest is
// created, edited, replaced by one that takes precedence and deleted
// between two calls; it keeps an answer while the directories' times
// stand, and Forget drops it.
func TestDiscovery(t *testing.T) {
	root := t.TempDir()
	pkg := filepath.Join(root, "cmd", "app")
	if err := os.MkdirAll(pkg, 0o755); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(root, "go.mod"), "module m\n")
	past := time.Now().Add(-time.Hour)
	age := func() { // directories last changed long ago: answers are kept
		t.Helper()
		for _, d := range []string{root, filepath.Dir(pkg), pkg} {
			if err := os.Chtimes(d, past, past); err != nil {
				t.Fatal(err)
			}
		}
	}
	var d Discovery
	check := func(want string) {
		t.Helper()
		got, err := d.Discover(pkg)
		if err != nil {
			t.Fatal(err)
		}
		if ref, err := Discover(pkg); err != nil || ref != want {
			t.Fatalf("Discover = %q, %v; the test expects %q", ref, err, want)
		}
		if got != want {
			t.Errorf("Discovery.Discover = %q, want %q (Discover's)", got, want)
		}
	}
	age()
	check("")
	env := filepath.Join(root, ".env.example")
	write(t, env, "A=\n") // created: root's time changes
	check(env)
	age()
	check(env)
	write(t, env, "A=\nB=\n") // edited: the answer is the same file
	check(env)
	sub := filepath.Join(pkg, ".env.example")
	write(t, sub, "C=\n") // a nearer one
	check(sub)
	age()
	check(sub)
	yaml := filepath.Join(pkg, "envvet.yaml")
	write(t, yaml, "keys: {}\n") // preferred in the same directory
	check(yaml)
	age()
	check(yaml)
	if err := os.Remove(yaml); err != nil { // deleted
		t.Fatal(err)
	}
	check(sub)
	age()
	if err := os.Remove(sub); err != nil {
		t.Fatal(err)
	}
	check(env)
	age()
	check(env)

	// The answer is kept: a deletion whose directory time is put back
	// is not seen until Forget.
	if err := os.Remove(env); err != nil {
		t.Fatal(err)
	}
	age()
	if got, _ := d.Discover(pkg); got != env {
		t.Fatalf("Discovery.Discover = %q: the answer was not kept (want the stale %q)", got, env)
	}
	d.Forget()
	check("")
}

// TestDiscoveryRacy: an answer that depends on a directory changed in
// the last racyMargin is not kept, nor one through a symbolic link.
func TestDiscoveryRacy(t *testing.T) {
	root := t.TempDir()
	write(t, filepath.Join(root, "go.mod"), "module m\n")
	env := filepath.Join(root, ".env.example")
	write(t, env, "A=\n")
	var d Discovery
	if got, _ := d.Discover(root); got != env {
		t.Fatalf("Discovery.Discover = %q, want %q", got, env)
	}
	// Removed, and the directory's time put back to what it was when
	// the answer was computed: a change in the same clock tick.
	fi, err := os.Stat(root)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(env); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(root, fi.ModTime(), fi.ModTime()); err != nil {
		t.Fatal(err)
	}
	if got, _ := d.Discover(root); got != "" {
		t.Errorf("Discovery.Discover = %q after the manifest was removed within the margin, want \"\"", got)
	}

	link := filepath.Join(t.TempDir(), "target.env")
	write(t, link, "A=\n")
	if err := os.Symlink(link, env); err != nil {
		t.Skip(err)
	}
	past := time.Now().Add(-time.Hour)
	if err := os.Chtimes(root, past, past); err != nil {
		t.Fatal(err)
	}
	if got, _ := d.Discover(root); got != env {
		t.Fatalf("Discovery.Discover = %q, want %q (a link to a file)", got, env)
	}
	if err := os.Remove(link); err != nil { // the target goes; root is unchanged
		t.Fatal(err)
	}
	if got, _ := d.Discover(root); got != "" {
		t.Errorf("Discovery.Discover = %q after the link's target was removed, want \"\"", got)
	}
}

// TestCacheDiscoverer: a Cache whose Overlay is a Discoverer asks it.
func TestCacheDiscoverer(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "go.mod"), "module m\n")
	other := filepath.Join(t.TempDir(), "elsewhere.env")
	write(t, other, "ELSEWHERE=\n")
	c := Cache{Overlay: fixedDiscoverer(other)}
	m, err := c.ForDir(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := m.Lookup("ELSEWHERE"); !ok {
		t.Error("the Cache did not ask its Overlay's Discover")
	}
}

type fixedDiscoverer string

func (fixedDiscoverer) Buffer(string) ([]byte, bool)      { return nil, false }
func (f fixedDiscoverer) Discover(string) (string, error) { return string(f), nil }

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestDiscoveryRound: after NewRound, an answer looked at in the round
// is taken as it is until the next round, which looks again.
func TestDiscoveryRound(t *testing.T) {
	root := t.TempDir()
	write(t, filepath.Join(root, "go.mod"), "module m\n")
	past := time.Now().Add(-time.Hour)
	if err := os.Chtimes(root, past, past); err != nil {
		t.Fatal(err)
	}
	var d Discovery
	d.NewRound()
	if got, _ := d.Discover(root); got != "" {
		t.Fatalf("Discovery.Discover = %q, want \"\"", got)
	}
	env := filepath.Join(root, ".env.example")
	write(t, env, "A=\n")
	if got, _ := d.Discover(root); got != "" {
		t.Errorf("Discovery.Discover = %q within the round the answer was looked at in, want the round's \"\"", got)
	}
	d.NewRound()
	if got, _ := d.Discover(root); got != env {
		t.Errorf("Discovery.Discover = %q in a new round, want %q", got, env)
	}
}
