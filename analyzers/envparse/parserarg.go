package envparse

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/envvet/envvet/analyzers/envgraph"
	"github.com/envvet/envvet/internal/passutil"
)

// A helper may take its parse as an argument, as lego's platform/env does:
//
//	func GetOrDefaultInt(key string, def int) int { return getOrDefault(key, def, strconv.Atoi) }
//	func getOrDefault[T any](key string, def T, fn func(string) (T, error)) T {
//		v, err := fn(os.Getenv(key))
//		if err != nil {
//			return def
//		}
//		return v
//	}
//
// getOrDefault's fact says which parameter holds the parse (ParserArg);
// a call that hands it a parse (strconv.Atoi, or a function of the
// package that parses its argument) is a call of a silent helper, and a
// call that hands it a string check (func(s string) (string, error) that
// fails on "" only) is not.

// paramParse returns the parse of the value of sc's key parameter by
// another parameter of sc's function, a func(string) (T, error); nil if
// call is not one.
func (s *state) paramParse(c inspector.Cursor, sc *scope) *parseSite {
	call := c.Node().(*ast.CallExpr)
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok || len(call.Args) != 1 || sc.decl == nil {
		return nil
	}
	v, ok := s.info.Uses[id].(*types.Var)
	if !ok || v == nil || !isParseFunc(v.Type()) {
		return nil
	}
	i, ok := s.paramsOf(sc)[v]
	if !ok {
		return nil
	}
	src := s.envValue(call.Args[0], sc)
	if src == nil || src.param < 0 {
		return nil // a constant key parsed by a function value: which parse is unknown
	}
	ps := &parseSite{call: call, cur: c, parser: parser{res: 1}, src: src, fallbackParam: -1, parserArg: i + 1}
	s.classify(c, ps, sc)
	return ps
}

// isParseFunc reports whether t is a func(string) (T, error).
func isParseFunc(t types.Type) bool {
	sig, ok := t.Underlying().(*types.Signature)
	if !ok || sig.Params().Len() != 1 || sig.Results().Len() != 2 || !isString(sig.Params().At(0).Type()) {
		return false
	}
	return types.Identical(sig.Results().At(1).Type(), types.Universe.Lookup("error").Type())
}

// bindParser resolves the parse that h hands to a helper whose parse is
// an argument: a parse (h.fact becomes a copy that names it), or a
// parameter of sc's function (h.parserArg). It reports false when the
// argument is neither.
func (s *state) bindParser(h *helperCall, sc *scope) bool {
	i := h.fact.ParserArg - 1
	if i < 0 || i >= len(h.call.Args) {
		return false
	}
	var obj types.Object
	switch a := ast.Unparen(h.call.Args[i]).(type) {
	case *ast.Ident:
		obj = s.info.Uses[a]
	case *ast.SelectorExpr:
		obj = s.info.Uses[a.Sel]
	}
	switch o := obj.(type) {
	case *types.Var:
		j, ok := s.paramsOf(sc)[o]
		if ok && sc.decl != nil {
			h.parserArg = j + 1
		}
		return ok && sc.decl != nil
	case *types.Func:
		name, ok := s.parseFunc(o.Origin())
		if !ok {
			return false
		}
		f := *h.fact
		f.Parser, f.ParserArg = name, 0
		h.fact = &f
		return true
	}
	return false
}

// parseFunc returns the name of fn when fn is a parse: a known one, or a
// function that parses its first parameter with one (in the package, or
// with a parsesArg fact).
func (s *state) parseFunc(fn *types.Func) (string, bool) {
	if p, ok := parserOf(fn); ok {
		return p.name, p.arg == 0
	}
	if fn.Pkg() != s.pass.Pkg {
		if f := imported(s.pass, s.parsers, &s.spareParser, fn); f != nil {
			return envgraph.FuncName(fn), true
		}
		return "", false
	}
	if sc := s.byObj[fn]; sc != nil && s.parsesParam(sc) != "" {
		return envgraph.FuncName(fn), true
	}
	return "", false
}

// parsesParam returns the parse that sc's function applies to its first
// parameter, "" if none.
func (s *state) parsesParam(sc *scope) string {
	if sc.decl == nil {
		return ""
	}
	for i, c := range sc.calls {
		if p := s.calleeAt(sc, i).parser; p != nil {
			if name := s.parsesFirstBy(sc, c.Node().(*ast.CallExpr), *p); name != "" {
				return name
			}
		}
	}
	return ""
}

// parsesFirst returns the parse that call, in sc's function, applies to
// its first parameter, "" if none.
func (s *state) parsesFirst(sc *scope, call *ast.CallExpr) string {
	p, ok := parserOf(s.callee(call))
	if !ok {
		return ""
	}
	return s.parsesFirstBy(sc, call, p)
}

// parsesFirstBy is parsesFirst of a call of the parse p.
func (s *state) parsesFirstBy(sc *scope, call *ast.CallExpr, p parser) string {
	if p.arg >= len(call.Args) {
		return ""
	}
	if i, ok := s.paramOf(call.Args[p.arg], sc, 0); ok && i == 0 {
		return p.name
	}
	return ""
}

// exportParseFuncs exports the parsesArg facts of a package that holds
// no env value (relevant's values is false), as exportFacts would: for
// each function declaration of parse type that parses its first
// parameter. It walks only those declarations and builds no inspector.
func exportParseFuncs(pass *analysis.Pass) {
	s := &state{pass: pass, info: pass.TypesInfo}
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			decl, ok := d.(*ast.FuncDecl)
			if !ok || decl.Body == nil {
				continue
			}
			fn, ok := s.info.Defs[decl.Name].(*types.Func)
			if !ok || fn == nil || fn.Pkg() != pass.Pkg || !isParseFunc(fn.Type()) {
				continue
			}
			sc := &scope{decl: decl, obj: fn, params: passutil.Params(s.info, decl.Type)}
			name := ""
			ast.Inspect(decl, func(n ast.Node) bool {
				if call, ok := n.(*ast.CallExpr); ok && name == "" {
					name = s.parsesFirst(sc, call)
				}
				return name == ""
			})
			if name != "" {
				pass.ExportObjectFact(fn, &parsesArg{Parser: name})
			}
		}
	}
}
