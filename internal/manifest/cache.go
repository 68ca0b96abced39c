package manifest

import (
	"os"
	"slices"
	"strings"
	"sync"
	"time"
)

// A Cache memoizes Discover+Load per directory for one analyzer instance.
// It is safe for concurrent use, and re-reads a manifest when the size or
// modification time of a file it read changed (the manifest itself, the
// deployment files of its sources:, their env_file files) or a file it
// looked for appeared, so that a long-running process (an editor's
// language server) sees edits. Discovery runs on every call (a few stat
// calls), so a manifest created or removed later is seen too. The zero
// value is ready to use.
type Cache struct {
	mu      sync.Mutex
	entries map[string]*cacheEntry // by the NUL-joined list of files
}

type cacheEntry struct {
	mu     sync.Mutex // held while loading
	paths  []string   // the files m/err depend on: those asked for, and every file Load read
	stamps []stamp    // of paths when m/err were computed; nil before
	m      *Manifest
	err    error
}

// A stamp identifies one version of a file.
type stamp struct {
	size    int64
	modTime time.Time
	exists  bool
}

func stat(path string) stamp {
	fi, err := os.Stat(path)
	if err != nil {
		return stamp{}
	}
	return stamp{size: fi.Size(), modTime: fi.ModTime(), exists: true}
}

// ForDir returns the manifest for a package directory: Load(explicit...)
// when explicit is non-empty, else Load(Discover(dir)); (nil, nil) when
// there is no manifest. Callers must not modify the result, which is
// shared.
func (c *Cache) ForDir(dir string, explicit []string) (*Manifest, error) {
	files := explicit
	if len(files) == 0 {
		path, err := Discover(dir)
		if err != nil {
			return nil, err
		}
		if path == "" {
			return nil, nil
		}
		files = []string{path}
	}
	key := strings.Join(files, "\x00")

	c.mu.Lock()
	if c.entries == nil {
		c.entries = make(map[string]*cacheEntry)
	}
	e := c.entries[key]
	if e == nil {
		e = &cacheEntry{}
		c.entries[key] = e
	}
	c.mu.Unlock()

	e.mu.Lock()
	defer e.mu.Unlock()
	if e.stamps != nil && equalStamps(e.stamps, stampAll(e.paths)) {
		return e.m, e.err
	}
	// Stat before reading: a change made while Load runs is then seen by
	// the next call.
	paths := files
	stamps := stampAll(paths)
	l := newLoader(true)
	e.m, e.err = nil, nil
	for _, f := range files {
		if e.err = l.load(f); e.err != nil {
			break
		}
	}
	if e.err == nil {
		e.m = l.finish()
	}
	// Every file Load read or looked for counts, including the deployment
	// files that sources: and env_file: name, and those it failed on (a
	// missing source that appears later fixes the manifest).
	for i, f := range l.deps {
		if !slices.Contains(paths, f) {
			paths = append(slices.Clip(paths), f)
			stamps = append(stamps, l.stamps[i])
		}
	}
	e.paths, e.stamps = paths, stamps
	return e.m, e.err
}

func stampAll(paths []string) []stamp {
	stamps := make([]stamp, len(paths))
	for i, f := range paths {
		stamps[i] = stat(f)
	}
	return stamps
}

func equalStamps(a, b []stamp) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].size != b[i].size || !a[i].modTime.Equal(b[i].modTime) || a[i].exists != b[i].exists {
			return false
		}
	}
	return true
}
