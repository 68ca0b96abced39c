package envparse

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"github.com/envvet/envvet/analyzers/envgraph"
	"github.com/envvet/envvet/internal/passutil"
)

// loaderChecked returns the keys that a struct-tag loader of the package
// parses into a field of the form another read of the key parses it in,
// at a loader call whose error the package does not drop (syncthing's
// kong field `env:"STRECHECKDBEVERY"` time.Duration, then
// time.ParseDuration(os.Getenv("STRECHECKDBEVERY"))): a bad value stops
// the program at the loader, so a later parse of the same key that keeps
// a default or drops its error only ever sees good values.
func (s *state) loaderChecked(graph *envgraph.Graph, dropped []loaderCall) map[string]bool {
	droppedAt := make(map[token.Pos]bool, len(dropped))
	for _, lc := range dropped {
		droppedAt[lc.call.Pos()] = true
	}
	kongChecked := s.kongParsesChecked(dropped)
	loaded := make(map[string][]envgraph.TypeKind)
	read := make(map[string][]envgraph.TypeKind)
	for _, r := range graph.Refs() {
		if r.Key == "" || r.Dynamic || !r.Type.Known() || r.Type.Kind == envgraph.TypeEnum {
			continue
		}
		switch {
		case r.Kind == envgraph.Tag && r.LoadPos.IsValid() && !droppedAt[r.LoadPos] && stopsOnBad(r, kongChecked):
			loaded[r.Key] = append(loaded[r.Key], r.Type.Kind)
		case r.Kind == envgraph.Read || r.Kind == envgraph.Lookup:
			read[r.Key] = append(read[r.Key], r.Type.Kind)
		}
	}
	out := make(map[string]bool)
	for k, kinds := range loaded {
		if slices.ContainsFunc(kinds, func(kind envgraph.TypeKind) bool { return slices.Contains(read[k], kind) }) {
			out[k] = true
		}
	}
	return out
}

// stopsOnBad reports whether the loader of the Tag reference r fails on
// a bad value where its error is not dropped: caarlos0/env and envconfig
// at the call, kong.Parse on its own, kong.New and kong.Must at the
// package's (*Kong).Parse calls (kongChecked: there are some, and none
// drops its error).
func stopsOnBad(r envgraph.Ref, kongChecked bool) bool {
	switch r.Loader {
	case envgraph.LoaderCaarlos, envgraph.LoaderEnvconfig, envgraph.LoaderGoEnvconfig:
		return true
	case envgraph.LoaderKong:
		return r.LoadFunc == "kong.Parse" || kongChecked
	}
	return false
}

// kongParsesChecked reports whether the package calls (*kong.Kong).Parse
// and reads the error of every such call.
func (s *state) kongParsesChecked(dropped []loaderCall) bool {
	for _, lc := range dropped {
		if lc.name == "kong.Kong.Parse" {
			return false
		}
	}
	for _, sc := range s.scopes {
		for _, c := range sc.calls {
			// The callee is named as the call names it: a call of no
			// function named Parse needs no type lookup.
			call := c.Node().(*ast.CallExpr)
			if passutil.CalleeName(call.Fun) != "Parse" {
				continue
			}
			fn := s.callee(call)
			if fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "github.com/alecthomas/kong" && fn.Name() == "Parse" {
				if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil {
					return true
				}
			}
		}
	}
	return false
}

// withoutChecked returns findings without those of rules dropped and
// fallback whose every key a loader has checked.
func withoutChecked(findings []finding, checked map[string]bool) []finding {
	if len(checked) == 0 {
		return findings
	}
	return slices.DeleteFunc(findings, func(f finding) bool {
		if f.category != CategoryDropped && f.category != CategoryFallback || len(f.keys) == 0 {
			return false
		}
		return !slices.ContainsFunc(f.keys, func(k string) bool { return !checked[k] })
	})
}
