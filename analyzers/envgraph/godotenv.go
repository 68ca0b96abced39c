package envgraph

import (
	"bufio"
	"bytes"
	"go/ast"
	"go/types"
	"os"
	"path/filepath"
	"strings"

	"github.com/envvet/envvet/internal/passutil"
)

// godotenvCall records the keys of the .env files that godotenv.Load and
// Overload put into the environment: writes of each key, with the file's
// value (Load keeps a value already set, so the file's is the default).
// A file name is taken relative to the package's directory, else to its
// module's root; a file that cannot be read there adds nothing. The keys
// are the program's inputs, not declarations of what it reads.
func (s *state) godotenvCall(call *ast.CallExpr, fn *types.Func) bool {
	if fn.Name() != "Load" && fn.Name() != "Overload" {
		return false
	}
	if call.Ellipsis.IsValid() {
		return true
	}
	if len(call.Args) == 0 {
		s.dotenvRefs(".env", call)
		return true
	}
	for _, a := range call.Args {
		if name, ok := s.constString(a); ok {
			s.dotenvRefs(name, a)
		}
	}
	return true
}

// dotenvRefs records a write of each key of the .env file name at node.
func (s *state) dotenvRefs(name string, at ast.Node) {
	data, ok := s.readNear(name)
	if !ok {
		return
	}
	for key, value := range dotenvPairs(data) {
		s.add(Ref{Kind: Write, Loader: LoaderGodotenv, Key: key, Default: value, HasDefault: true,
			Pos: at.Pos(), End: at.End()})
	}
}

// readNear reads the file name relative to the package's directory, else
// to its module's root.
func (s *state) readNear(name string) ([]byte, bool) {
	dir := passutil.PackageDir(s.pass)
	if dir == "" {
		return nil, false
	}
	dirs := []string{dir}
	if root := passutil.ModuleRoot(dir); root != "" && root != dir {
		dirs = append(dirs, root)
	}
	for _, d := range dirs {
		p := name
		if !filepath.IsAbs(p) {
			p = filepath.Join(d, name)
		}
		if data, err := os.ReadFile(p); err == nil {
			return data, true
		}
	}
	return nil, false
}

// dotenvPairs yields the KEY=value lines of a .env file in order: blank
// lines and comments skipped, "export " dropped, quotes and trailing
// comments of unquoted values removed.
func dotenvPairs(data []byte) func(yield func(string, string) bool) {
	return func(yield func(string, string) bool) {
		sc := bufio.NewScanner(bytes.NewReader(data))
		for sc.Scan() {
			line := strings.TrimSpace(sc.Text())
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			line = strings.TrimPrefix(line, "export ")
			i := strings.IndexAny(line, "=:")
			if i <= 0 {
				continue
			}
			key, value := strings.TrimSpace(line[:i]), strings.TrimSpace(line[i+1:])
			if len(value) >= 2 && (value[0] == '"' || value[0] == '\'') && value[len(value)-1] == value[0] {
				value = value[1 : len(value)-1]
			} else if j := strings.Index(value, " #"); j >= 0 {
				value = strings.TrimSpace(value[:j])
			}
			if !yield(key, value) {
				return
			}
		}
	}
}
