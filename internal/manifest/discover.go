package manifest

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// FileNames are the manifest file names Discover looks for, in order of
// preference within one directory. Read-only.
var FileNames = []string{
	"envvet.yaml",
	"envvet.yml",
	".env.example",
	".env.sample",
	".env.template",
	".env.dist",
}

// Discover returns the manifest governing a package directory: walking up
// from dir, in each directory the first of FileNames that exists (so
// envvet.yaml is authoritative over dotenv files in the same directory).
// The walk stops after the first directory that contains go.mod (the
// module root) and never goes above it; with no go.mod above dir, it goes
// up to the file system root. The result is an absolute path, or "" (and
// a nil error) when there is no manifest.
func Discover(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for d := abs; ; {
		for _, name := range FileNames {
			p := filepath.Join(d, name)
			ok, err := isFile(p)
			if err != nil {
				return "", err
			}
			if ok {
				return p, nil
			}
		}
		if ok, _ := isFile(filepath.Join(d, "go.mod")); ok {
			return "", nil
		}
		parent := filepath.Dir(d)
		if parent == d {
			return "", nil
		}
		d = parent
	}
}

// isFile reports whether p exists and is not a directory. A file that
// does not exist or that we may not look at is absent; other errors are
// returned.
func isFile(p string) (bool, error) {
	fi, err := os.Stat(p)
	switch {
	case err == nil:
		return !fi.IsDir(), nil
	case errors.Is(err, fs.ErrNotExist), errors.Is(err, fs.ErrPermission), isNotDir(err):
		return false, nil
	}
	return false, err
}

// moduleRoot returns the nearest directory at or above abs that contains
// go.mod, or "".
func moduleRoot(abs string) string {
	return findUp(abs, "go.mod")
}

func findUp(abs, name string) string {
	for d := abs; ; {
		if ok, _ := isFile(filepath.Join(d, name)); ok {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return ""
		}
		d = parent
	}
}

// Resolve returns paths with each relative one resolved against the root
// of the module containing dir (dir itself when there is none). Every
// check resolves explicitly named manifests this way, so that a relative
// path means the same standalone, under go vet (which runs the tool in
// each package's directory) and in golangci-lint.
func Resolve(dir string, paths []string) []string {
	if len(paths) == 0 {
		return nil
	}
	root := dir
	if abs, err := filepath.Abs(dir); err == nil {
		if r := moduleRoot(abs); r != "" {
			root = r
		}
	}
	out := make([]string, len(paths))
	for i, p := range paths {
		if !filepath.IsAbs(p) {
			p = filepath.Join(root, p)
		}
		out[i] = p
	}
	return out
}

// A Discovery memoizes Discover's answer per directory for a long-running
// process (an editor's language server), which asks it for the same
// package directories on every analysis. An answer stands while every
// directory Discover looked in (from the package's up to the one holding
// the manifest or go.mod) has the modification time and mode it had: a
// file created, removed or renamed in a directory changes the
// directory's modification time. So a call costs one stat per directory
// level instead of one per file name. An answer is not kept when one of
// those directories changed less than racyMargin before it was computed
// (a change in the same clock tick may leave the time as it was), nor
// when a name Discover looked at is a symbolic link (its target can
// change without its directory). Forget drops every answer: the server
// calls it when the client reports a change to a manifest file.
//
// Once NewRound has been called, an answer whose directories were found
// as they were in the current round is taken without looking at them
// again: the server starts a round with each analysis, so that the
// checks of one analysis look at each directory once and see one state
// of the disk. Before the first NewRound, every call looks.
//
// Safe for concurrent use; the zero value is ready to use.
type Discovery struct {
	mu      sync.Mutex
	answers map[string]*discovered // by the directory asked for, as given
	round   uint64                 // NewRound's count; 0: no rounds
}

// A discovered is one memoized answer of Discover.
type discovered struct {
	path  string     // Discover's answer
	dirs  []dirStamp // the directories it looked in, in order
	round uint64     // the last round in which dirs were as recorded; under Discovery.mu
}

// A dirStamp identifies one version of a directory's list of entries.
type dirStamp struct {
	dir     string
	modTime time.Time
	mode    fs.FileMode
}

// racyMargin is how old a directory's modification time must be for an
// answer that depends on it to be kept.
const racyMargin = 2 * time.Second

// Discover returns Discover(dir), from the memo when it stands.
func (d *Discovery) Discover(dir string) (string, error) {
	d.mu.Lock()
	a, round := d.answers[dir], d.round
	checked := a != nil && round > 0 && a.round == round
	d.mu.Unlock()
	if checked {
		return a.path, nil
	}
	if a != nil && a.stands() {
		d.mu.Lock()
		a.round = round
		d.mu.Unlock()
		return a.path, nil
	}
	a, ok := discoverStamped(dir, time.Now().Add(-racyMargin))
	if !ok {
		d.mu.Lock()
		delete(d.answers, dir)
		d.mu.Unlock()
		return Discover(dir)
	}
	a.round = round
	d.mu.Lock()
	if d.answers == nil {
		d.answers = make(map[string]*discovered)
	}
	d.answers[dir] = a
	d.mu.Unlock()
	return a.path, nil
}

// NewRound starts a round (see Discovery): every answer is looked at
// again on its next use.
func (d *Discovery) NewRound() {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.round++
}

// Forget drops every memoized answer.
func (d *Discovery) Forget() {
	d.mu.Lock()
	defer d.mu.Unlock()
	clear(d.answers)
}

// stands reports whether every directory a looked in is as it was.
func (a *discovered) stands() bool {
	for _, s := range a.dirs {
		fi, err := os.Stat(s.dir)
		if err != nil || !fi.ModTime().Equal(s.modTime) || fi.Mode() != s.mode {
			return false
		}
	}
	return true
}

// discoverStamped walks up from dir as Discover does, recording the
// modification time of each directory before looking in it. It returns
// false when the answer cannot be kept (see Discovery) or when Discover
// would return an error; the caller then asks Discover.
func discoverStamped(dir string, before time.Time) (*discovered, bool) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, false
	}
	a := &discovered{}
	for d := abs; ; {
		fi, err := os.Stat(d)
		if err != nil || !fi.IsDir() || !fi.ModTime().Before(before) {
			return nil, false
		}
		a.dirs = append(a.dirs, dirStamp{dir: d, modTime: fi.ModTime(), mode: fi.Mode()})
		for _, name := range FileNames {
			p := filepath.Join(d, name)
			switch kind, ok := lkind(p); {
			case !ok:
				return nil, false
			case kind == kindFile:
				a.path = p
				return a, true
			}
		}
		switch kind, ok := lkind(filepath.Join(d, "go.mod")); {
		case !ok:
			return nil, false
		case kind == kindFile:
			return a, true
		}
		parent := filepath.Dir(d)
		if parent == d {
			return a, true
		}
		d = parent
	}
}

const (
	kindAbsent = iota // no such file, or one we may not look at (isFile's false)
	kindFile          // a file that is not a directory (isFile's true)
)

// lkind returns what isFile(p) says of p, and false when p is a symbolic
// link (a memo could not see its target change) or isFile would return
// an error.
func lkind(p string) (int, bool) {
	fi, err := os.Lstat(p)
	switch {
	case err == nil:
		if fi.Mode()&fs.ModeSymlink != 0 {
			return 0, false
		}
		if fi.IsDir() {
			return kindAbsent, true
		}
		return kindFile, true
	case errors.Is(err, fs.ErrNotExist), errors.Is(err, fs.ErrPermission), isNotDir(err):
		return kindAbsent, true
	}
	return 0, false
}
