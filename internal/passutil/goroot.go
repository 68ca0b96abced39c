package passutil

import (
	"go/build"
	"go/token"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
)

// InGOROOT reports whether pos lies in the standard library's source,
// GOROOT/src.
func InGOROOT(fset *token.FileSet, pos token.Pos) bool {
	f := fset.File(pos)
	src := gorootSrc()
	if f == nil || src == "" {
		return false
	}
	return strings.HasPrefix(filepath.Clean(f.Name()), src)
}

// gorootSrc is GOROOT/src with a trailing separator, or "" when GOROOT
// cannot be found. go/build takes GOROOT from the environment or from the
// path the executable was built with, which a -trimpath build (go install
// -trimpath, release builds, Bazel) does not record: the go command's
// answer is then asked once per process. Without it every standard
// package would count as the program's own code, and its dynamic reads
// would silence envkeys' unread keys. The value never changes once
// computed, so it is no analyzer state.
var gorootSrc = sync.OnceValue(func() string {
	root := build.Default.GOROOT
	if root == "" {
		out, err := exec.Command("go", "env", "GOROOT").Output()
		if err != nil {
			return ""
		}
		root = strings.TrimSpace(string(out))
	}
	if root == "" {
		return ""
	}
	return filepath.Join(filepath.Clean(root), "src") + string(filepath.Separator)
})
