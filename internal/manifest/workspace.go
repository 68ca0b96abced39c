package manifest

import (
	"os"
	"path/filepath"

	"golang.org/x/mod/modfile"
)

// WorkspaceModules returns the root directories of the modules that the
// go.work governing abs uses (its use directives, resolved against the
// go.work's directory), in the file's order, or nil when no workspace is
// in effect or its go.work cannot be read or parsed (the go command
// reports that before any analysis).
func WorkspaceModules(abs string) []string {
	root := WorkspaceRoot(abs)
	if root == "" {
		return nil
	}
	file := filepath.Join(root, "go.work")
	if gowork := os.Getenv("GOWORK"); filepath.IsAbs(gowork) {
		file = gowork
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return nil
	}
	wf, err := modfile.ParseWork(file, data, nil)
	if err != nil {
		return nil
	}
	var dirs []string
	for _, u := range wf.Use {
		d := filepath.FromSlash(u.Path)
		if !filepath.IsAbs(d) {
			d = filepath.Join(root, d)
		}
		dirs = append(dirs, filepath.Clean(d))
	}
	return dirs
}
