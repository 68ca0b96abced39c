package manifest

import (
	"crypto/sha256"
	"encoding/hex"
	"hash"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// Fingerprint hashes, deterministically, every file that could be a
// manifest of a package of the module containing dir, plus each path in
// extra (explicitly named manifests). The envvet command prints it in its
// -V=full build ID: go vet keys its result cache by the tool's ID, so a
// manifest edit then invalidates cached results. The golangci-lint plugin
// puts it into an analyzer name, which golangci-lint's cache key holds.
//
// The files hashed are those under the root whose base name is in
// FileNames or starts with ".env", and the release files (see
// ReleaseFiles) of module roots, skipping vendor, testdata and
// node_modules directories and hidden directories. The root is the
// nearest directory at or above dir holding go.mod, and directories of
// nested modules (with their own go.mod) are skipped. In a workspace
// (a go.work at or above dir, or named by GOWORK; not with GOWORK=off) the
// root is go.work's directory and the modules below it are included. With
// neither go.mod nor go.work, the root is dir itself. Manifests
// that Discover would find above the root (only possible without go.mod)
// are hashed too. So are the files that the YAML manifests among these
// and the extra files depend on: the deployment files that an
// envvet.yaml's sources: name, and the env_file entries of Compose files.
// Missing or unreadable files hash as such rather than failing.
//
// Each file is hashed under its path relative to the root, slash-separated,
// never its absolute path: the same checkout in another directory (another
// CI machine) has the same fingerprint, so a shared cache serves it. The
// result is a hex string.
func Fingerprint(dir string, extra []string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	mod := moduleRoot(abs)
	root, skipNested := mod, true
	if w := WorkspaceRoot(abs); w != "" {
		root, skipNested = w, false
	} else if root == "" {
		root = abs
	}
	files := manifestFiles(root, skipNested)
	if mod == "" && skipNested {
		files = append(files, candidatesAbove(root)...)
	}
	slices.Sort(files)
	h := fileHasher{Hash: sha256.New(), root: root}
	for _, f := range files {
		h.write("file", f)
	}
	var absExtra []string
	for _, f := range extra {
		if !filepath.IsAbs(f) {
			if a, err := filepath.Abs(f); err == nil {
				f = a
			}
		}
		absExtra = append(absExtra, f)
		h.write("extra", f)
	}
	for _, f := range sourceFiles(append(files, absExtra...)) {
		h.write("source", f)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// manifestFiles returns the manifests and root release files under root.
func manifestFiles(root string, skipNested bool) []string {
	var files []string
	_ = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if d != nil && d.IsDir() && path != root {
				return fs.SkipDir // unreadable directory
			}
			return nil
		}
		name := d.Name()
		if d.IsDir() {
			if path == root {
				return nil
			}
			switch {
			case name == "vendor", name == "testdata", name == "node_modules", strings.HasPrefix(name, "."):
				return fs.SkipDir
			}
			if skipNested {
				if ok, _ := isFile(filepath.Join(path, "go.mod")); ok {
					return fs.SkipDir
				}
			}
			return nil
		}
		if isManifestName(name) || isRootRelease(path) {
			files = append(files, path)
		}
		return nil
	})
	return files
}

// candidatesAbove returns the manifests Discover would look for above
// root (only when there is no go.mod).
func candidatesAbove(root string) []string {
	var files []string
	for d := filepath.Dir(root); ; d = filepath.Dir(d) {
		for _, name := range FileNames {
			files = append(files, filepath.Join(d, name))
		}
		if filepath.Dir(d) == d {
			return files
		}
	}
}

// sourceFiles returns, sorted, the deployment files that the YAML files
// among files name (sources:, env_file:), except files themselves.
func sourceFiles(files []string) []string {
	hashed := make(map[string]bool)
	for _, f := range files {
		hashed[f] = true
	}
	var deps []string
	for _, f := range files {
		if !isYAML(f) {
			continue
		}
		d, _ := dependencies(f)
		for _, p := range d {
			if !hashed[p] {
				hashed[p] = true
				deps = append(deps, p)
			}
		}
	}
	slices.Sort(deps)
	return deps
}

// A fileHasher hashes files under their paths relative to root.
type fileHasher struct {
	hash.Hash
	root string
}

// write hashes the kind, the portable path, the state and the content of
// the file at path.
func (h fileHasher) write(kind, path string) {
	data, err := os.ReadFile(path)
	var state string
	switch {
	case err == nil:
		state = strconv.Itoa(len(data))
	case os.IsNotExist(err):
		state = "absent"
	default:
		state = "error"
	}
	h.Write([]byte(kind + "\x00" + portablePath(h.root, path) + "\x00" + state + "\x00"))
	h.Write(data)
	h.Write([]byte{0})
}

// portablePath returns path relative to root, slash-separated ("../x"
// when outside it), or path itself when there is no relative path (another
// volume).
func portablePath(root, path string) string {
	if rel, err := filepath.Rel(root, path); err == nil {
		return filepath.ToSlash(rel)
	}
	return filepath.ToSlash(path)
}

// WorkspaceRoot returns the directory of the go.work file that governs
// abs, as the go command finds it (GOWORK, else the nearest go.work at or
// above abs), or "" when there is none or GOWORK=off.
func WorkspaceRoot(abs string) string {
	switch gowork := os.Getenv("GOWORK"); gowork {
	case "off":
		return ""
	case "", "auto":
		return findUp(abs, "go.work")
	default:
		if filepath.IsAbs(gowork) {
			return filepath.Dir(gowork)
		}
		return ""
	}
}

// isManifestName reports whether a file name could be a manifest, or an
// environment file next to one.
func isManifestName(name string) bool {
	return slices.Contains(FileNames, name) || strings.HasPrefix(name, ".env")
}

// isRootRelease reports whether path is a release file at a module root,
// where ReleaseFiles finds it.
func isRootRelease(path string) bool {
	name := filepath.Base(path)
	if releaseKind(name) == "" || strings.HasSuffix(strings.ToLower(name), ".mk") {
		return false
	}
	ok, _ := isFile(filepath.Join(filepath.Dir(path), "go.mod"))
	return ok
}
