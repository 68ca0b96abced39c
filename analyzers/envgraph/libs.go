package envgraph

import (
	"go/ast"
	"go/types"
	"strings"
)

// configLib returns the Loader of the configuration library at path
// whose declarations envgraph models (flag env fallbacks, env tags, env
// providers), or "" when path is none of them.
func configLib(path string) string {
	switch path {
	case "github.com/urfave/cli", "github.com/urfave/cli/v2", "github.com/urfave/cli/v3",
		// v1 under the paths older programs import it by: gopkg.in, and
		// the project's name before it moved.
		"gopkg.in/urfave/cli.v1", "github.com/codegangsta/cli":
		return LoaderUrfave
	case "github.com/alecthomas/kong":
		return LoaderKong
	case "github.com/ilyakaznacheev/cleanenv":
		return LoaderCleanenv
	case "github.com/peterbourgon/ff/v3", "github.com/peterbourgon/ff/v3/ffcli", "github.com/peterbourgon/ff/v4":
		return LoaderFF
	case "github.com/knadh/koanf/providers/env", "github.com/knadh/koanf/providers/env/v2":
		return LoaderKoanf
	case "github.com/joho/godotenv":
		return LoaderGodotenv
	case "github.com/jinzhu/configor":
		return LoaderConfigor
	}
	return ""
}

// LoaderOf returns the loader (Loader*) whose package path is path: the
// struct-tag loaders and viper as well as the libraries of configLib; ""
// for any other path. Analyzers that look for a library's calls ask it
// rather than repeat the paths (forks and major versions included).
func LoaderOf(path string) string {
	switch {
	case isCaarlosPath(path):
		return LoaderCaarlos
	case isKelseyPath(path):
		return LoaderEnvconfig
	case path == "github.com/sethvargo/go-envconfig":
		return LoaderGoEnvconfig
	case path == "github.com/spf13/viper":
		return LoaderViper
	}
	return configLib(path)
}

// inConfigLib reports whether path is a package of a modelled
// configuration library's module. The library looks up the keys its
// callers declare, by name or by scanning the environment; the graph
// records those keys at the declarations, so the library's own dynamic
// reads and scans are not the program's.
func inConfigLib(path string) bool {
	for _, m := range []string{"github.com/urfave/cli", "gopkg.in/urfave/cli.v1", "github.com/codegangsta/cli",
		"github.com/alecthomas/kong", "github.com/ilyakaznacheev/cleanenv", "github.com/peterbourgon/ff",
		"github.com/knadh/koanf", "github.com/joho/godotenv", "github.com/jinzhu/configor"} {
		if path == m || strings.HasPrefix(path, m+"/") {
			return true
		}
	}
	return false
}

// dropLibraryLookups removes, in a package of a modelled library, the
// references that stand for its callers' declarations: dynamic reads and
// whole-environment scans.
func (s *state) dropLibraryLookups() {
	if !inConfigLib(s.pass.Pkg.Path()) {
		return
	}
	kept := s.refs[:0]
	for _, r := range s.refs {
		if r.Dynamic || r.Kind == Environ || r.Kind == Prefix {
			continue
		}
		kept = append(kept, r)
	}
	s.refs = kept
}

// isLibLit reports whether lit builds a value of a modelled library's type
// whose fields name env keys: a urfave/cli flag.
func (s *state) isLibLit(lit *ast.CompositeLit) bool {
	tv, ok := s.info.Types[lit]
	if !ok || tv.Type == nil {
		return false
	}
	n, ok := types.Unalias(deref(tv.Type)).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	switch path := n.Obj().Pkg().Path(); {
	case configLib(path) == LoaderUrfave:
		return true
	case path == "github.com/peterbourgon/ff/v3/ffcli":
		return n.Obj().Name() == "Command"
	}
	return false
}

// libLitRefs records the keys a library value's literal names.
func (s *state) libLitRefs(lit *ast.CompositeLit) {
	tv := s.info.Types[lit]
	if n, ok := types.Unalias(deref(tv.Type)).(*types.Named); ok && n.Obj().Pkg().Path() == "github.com/peterbourgon/ff/v3/ffcli" {
		s.ffCommand(lit)
		return
	}
	s.urfaveFlag(lit)
}

// libCall records the references of a call of a modelled library's
// function; false when the call is none the graph models.
func (s *state) libCall(site callSite, fn *types.Func) bool {
	switch configLib(fn.Pkg().Path()) {
	case LoaderUrfave:
		return s.urfaveCall(site.call, fn)
	case LoaderKong:
		return s.kongCall(site.call, fn)
	case LoaderCleanenv:
		return s.cleanenvCall(site.call, fn)
	case LoaderFF:
		return s.ffCall(site.call, fn)
	case LoaderKoanf:
		return s.koanfCall(site.call, fn)
	case LoaderGodotenv:
		return s.godotenvCall(site.call, fn)
	case LoaderConfigor:
		return s.configorCall(site.call, fn)
	}
	return false
}

// rootName names the root of a field path: the struct type's name, or,
// for an unnamed struct type (var Cli struct{...}), the variable's.
func rootName(target ast.Expr, root string) string {
	if root != "struct" {
		return root
	}
	e := ast.Unparen(target)
	if u, ok := e.(*ast.UnaryExpr); ok {
		e = ast.Unparen(u.X)
	}
	if id, ok := e.(*ast.Ident); ok {
		return id.Name
	}
	return root
}
