package envtype

import (
	"fmt"

	"golang.org/x/tools/go/analysis"

	"github.com/envvet/envvet/analyzers/envgraph"
	"github.com/envvet/envvet/internal/passutil"
)

// reportConflicts reports each read of the package whose type no value
// can satisfy together with an earlier read of the same key: of the
// package, or of a package it imports.
func reportConflicts(pass *analysis.Pass, graph *envgraph.Graph) {
	var typed []envgraph.Ref
	for _, r := range graph.Refs() {
		if r.Kind.IsRead() && !r.Dynamic && r.Key != "" && r.Type.Known() && r.Pos.IsValid() {
			typed = append(typed, r)
		}
	}
	if len(typed) == 0 {
		return
	}
	dir := passutil.PackageDir(pass)
	root := passutil.ModuleRoot(dir)
	before := make(map[string][]envgraph.KeyType)
	for _, kt := range graph.ImportedTypes() {
		before[kt.Key] = append(before[kt.Key], kt)
	}
	for i, r := range typed {
		other, ok := conflicting(r, before[r.Key])
		if !ok {
			other, ok = conflictingRef(r, typed[:i])
		}
		if !ok {
			continue
		}
		pass.Report(analysis.Diagnostic{
			Pos: r.Pos, End: r.End, Category: CategoryConflict,
			Message: fmt.Sprintf("env key %q is read as %s here (%s) but as %s at %s (%s)",
				r.Key, r.Type.Describe(), r.Type.By, other.Type.Describe(), relative(other.At, root, dir), other.Type.By),
		})
	}
}

func conflicting(r envgraph.Ref, kts []envgraph.KeyType) (envgraph.KeyType, bool) {
	for _, kt := range kts {
		if !r.Type.Compatible(kt.Type) {
			return kt, true
		}
	}
	return envgraph.KeyType{}, false
}

func conflictingRef(r envgraph.Ref, earlier []envgraph.Ref) (envgraph.KeyType, bool) {
	for _, e := range earlier {
		if e.Key == r.Key && !r.Type.Compatible(e.Type) {
			at := e.Type.Site
			if !at.IsValid() {
				return envgraph.KeyType{}, false
			}
			return envgraph.KeyType{Key: e.Key, Type: e.Type, At: at}, true
		}
	}
	return envgraph.KeyType{}, false
}
