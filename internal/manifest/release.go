package manifest

import (
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
)

// releaseKind returns the kind of release file that path names by its
// base name: "dockerfile" (Dockerfile, Containerfile, x.Dockerfile,
// Dockerfile.x), "goreleaser" (.goreleaser.yaml, goreleaser.yml, ...) or
// "makefile" (Makefile, makefile, GNUmakefile, x.mk); "" otherwise.
func releaseKind(path string) string {
	base := filepath.Base(path)
	lower := strings.ToLower(base)
	switch {
	case lower == "dockerfile", lower == "containerfile",
		strings.HasSuffix(lower, ".dockerfile"), strings.HasSuffix(lower, ".containerfile"):
		return "dockerfile"
	case strings.HasPrefix(lower, "dockerfile.") || strings.HasPrefix(lower, "containerfile."):
		if notDockerfile(lower) {
			return ""
		}
		return "dockerfile"
	case strings.TrimPrefix(lower, ".") == "goreleaser.yaml", strings.TrimPrefix(lower, ".") == "goreleaser.yml":
		return "goreleaser"
	case base == "Makefile", base == "makefile", base == "GNUmakefile", strings.HasSuffix(lower, ".mk"):
		return "makefile"
	}
	return ""
}

// notDockerfile reports whether a Dockerfile.x name is a template or a
// companion file rather than a Dockerfile.
func notDockerfile(lower string) bool {
	for _, ext := range []string{".dockerignore", ".tmpl", ".tpl", ".template", ".in", ".j2", ".md", ".txt", ".bak", ".orig"} {
		if strings.HasSuffix(lower, ext) {
			return true
		}
	}
	return false
}

// ReleaseFiles returns the release files at the root of the module
// containing dir (the nearest directory with go.mod): Dockerfiles and
// Containerfiles, .goreleaser.yaml and Makefiles, as absolute paths in
// name order; nil when there is no module root or none of these.
func ReleaseFiles(dir string) ([]string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	root := moduleRoot(abs)
	if root == "" {
		return nil, nil
	}
	entries, err := os.ReadDir(root)
	if err != nil {
		return nil, nil // an unreadable root has no release files we can use
	}
	var out []string
	for _, e := range entries {
		if releaseKind(e.Name()) == "" || strings.HasSuffix(strings.ToLower(e.Name()), ".mk") {
			continue // .mk files are included by a Makefile; only name them explicitly
		}
		p := filepath.Join(root, e.Name())
		if ok, _ := isFile(p); ok {
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return out, nil
}

// parseRelease parses a release file of the given kind.
func parseRelease(kind, path string, data []byte) (keys, build []Key, err error) {
	switch kind {
	case "dockerfile":
		return parseDockerfile(path, data)
	case "goreleaser":
		build, err = parseGoreleaser(path, data)
	case "makefile":
		build, err = parseMakefile(path, data)
	}
	return nil, build, err
}

// A Policy is a build variable as the release files of a module set it.
type Policy struct {
	Key  Key    // the declaration that sets it: Default is its value
	Root string // the module root, for naming Key.File relative to it
}

// ReleaseVar returns the build variable name as the release files of the
// module containing dir set it (see ReleaseFiles). The most specific
// release configuration decides: the .goreleaser.yaml files if one sets
// it, else the Dockerfiles, else the Makefiles (which also hold
// developers' plain go build targets). What a less specific file sets
// does not count: the release binaries that goreleaser builds with
// CGO_ENABLED=0 are static whatever a Makefile's build does (beads
// v0.52.0: its Makefile's CGO_ENABLED := 1, its releases cgo-less).
// found is false when the files of the deciding kind disagree or leave
// it unknown, or when none sets it. The Key's Mains are those of every
// .goreleaser.yaml that decides (nil if one does not know its own). Each file is read through the cache,
// and every one is read, so that a malformed one is always an error.
func (c *Cache) ReleaseVar(dir, name string) (p Policy, found bool, err error) {
	files, err := ReleaseFiles(dir)
	if err != nil || len(files) == 0 {
		return Policy{}, false, err
	}
	byKind := make(map[string][]Key)
	for _, f := range files {
		m, err := c.ForDir(dir, []string{f})
		if err != nil {
			return Policy{}, false, err
		}
		if k, ok := m.BuildVar(name); ok {
			kind := releaseKind(f)
			byKind[kind] = append(byKind[kind], k)
		}
	}
	for _, kind := range []string{"goreleaser", "dockerfile", "makefile"} {
		keys := byKind[kind]
		if len(keys) == 0 {
			continue
		}
		k := keys[0]
		for _, o := range keys {
			if !o.HasDefault || strings.TrimSpace(o.Default) != strings.TrimSpace(k.Default) {
				return Policy{}, false, nil // its builds disagree or keep the default
			}
			k.Mains = unionMains(k.Mains, o.Mains)
		}
		return Policy{Key: k, Root: filepath.Dir(files[0])}, true, nil
	}
	return Policy{}, false, nil
}

// IsReleaseFile reports whether path names a release file by its name
// (see ReleaseFiles): its declarations are positioned build settings
// rather than a manifest's.
func IsReleaseFile(path string) bool { return releaseKind(path) != "" }

// ModuleRoot returns the nearest directory at or above dir that contains
// go.mod, or "".
func ModuleRoot(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	return moduleRoot(abs)
}

// unionMains joins the main directories of two builds, sorted; nil when
// either is nil (a build whose mains are not known may build any).
func unionMains(a, b []string) []string {
	if a == nil || b == nil {
		return nil
	}
	m := slices.Concat(a, b)
	slices.Sort(m)
	return slices.Compact(m)
}
