package driver

import (
	"errors"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"os"
	"strings"
	"sync"

	"golang.org/x/tools/go/packages"

	"github.com/envvet/envvet/internal/typecheck"
)

// metadataMode is what a streamed load asks go list for: the packages,
// their files and imports, no syntax and no types (see streamer).
const metadataMode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
	packages.NeedImports | packages.NeedDeps | packages.NeedModule | packages.NeedTypesSizes

// A streamer parses and type-checks the packages of a metadata load one at
// a time, as the engine reaches them (engine.Options.TypeCheck): each
// once its imports are analyzed, on one of the run's slots, so that a
// dependency's syntax and type information live from its type-check to
// the end of its analysis (engine.Options.Release), not for the whole run
// as after packages.Load in LoadAllSyntax mode. On golang.org/x/tools
// the loaded program holds 462 MiB after such a load and 64 MiB once
// every package's syntax and types.Info are dropped: its types.
//
// It parses and type-checks as go/packages does in that mode, so the
// engine sees the same packages: every file with AllErrors and
// ParseComments into one FileSet, a file compiled into several packages
// (a package and its test variant) parsed once, every types.Info map,
// the module's Go version, the same errors in Errors and TypeErrors, and
// IllTyped set when the package or an import has errors.
type streamer struct {
	fset *token.FileSet

	mu     sync.Mutex
	shared map[string]*sharedFile // files compiled into more than one package
}

// A sharedFile is a file several packages compile, parsed by the first.
type sharedFile struct {
	once  sync.Once
	file  *ast.File
	err   error
	users int // packages that have not parsed it yet
}

// loadMetadata loads the packages of patterns without syntax or types
// and returns them with the streamer that type-checks them. Each package
// gets its (empty) types.Package and the FileSet now: the engine keys
// facts by package before it type-checks any.
func loadMetadata(cfg *packages.Config, patterns []string) ([]*packages.Package, *streamer, error) {
	cfg.Mode = metadataMode
	cfg.Fset = token.NewFileSet()
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, nil, err
	}
	s := &streamer{fset: cfg.Fset, shared: make(map[string]*sharedFile)}
	users := make(map[string]int)
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		p.Fset = s.fset
		if p.PkgPath == "unsafe" {
			p.Types, p.Syntax, p.TypesInfo = types.Unsafe, []*ast.File{}, typecheck.NewInfo(nil)
			return
		}
		p.Types = types.NewPackage(p.PkgPath, p.Name)
		for _, f := range p.CompiledGoFiles {
			users[f]++
		}
	})
	for f, n := range users {
		if n > 1 {
			s.shared[f] = &sharedFile{users: n}
		}
	}
	return pkgs, s, nil
}

// typeCheck parses p's files and type-checks them against p's imports,
// which the engine has type-checked and analyzed already. It does nothing
// for a package type-checked before (unsafe).
func (s *streamer) typeCheck(p *packages.Package) {
	if p.TypesInfo != nil {
		return
	}
	files, errs := s.parseFiles(p.CompiledGoFiles)
	for _, err := range errs {
		addError(p, s.fset, err)
	}
	p.Syntax = files
	p.TypesInfo = typecheck.NewInfo(nil)
	tc := typecheck.Config(p, p.Imports, func(err error) { addError(p, s.fset, err) })
	typErr := types.NewChecker(tc, s.fset, p.Types, p.TypesInfo).Files(files)
	// go/types of go1.21 and go1.22 failed fast on a too new Go version
	// without calling Error; and an error it did not report must still
	// make the package ill-typed.
	if typErr != nil && len(p.Errors) == 0 {
		if msg := typErr.Error(); len(files) > 0 && strings.HasPrefix(msg, "package requires newer Go version") {
			addError(p, s.fset, types.Error{Fset: s.fset, Pos: files[0].Package, Msg: msg})
		} else {
			addError(p, s.fset, typErr)
		}
	}
	p.IllTyped = len(p.Errors) > 0
	for _, imp := range p.Imports {
		p.IllTyped = p.IllTyped || imp.IllTyped
	}
}

// parseFiles parses files, in order, keeping those that parse at least
// in part, and returns the errors met.
func (s *streamer) parseFiles(names []string) ([]*ast.File, []error) {
	var files []*ast.File
	var errs []error
	for _, name := range names {
		f, err := s.parseFile(name)
		if f != nil {
			files = append(files, f)
		}
		if err != nil {
			errs = append(errs, err)
		}
	}
	return files, errs
}

// parseFile parses the file name, once for all the packages compiling it.
func (s *streamer) parseFile(name string) (*ast.File, error) {
	s.mu.Lock()
	sf := s.shared[name]
	if sf != nil {
		if sf.users--; sf.users == 0 {
			delete(s.shared, name) // the last user: nothing left to share with
		}
	}
	s.mu.Unlock()
	if sf == nil {
		return parse(s.fset, name)
	}
	sf.once.Do(func() { sf.file, sf.err = parse(s.fset, name) })
	return sf.file, sf.err
}

// parse reads and parses one file as go/packages does.
func parse(fset *token.FileSet, name string) (*ast.File, error) {
	src, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	return parser.ParseFile(fset, name, src, parser.AllErrors|parser.ParseComments)
}

// addError records a read, parse or type error of p in p.Errors (and a
// type error in p.TypeErrors too), as go/packages words each.
func addError(p *packages.Package, fset *token.FileSet, err error) {
	var list scanner.ErrorList
	var path *os.PathError
	var te types.Error
	switch {
	case errors.As(err, &te):
		p.TypeErrors = append(p.TypeErrors, te)
		p.Errors = append(p.Errors, packages.Error{Pos: te.Fset.Position(te.Pos).String(), Msg: te.Msg, Kind: packages.TypeError})
	case errors.As(err, &list):
		for _, e := range list {
			p.Errors = append(p.Errors, packages.Error{Pos: e.Pos.String(), Msg: e.Msg, Kind: packages.ParseError})
		}
	case errors.As(err, &path):
		p.Errors = append(p.Errors, packages.Error{Pos: path.Path + ":1", Msg: path.Err.Error(), Kind: packages.ParseError})
	default:
		p.Errors = append(p.Errors, packages.Error{Pos: "-", Msg: err.Error(), Kind: packages.UnknownError})
	}
}
