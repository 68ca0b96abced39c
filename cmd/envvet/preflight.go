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
// answer is known here only when every pattern is a directory of the
// module of the working directory outside a workspace (go.work), where
// every package of the run has that root. Elsewhere the checks report it.
func checkListed(values map[string]*string, selected []*analysis.Analyzer, patterns []string, stderr io.Writer) bool {
	root, ok := oneModule(patterns)
	if !ok {
		return true
	}
	for _, l := range listedBy {
		v := values[l.flag]
		if v == nil || *v == "" || !slices.ContainsFunc(selected, func(a *analysis.Analyzer) bool { return slices.Contains(l.checks, a.Name) }) {
			continue
		}
		if _, err := manifest.Load(manifest.Resolve(root, passutil.SplitList(*v))...); err != nil {
			fmt.Fprintf(stderr, "envvet: -%s: %v\n", l.flag, err)
			return false
		}
	}
	return true
}

// oneModule returns the root of the working directory's module when every
// pattern is a relative directory pattern (".", "./cmd/...") in it and no
// workspace is in effect.
func oneModule(patterns []string) (string, bool) {
	wd, err := os.Getwd()
	if err != nil || manifest.WorkspaceRoot(wd) != "" {
		return "", false
	}
	root := manifest.ModuleRoot(wd)
	if root == "" {
		return "", false
	}
	for _, p := range patterns {
		dir := strings.TrimSuffix(strings.TrimSuffix(p, "..."), "/")
		if !(p == "." || p == ".." || strings.HasPrefix(p, "./") || strings.HasPrefix(p, "../")) || strings.Contains(dir, "...") {
			return "", false
		}
		if manifest.ModuleRoot(filepath.Join(wd, dir)) != root {
			return "", false
		}
	}
	return root, true
}
