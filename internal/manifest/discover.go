package manifest

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
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
