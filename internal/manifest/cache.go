package manifest

import (
	"hash/fnv"
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
	// Overlay, when set, supplies files whose content differs from the
	// disk (an editor's unsaved buffers). Set it before the first use.
	Overlay Overlay

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

// An Overlay returns the content of a file that differs from the disk,
// and false for a file it does not hold. It must be safe for concurrent
// use.
type Overlay func(path string) ([]byte, bool)

// read returns path's content from the overlay, or else from the disk.
func (o Overlay) read(path string) ([]byte, error) {
	if o != nil {
		if data, ok := o(path); ok {
			if len(data) > maxSize {
				return nil, errorf(path, 0, 0, "manifest is larger than %d MiB", maxSize>>20)
			}
			return data, nil
		}
	}
	return readFile(path)
}

// A stamp identifies one version of a file.
type stamp struct {
	size    int64
	modTime time.Time
	exists  bool
	sum     uint64 // of an overlay's content
}

// stat returns the stamp of path's version in the overlay, or else on disk.
func (o Overlay) stat(path string) stamp {
	if o != nil {
		if data, ok := o(path); ok {
			h := fnv.New64a()
			h.Write(data)
			return stamp{size: int64(len(data)), exists: true, sum: h.Sum64() | 1}
		}
	}
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
	if e.stamps != nil && equalStamps(e.stamps, c.Overlay.stampAll(e.paths)) {
		return e.m, e.err
	}
	// Stat before reading: a change made while Load runs is then seen by
	// the next call.
	paths := files
	stamps := c.Overlay.stampAll(paths)
	l := newLoader(true)
	l.overlay = c.Overlay
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

func (o Overlay) stampAll(paths []string) []stamp {
	stamps := make([]stamp, len(paths))
	for i, f := range paths {
		stamps[i] = o.stat(f)
	}
	return stamps
}

func equalStamps(a, b []stamp) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].size != b[i].size || !a[i].modTime.Equal(b[i].modTime) || a[i].exists != b[i].exists || a[i].sum != b[i].sum {
			return false
		}
	}
	return true
}
