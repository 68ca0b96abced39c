// Package lazyinspect defines an Analyzer that provides an AST inspector
// (golang.org/x/tools/go/ast/inspector.Inspector) for the syntax trees of
// a package, built on first use.
//
// # Analyzer lazyinspect
//
// lazyinspect: provide an AST inspector built on first use
//
// inspect.Analyzer builds its inspector for every package it runs on. A
// fact-producing check runs on every package of the program, standard
// library included, and each of envvet's returns early on most of them:
// building an inspector there costs CPU, and the driver keeps it alive
// until the end. lazyinspect's Run does nothing but remember the files;
// the inspector is built by the first call of Inspector.Get, once, however
// many analyzers of the package ask for it concurrently.
//
//	in := pass.ResultOf[lazyinspect.Analyzer].(*lazyinspect.Inspector)
//	if !relevant(pass) {
//		return nil, nil // no inspector built
//	}
//	for cur := range in.Get().Root().Preorder((*ast.CallExpr)(nil)) { ... }
package lazyinspect
