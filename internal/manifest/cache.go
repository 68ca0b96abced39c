package manifest

import (
	"errors"
	"hash/fnv"
	"io/fs"
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
// calls, or one per directory level when the Overlay is a Discoverer
// such as a Discovery), so a manifest created or removed later is seen
// too. The zero value is ready to use.
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

// An Overlay supplies the files whose content differs from the disk (an
// editor's unsaved buffers). It must be safe for concurrent use.
//
// A Cache whose Overlay is also a Discoverer asks it where a directory's
// manifest is instead of calling Discover: a long-running process gives
// every check's Cache one Discovery for the session (internal/lsp).
type Overlay interface {
	// Buffer returns path's content, and false for a file it does not
	// hold.
	Buffer(path string) ([]byte, bool)
}

// OverlayFunc is an Overlay that calls the function.
type OverlayFunc func(path string) ([]byte, bool)

// Buffer returns f(path).
func (f OverlayFunc) Buffer(path string) ([]byte, bool) { return f(path) }

// A Discoverer answers Discover's question, for example from a memo
// (Discovery).
type Discoverer interface {
	Discover(dir string) (string, error)
}

// discover returns the manifest governing dir, through o if it is a
// Discoverer.
func discover(o Overlay, dir string) (string, error) {
	if d, ok := o.(Discoverer); ok {
		return d.Discover(dir)
	}
	return Discover(dir)
}

// readVia returns path's content from the overlay o, or else from the
// disk.
func readVia(o Overlay, path string) ([]byte, error) {
	if o != nil {
		if data, ok := o.Buffer(path); ok {
			if len(data) > maxSize {
				return nil, errorf(path, 0, 0, "manifest is larger than %d MiB", maxSize>>20)
			}
			return data, nil
		}
	}
	return readFile(path)
}

// Missing reports whether path names no file, in the cache's overlay or
// on disk (another error, such as a permission denied, is not missing:
// reading the file reports it).
func (c *Cache) Missing(path string) bool {
	if c.Overlay != nil {
		if _, ok := c.Overlay.Buffer(path); ok {
			return false
		}
	}
	_, err := os.Stat(path)
	return errors.Is(err, fs.ErrNotExist)
}

// A stamp identifies one version of a file.
type stamp struct {
	size    int64
	modTime time.Time
	exists  bool
	sum     uint64 // of an overlay's content
}

// statVia returns the stamp of path's version in the overlay o, or else
// on disk.
func statVia(o Overlay, path string) stamp {
	if o != nil {
		if data, ok := o.Buffer(path); ok {
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
		path, err := discover(c.Overlay, dir)
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
	if e.stamps != nil && equalStamps(e.stamps, stampAll(c.Overlay, e.paths)) {
		return e.m, e.err
	}
	// Stat before reading: a change made while Load runs is then seen by
	// the next call.
	paths := files
	stamps := stampAll(c.Overlay, paths)
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

func stampAll(o Overlay, paths []string) []stamp {
	stamps := make([]stamp, len(paths))
	for i, f := range paths {
		stamps[i] = statVia(o, f)
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
