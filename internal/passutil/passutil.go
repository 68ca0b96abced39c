// Package passutil holds small helpers shared by envvet's analyzers for
// questions about the package under analysis that go/analysis does not
// answer directly.
package passutil

import (
	"go/ast"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// InDependency reports whether the package under analysis belongs to a
// versioned dependency module (from the module cache, or replaced by a
// directory but required at a version), not to the main module or a
// workspace module. Drivers never show such a package's diagnostics, and
// the manifests a run lists are the program's, not that module's.
func InDependency(pass *analysis.Pass) bool {
	return pass.Module != nil && pass.Module.Version != ""
}

// PackageDir returns the source directory of the package under analysis,
// or "" when it has no files on disk. It uses the position of each file's
// package clause, which //line directives map back to the original source
// for cgo-processed files that drivers keep in the build cache.
func PackageDir(pass *analysis.Pass) string {
	for _, f := range pass.Files {
		name := pass.Fset.Position(f.Package).Filename
		if strings.HasSuffix(name, ".go") {
			return filepath.Dir(name)
		}
	}
	// All files ignored (a cgo-only package analyzed with cgo off).
	for _, name := range pass.IgnoredFiles {
		return filepath.Dir(name)
	}
	return ""
}

// ModuleRoot returns the nearest directory at or above dir that contains a
// go.mod file, or "" when there is none.
func ModuleRoot(dir string) string {
	for d := dir; ; {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return ""
		}
		d = parent
	}
}

// IsTestMain reports whether the package under analysis is the synthesized
// main package of a test binary ("p.test", built from _testmain.go), which
// drivers that load tests analyze like any other package.
func IsTestMain(pass *analysis.Pass) bool {
	if strings.HasSuffix(pass.Pkg.Path(), ".test") {
		return true
	}
	for _, f := range pass.Files {
		if tf := pass.Fset.File(f.Pos()); tf != nil && strings.HasSuffix(tf.Name(), "_testmain.go") {
			return true
		}
	}
	return false
}

// SplitList splits a comma-separated flag value, trimming spaces and
// dropping empty elements.
func SplitList(s string) []string {
	var out []string
	for _, e := range strings.Split(s, ",") {
		if e = strings.TrimSpace(e); e != "" {
			out = append(out, e)
		}
	}
	return out
}

// Params maps each named parameter of ftype to its index among the
// parameters (unnamed ones count), by the objects info defines for them.
// A nil ftype has none.
func Params(info *types.Info, ftype *ast.FuncType) map[*types.Var]int {
	params := make(map[*types.Var]int)
	if ftype == nil || ftype.Params == nil {
		return params
	}
	i := 0
	for _, field := range ftype.Params.List {
		if len(field.Names) == 0 {
			i++
			continue
		}
		for _, name := range field.Names {
			if v, ok := info.Defs[name].(*types.Var); ok && v != nil {
				params[v] = i
			}
			i++
		}
	}
	return params
}

// FileOf returns the file of pass that contains pos, nil if none does.
func FileOf(pass *analysis.Pass, pos token.Pos) *ast.File {
	for _, f := range pass.Files {
		if f.FileStart <= pos && pos < f.FileEnd {
			return f
		}
	}
	return nil
}

// ImportName returns the name under which file refers, at pos, to the
// package it imports as path. imported is false when file does not
// import path; ok is false when it does but the package cannot be named
// at pos: imported as _ or ., or its name is shadowed there.
func ImportName(pass *analysis.Pass, file *ast.File, pos token.Pos, path string) (name string, imported, ok bool) {
	if file == nil {
		return "", false, false
	}
	for _, imp := range file.Imports {
		if imp.Path == nil || imp.Path.Value != strconv.Quote(path) {
			continue
		}
		name = path[strings.LastIndex(path, "/")+1:]
		if imp.Name != nil {
			name = imp.Name.Name
		}
		if name == "_" || name == "." {
			return "", true, false
		}
		scope := pass.Pkg.Scope().Innermost(pos)
		if scope == nil {
			return "", true, false
		}
		_, obj := scope.LookupParent(name, pos)
		if pn, isPkg := obj.(*types.PkgName); isPkg && pn.Imported().Path() == path {
			return name, true, true
		}
		return "", true, false
	}
	return "", false, false
}

// AssignSides returns the left and right sides of n, an assignment or a
// var spec (whose names are its left side); nil, nil for any other node.
func AssignSides(n ast.Node) (lhs, rhs []ast.Expr) {
	switch n := n.(type) {
	case *ast.AssignStmt:
		return n.Lhs, n.Rhs
	case *ast.ValueSpec:
		lhs = make([]ast.Expr, len(n.Names))
		for i, name := range n.Names {
			lhs[i] = name
		}
		return lhs, n.Values
	}
	return nil, nil
}

// FatalName reports whether name is that of a logging function or method
// that ends the program or panics after it logs: Fatal, Fatalf, Fatalln,
// Panic, Panicf, Panicln (log, logrus, klog) and zap's sugared Fatalw and
// Panicw. Checks that recognize more ways to fail (os.Exit, Must) test
// those on their own.
func FatalName(name string) bool {
	switch name {
	case "Fatal", "Fatalf", "Fatalln", "Fatalw", "Panic", "Panicf", "Panicln", "Panicw":
		return true
	}
	return false
}

// StmtList returns the statements of n when it is a block or a case,
// where statements can follow one another; nil otherwise.
func StmtList(n ast.Node) []ast.Stmt {
	switch b := n.(type) {
	case *ast.BlockStmt:
		return b.List
	case *ast.CaseClause:
		return b.Body
	case *ast.CommClause:
		return b.Body
	}
	return nil
}

// Contains reports whether n or a node below it satisfies match, looking
// no further once one does. With enterLits unset, a function literal is
// neither matched nor entered: its code runs later, if ever.
func Contains(n ast.Node, enterLits bool, match func(ast.Node) bool) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if found || n == nil {
			return false
		}
		if _, lit := n.(*ast.FuncLit); lit && !enterLits {
			return false
		}
		found = match(n)
		return !found
	})
	return found
}

// StmtsAfter returns the statements after the statement at c in its list
// (StmtList of its parent); nil when c is in no list.
func StmtsAfter(c inspector.Cursor) []ast.Stmt {
	list := StmtList(c.Parent().Node())
	for i, st := range list {
		if st == c.Node() {
			return list[i+1:]
		}
	}
	return nil
}

// CalleeName returns the name a call's function expression ends in: F of
// F(...), x.F(...), F[T](...), x.F[K, V](...) and (F)(...); "" for an
// expression that names no function (a call's result, a func literal).
func CalleeName(fun ast.Expr) string {
	switch f := ast.Unparen(fun).(type) {
	case *ast.Ident:
		return f.Name
	case *ast.SelectorExpr:
		return f.Sel.Name
	case *ast.IndexExpr:
		return CalleeName(f.X)
	case *ast.IndexListExpr:
		return CalleeName(f.X)
	}
	return ""
}
