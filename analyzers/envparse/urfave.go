package envparse

import (
	"go/ast"
	"go/constant"
	"go/types"
	"slices"
	"strings"

	"github.com/envvet/envvet/analyzers/envgraph"
)

// urfave/cli (v1.19 and later, v2, v3) parses a flag's env value when the
// app runs: a bad value of an int, duration, bool or other parsing flag
// makes (*App).Run, RunContext or (*Command).Run return an error before
// the app's action runs. Dropped, that error ends the run with nothing
// done and nothing said (v1, v3) or a usage message (v2), and the process
// exits 0.

// isURFave reports whether path is one of urfave/cli's import paths
// (envgraph's, v1 under gopkg.in/urfave/cli.v1 and github.com/codegangsta/cli
// included: the latter serves v1.20.0, whose flags fail on a bad env
// value like github.com/urfave/cli's).
func isURFave(path string) bool {
	return envgraph.LoaderOf(path) == envgraph.LoaderUrfave
}

// isURFaveRun reports whether fn is a urfave/cli method that parses the
// flags' env values and reports a bad one with its error result.
func isURFaveRun(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil || fn.Pkg() == nil || !isURFave(fn.Pkg().Path()) {
		return false
	}
	recv := sig.Recv().Type()
	if p, ok := recv.(*types.Pointer); ok {
		recv = p.Elem()
	}
	named, ok := types.Unalias(recv).(*types.Named)
	if !ok {
		return false
	}
	switch named.Obj().Name() {
	case "App": // v1, v2
		return fn.Name() == "Run" || fn.Name() == "RunContext"
	case "Command": // v3; v1 and v2 Commands run only under an App
		return fn.Name() == "Run" && strings.HasSuffix(fn.Pkg().Path(), "/v3")
	}
	return false
}

// urfaveKeys returns, by urfave/cli import path, the constant env keys of
// the package's flag literals whose value parses (not a string or path
// flag): EnvVar: "A,B" (v1), EnvVars: []string{"A"} (v2), Sources:
// cli.EnvVars("A") or cli.NewValueSourceChain(cli.EnvVar("A")) (v3).
func (s *state) urfaveKeys() map[string][]string {
	out := make(map[string][]string)
	for cur := range s.in.Root().Preorder((*ast.CompositeLit)(nil)) {
		lit := cur.Node().(*ast.CompositeLit)
		path, ok := s.parsingFlag(lit.Type)
		if !ok {
			continue
		}
		for _, elt := range lit.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			name, ok := kv.Key.(*ast.Ident)
			if !ok {
				continue
			}
			for _, k := range s.flagEnvKeys(name.Name, kv.Value, 0) {
				if !slices.Contains(out[path], k) {
					out[path] = append(out[path], k)
				}
			}
		}
	}
	return out
}

// parsingFlag returns the urfave/cli import path of the flag type t
// names, when the flag parses its value.
func (s *state) parsingFlag(t ast.Expr) (string, bool) {
	var id *ast.Ident
	switch t := t.(type) {
	case *ast.Ident:
		id = t
	case *ast.SelectorExpr:
		id = t.Sel
	default:
		return "", false
	}
	tn, ok := s.info.Uses[id].(*types.TypeName)
	if !ok || tn == nil || tn.Pkg() == nil || !isURFave(tn.Pkg().Path()) {
		return "", false
	}
	name := tn.Name()
	if !strings.HasSuffix(name, "Flag") || strings.HasPrefix(name, "String") || strings.HasPrefix(name, "Path") {
		return "", false // a string flag takes any value
	}
	return tn.Pkg().Path(), true
}

// flagEnvKeys returns the constant keys that the flag field name set to
// v reads.
func (s *state) flagEnvKeys(name string, v ast.Expr, depth int) []string {
	if depth > 3 {
		return nil
	}
	switch name {
	case "EnvVar": // v1: comma-separated
		var keys []string
		for _, k := range strings.Split(s.constString(v), ",") {
			if k = strings.TrimSpace(k); k != "" {
				keys = append(keys, k)
			}
		}
		return keys
	case "EnvVars": // v2
		lit, ok := ast.Unparen(v).(*ast.CompositeLit)
		if !ok {
			return nil
		}
		var keys []string
		for _, e := range lit.Elts {
			if k := s.constString(e); k != "" {
				keys = append(keys, k)
			}
		}
		return keys
	case "Sources": // v3: cli.EnvVars(...), cli.NewValueSourceChain(cli.EnvVar(...), ...)
		call, ok := ast.Unparen(v).(*ast.CallExpr)
		if !ok {
			return nil
		}
		fn := s.callee(call)
		if fn == nil || fn.Pkg() == nil || !isURFave(fn.Pkg().Path()) {
			return nil
		}
		var keys []string
		for _, a := range call.Args {
			switch fn.Name() {
			case "EnvVars", "EnvVar":
				if k := s.constString(a); k != "" {
					keys = append(keys, k)
				}
			case "NewValueSourceChain":
				keys = append(keys, s.flagEnvKeys("Sources", a, depth+1)...)
			}
		}
		return keys
	}
	return nil
}

// constString returns e's constant string value, "" if it has none.
func (s *state) constString(e ast.Expr) string {
	tv, ok := s.info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return ""
	}
	return constant.StringVal(tv.Value)
}

// exportURFave exports the package's urfave/cli flag keys as a package
// fact, when it has any.
func (s *state) exportURFave() {
	if !importsURFave(s.pass.Pkg) {
		return
	}
	keys := s.urfaveKeys()
	var f urfaveFlags
	for path, ks := range keys {
		ks = slices.Clone(ks)
		slices.Sort(ks)
		f.Sets = append(f.Sets, urfaveKeySet{Path: path, Keys: ks})
	}
	if len(f.Sets) == 0 {
		return
	}
	slices.SortFunc(f.Sets, func(a, b urfaveKeySet) int { return strings.Compare(a.Path, b.Path) })
	s.pass.ExportPackageFact(&f)
}

func importsURFave(pkg *types.Package) bool {
	return slices.ContainsFunc(pkg.Imports(), func(p *types.Package) bool { return isURFave(p.Path()) })
}

// programURFaveKeys returns urfaveKeys of the package together with the
// keys of the urfave/cli flags that other packages of its module declare
// (in a program without module information, of any package it depends
// on): flags that an app run here is likely built from.
func (s *state) programURFaveKeys() map[string][]string {
	out := s.urfaveKeys()
	mod := ""
	if s.pass.Module != nil {
		mod = s.pass.Module.Path
	}
	for _, pf := range s.pass.AllPackageFacts() {
		f, ok := pf.Fact.(*urfaveFlags)
		if !ok || pf.Package == s.pass.Pkg || mod != "" && !inModule(pf.Package.Path(), mod) {
			continue
		}
		for _, set := range f.Sets {
			for _, k := range set.Keys {
				if !slices.Contains(out[set.Path], k) {
					out[set.Path] = append(out[set.Path], k)
				}
			}
		}
	}
	return out
}

func inModule(pkg, mod string) bool {
	return pkg == mod || strings.HasPrefix(pkg, mod+"/")
}
