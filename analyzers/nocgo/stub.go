package nocgo

import (
	"bytes"
	"errors"
	"fmt"
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"io"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/envvet/envvet/internal/passutil"
)

// A stub is a package's own pair of files around the cgo build tag: a
// file built only with cgo (no import "C" of its own; it imports the cgo
// package, such as github.com/mattn/go-sqlite3) and a file built only
// without cgo that declares the same functions and fails with an error
// about cgo. Under CGO_ENABLED=0 the package builds, from the stub, and
// fails at run time.
type stub struct {
	pos      token.Pos // the build constraint of the cgo-only file
	cgoFile  string    // base name of the cgo-only file
	stubFile string    // base name of the !cgo file
	funcs    []string  // functions both declare, sorted
	msg      string    // the stub's error text that names cgo
}

// A buildFile is one non-test Go file of the package, with how the
// build selects it.
type buildFile struct {
	name      string    // full path
	file      *ast.File // parsed with comments; in pass.Fset when parsed
	withCgo   bool      // selected with cgo on
	withoutIt bool      // selected with cgo off
}

// errNameMatched stops constrainedFiles' MatchFile at the file's
// content: the name alone did not rule the file out.
var errNameMatched = errors.New("name matched")

// findStub returns the package's stub, or nil. Only files whose build
// constraint names cgo are read, so packages without one cost nothing.
func findStub(pass *analysis.Pass) *stub {
	files := constrainedFiles(pass)
	if len(files) < 2 {
		return nil
	}
	var cgoOnly, stubs []buildFile
	for _, f := range files {
		switch {
		case f.withCgo && !f.withoutIt && !importsC(f.file):
			cgoOnly = append(cgoOnly, f)
		case f.withoutIt && !f.withCgo:
			stubs = append(stubs, f)
		}
	}
	for _, s := range stubs {
		msg := cgoErrorText(s.file)
		if msg == "" {
			continue // a working fallback, as far as nocgo can tell
		}
		// The cgo-only file that the stub replaces most: a store kept in
		// several files is reported at the one that declares its type
		// (the stub declares it too), else at the one sharing the most
		// functions, not at a helper file first in name order.
		var best *stub
		bestTypes := 0
		for _, c := range cgoOnly {
			common := commonFuncs(c.file, s.file)
			if len(common) == 0 {
				continue
			}
			types := len(commonNames(typeNames(c.file), typeNames(s.file)))
			if best == nil || types > bestTypes || types == bestTypes && len(common) > len(best.funcs) {
				best, bestTypes = &stub{
					pos:      constraintPos(c.file),
					cgoFile:  filepath.Base(c.name),
					stubFile: filepath.Base(s.name),
					funcs:    common,
					msg:      msg,
				}, types
			}
		}
		if best != nil {
			return best
		}
	}
	return nil
}

// constrainedFiles returns the package's non-test Go files whose build
// constraint names cgo, compiled or ignored, in name order, with how the
// build (GOOS, GOARCH, tags) selects them with cgo on and off. A file
// that cannot be read or parsed is left out.
func constrainedFiles(pass *analysis.Pass) []buildFile {
	var (
		out     []buildFile
		on, off *build.Context
	)
	add := func(name string, f *ast.File) {
		if on == nil {
			on, off = buildContext(pass, true), buildContext(pass, false)
		}
		okOn, errOn := on.MatchFile(filepath.Dir(name), filepath.Base(name))
		okOff, errOff := off.MatchFile(filepath.Dir(name), filepath.Base(name))
		if errOn == nil && errOff == nil {
			out = append(out, buildFile{name: name, file: f, withCgo: okOn, withoutIt: okOff})
		}
	}
	for _, f := range pass.Files {
		name := pass.Fset.Position(f.Package).Filename
		if isTestFile(name) || isCgoGenerated(f) || !hasCgoConstraint(f) {
			continue
		}
		add(name, f)
	}
	// byName rules out, unread, the ignored files that the build leaves
	// out by their name alone (another GOOS or GOARCH): MatchFile decides
	// that before it opens the file, and alike with cgo on and off, so
	// such a file is selected by neither and no stub can be among them.
	var (
		byName *build.Context
		opened bool
	)
	for _, name := range pass.IgnoredFiles {
		if isTestFile(name) {
			continue
		}
		if byName == nil {
			byName = buildContext(pass, true)
			byName.OpenFile = func(string) (io.ReadCloser, error) {
				opened = true
				return nil, errNameMatched
			}
		}
		opened = false
		if ok, _ := byName.MatchFile(filepath.Dir(name), filepath.Base(name)); !ok && !opened {
			continue
		}
		src, err := pass.ReadFile(name)
		if err != nil || !bytes.Contains(src, []byte("cgo")) {
			continue
		}
		// The header first, in a scratch file set: most ignored files are
		// for another GOOS and never constrained by cgo.
		head, err := parser.ParseFile(token.NewFileSet(), name, src, parser.PackageClauseOnly|parser.ParseComments)
		if err != nil || !hasCgoConstraint(head) {
			continue
		}
		if f, err := parser.ParseFile(pass.Fset, name, src, parser.ParseComments|parser.SkipObjectResolution); err == nil {
			add(name, f)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out
}

func isTestFile(name string) bool {
	return !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go")
}

// hasCgoConstraint reports whether a build constraint of f names cgo.
func hasCgoConstraint(f *ast.File) bool {
	return constraintPos(f).IsValid()
}

// constraintPos returns the position of f's build constraint line that
// names cgo, or token.NoPos.
func constraintPos(f *ast.File) token.Pos {
	for _, cg := range f.Comments {
		if cg.Pos() >= f.Package {
			break
		}
		for _, c := range cg.List {
			if (strings.HasPrefix(c.Text, "//go:build") || strings.HasPrefix(c.Text, "// +build")) && strings.Contains(c.Text, "cgo") {
				return c.Pos()
			}
		}
	}
	return token.NoPos
}

func importsC(f *ast.File) bool {
	for _, spec := range f.Imports {
		if spec.Path.Value == `"C"` {
			return true
		}
	}
	return false
}

// failing names the calls that make an error or stop the program:
// errors.New, fmt.Errorf, pkg/errors' Errorf, panic, log.Fatal and the
// like. A test helper's t.Skip("... cgo") is not a failure at run time.
var failing = map[string]bool{
	"New": true, "Errorf": true, "Newf": true, "panic": true,
	"Fatal": true, "Fatalf": true, "Fatalln": true, "Panic": true, "Panicf": true, "Panicln": true,
}

// cgoErrorText returns the first string literal passed to a failing call
// in f that names cgo, unquoted, or "". In a file built only without
// cgo, such a message says the code does not work there.
func cgoErrorText(f *ast.File) string {
	var msg string
	ast.Inspect(f, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || msg != "" {
			return msg == ""
		}
		if !failing[passutil.CalleeName(call.Fun)] {
			return true
		}
		for _, arg := range call.Args {
			lit, ok := arg.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				continue
			}
			if s, err := strconv.Unquote(lit.Value); err == nil && strings.Contains(strings.ToLower(s), "cgo") {
				msg = s
				return false
			}
		}
		return true
	})
	return msg
}

// commonFuncs returns the names of the functions and methods (as
// Type.Method) that both a and b declare, sorted.
func commonFuncs(a, b *ast.File) []string {
	return commonNames(funcNames(a), funcNames(b))
}

// commonNames returns the names in both a and b, sorted.
func commonNames(a, b []string) []string {
	inA := make(map[string]bool)
	for _, name := range a {
		inA[name] = true
	}
	var out []string
	for _, name := range b {
		if inA[name] {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

// typeNames returns the names of the types f declares at package level.
func typeNames(f *ast.File) []string {
	var out []string
	for _, d := range f.Decls {
		if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.TYPE {
			for _, spec := range gd.Specs {
				out = append(out, spec.(*ast.TypeSpec).Name.Name)
			}
		}
	}
	return out
}

func funcNames(f *ast.File) []string {
	var out []string
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Name.Name == "init" || fd.Name.Name == "_" {
			continue
		}
		name := fd.Name.Name
		if fd.Recv != nil && len(fd.Recv.List) == 1 {
			if recv := recvTypeName(fd.Recv.List[0].Type); recv != "" {
				name = recv + "." + name
			}
		}
		out = append(out, name)
	}
	return out
}

// recvTypeName returns the name of the receiver's type: T for T, *T,
// T[P] and *T[P].
func recvTypeName(x ast.Expr) string {
	for {
		switch t := x.(type) {
		case *ast.StarExpr:
			x = t.X
		case *ast.IndexExpr:
			x = t.X
		case *ast.IndexListExpr:
			x = t.X
		case *ast.ParenExpr:
			x = t.X
		case *ast.Ident:
			return t.Name
		default:
			return ""
		}
	}
}

// describe returns the message of s under pol.
func (s *stub) describe(pol policy) string {
	funcs := s.funcs
	more := ""
	if len(funcs) > 3 {
		funcs, more = funcs[:3], ", ..."
	}
	return fmt.Sprintf("%s is built only with cgo, and %s: %s%s then come from the stub %s, which fails at run time (%q)",
		s.cgoFile, pol.why, strings.Join(funcs, ", "), more, s.stubFile, s.msg)
}
