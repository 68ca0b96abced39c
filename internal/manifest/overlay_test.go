package manifest

import (
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// TestCacheOverlay: a Cache with an overlay reads an unsaved buffer
// instead of the disk, sees each edit of the buffer, and reads the disk
// again when the buffer is gone.
func TestCacheOverlay(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module m\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	env := filepath.Join(dir, ".env.example")
	if err := os.WriteFile(env, []byte("ON_DISK=\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	buffers := map[string]string{}
	c := Cache{Overlay: OverlayFunc(func(path string) ([]byte, bool) {
		mu.Lock()
		defer mu.Unlock()
		s, ok := buffers[path]
		return []byte(s), ok
	})}
	has := func(key string) bool {
		t.Helper()
		m, err := c.ForDir(dir, nil)
		if err != nil {
			t.Fatal(err)
		}
		_, ok := m.Lookup(key)
		return ok
	}
	if !has("ON_DISK") {
		t.Fatal("no overlay: the disk's key is missing")
	}
	set := func(content string, ok bool) {
		mu.Lock()
		defer mu.Unlock()
		if ok {
			buffers[env] = content
		} else {
			delete(buffers, env)
		}
	}
	set("IN_BUFFER=\n", true)
	if !has("IN_BUFFER") || has("ON_DISK") {
		t.Error("the unsaved buffer is not what the cache read")
	}
	set("IN_BUFFER=\nEDITED=\n", true)
	if !has("EDITED") {
		t.Error("an edit of the buffer is not seen")
	}
	set("", false)
	if !has("ON_DISK") || has("EDITED") {
		t.Error("with the buffer closed, the disk is not read again")
	}
	set("BROKEN", true)
	if _, err := c.ForDir(dir, nil); err == nil {
		t.Error("a buffer that does not parse gives no error")
	}
}
