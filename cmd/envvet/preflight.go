package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/envvet/envvet/internal/manifest"
	"github.com/envvet/envvet/internal/passutil"
)

// listedBy names the flags that list manifests and the checks that read
// each list: envparse, envsecret and envtype read envkeys' list.
var listedBy = []struct {
	flag   string
	checks []string
}{
	{"envkeys.manifest", []string{"envkeys", "envparse", "envsecret", "envtype"}},
	{"nocgo.manifest", []string{"nocgo"}},
}

// recordListed makes fs remember the values given to the manifest flags
// (their flag.Func values print as ""), for checkListed.
func recordListed(fs *flag.FlagSet) map[string]*string {
	values := make(map[string]*string)
	for _, l := range listedBy {
		if f := fs.Lookup(l.flag); f != nil {
			v := new(string)
			values[l.flag] = v
			f.Value = recorder{f.Value, v}
		}
	}
	return values
}

// A recorder is a flag.Value that keeps the last value set.
type recorder struct {
	flag.Value
	last *string
}

func (r recorder) Set(s string) error {
	*r.last = s
	return r.Value.Set(s)
}

// checkListed loads the manifests that the manifest flags list before any
// package is loaded, so that a misspelt or malformed file is an error in
// a second, not after the whole program has been type-checked. The checks
// resolve a listed path against the root of each package's module; the
// answer is known here only when every pattern is a relative directory
// pattern, whose module roots are then the run's. One module must hold
// every listed file. In a workspace (go.work) one of the patterns'
// modules must: the checks give another module of the workspace that
// lacks a file no manifest, as they do a dependency. A malformed file is
// an error in any of them. Elsewhere the checks report it.
func checkListed(values map[string]*string, selected []*analysis.Analyzer, patterns []string, stderr io.Writer) bool {
	roots, ok := patternRoots(patterns)
	if !ok {
		return true
	}
	for _, l := range listedBy {
		v := values[l.flag]
		if v == nil || *v == "" || !slices.ContainsFunc(selected, func(a *analysis.Analyzer) bool { return slices.Contains(l.checks, a.Name) }) {
			continue
		}
		if err := loadListed(roots, passutil.SplitList(*v)); err != nil {
			fmt.Fprintf(stderr, "envvet: -%s: %v\n", l.flag, err)
			return false
		}
	}
	return true
}

// loadListed loads the listed files against each root, sorted: the first
// error of a file that is there (malformed) wins; else the first root's
// error when no root holds every file.
func loadListed(roots, list []string) error {
	var missing error
	found := false
	var files manifest.Cache // its Missing: no file at the path, as the checks ask
	for _, root := range roots {
		paths := manifest.Resolve(root, list)
		if slices.ContainsFunc(paths, files.Missing) {
			if missing == nil {
				_, missing = manifest.Load(paths...)
			}
			continue
		}
		if _, err := manifest.Load(paths...); err != nil {
			return err
		}
		found = true
	}
	if found {
		return nil
	}
	return missing
}

// patternRoots returns the sorted module roots of the patterns when every
// pattern is a relative directory pattern (".", "./cmd/...") in a module:
// the working directory's module outside a workspace, any module of the
// workspace in one.
func patternRoots(patterns []string) ([]string, bool) {
	wd, err := os.Getwd()
	if err != nil {
		return nil, false
	}
	workspace := manifest.WorkspaceRoot(wd) != ""
	home := manifest.ModuleRoot(wd)
	if home == "" && !workspace {
		return nil, false
	}
	var roots []string
	for _, p := range patterns {
		dir := strings.TrimSuffix(strings.TrimSuffix(p, "..."), "/")
		if !(p == "." || p == ".." || strings.HasPrefix(p, "./") || strings.HasPrefix(p, "../")) || strings.Contains(dir, "...") {
			return nil, false
		}
		root := manifest.ModuleRoot(filepath.Join(wd, dir))
		if root == "" || !workspace && root != home {
			return nil, false
		}
		if !slices.Contains(roots, root) {
			roots = append(roots, root)
		}
	}
	slices.Sort(roots)
	return roots, len(roots) > 0
}
