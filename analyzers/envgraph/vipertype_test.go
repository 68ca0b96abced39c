package envgraph_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/envvet/envvet/analyzers/envgraph"
)

// viperTypes reports each reference with its type (as types does) and,
// in a main package, each typed read of its Program at the package
// clause.
var viperTypes = &analysis.Analyzer{
	Name:     "vipertypes",
	Doc:      "report envgraph's references and the program's typed reads",
	Requires: []*analysis.Analyzer{envgraph.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		g := pass.ResultOf[envgraph.Analyzer].(*envgraph.Graph)
		for _, r := range g.Refs() {
			msg := describe(r)
			if r.Type.Known() {
				msg += " type " + r.Type.String() + " by " + r.Type.By
			}
			pass.Report(analysis.Diagnostic{Pos: r.Pos, End: r.End, Message: msg})
		}
		if p := g.Program(); p != nil && len(pass.Files) > 0 {
			for _, kt := range p.Types {
				pass.Reportf(pass.Files[0].Package, "program %s %s by %s at %s:%d",
					kt.Key, kt.Type, kt.Type.By, filepath.Base(kt.At.File), kt.At.Line)
			}
		}
		return nil, nil
	},
}

// TestViperTypes checks the form of the keys asked of viper: GetInt,
// GetDuration and a typed Unmarshal field give theirs to the env key,
// across packages and through BindEnv; GetString, a multiplied
// GetDuration, a string field, a decode hook and an instance without
// AutomaticEnv give none. viperforms: the fields of Unmarshal(&Server) of
// a Server *options (a **options), not those of UnmarshalKey's target,
// and env names bound through helpers with no ...string parameter
// (conf.BindName, BindDB's "db." prefix, a helper of main); viperformsopen:
// a ***options is not walked.
func TestViperTypes(t *testing.T) {
	viperTypesRun.Check(t, "vipertype", "vipertype/conf", "vipertypeopen", "vipertypeopen/conf", "viperforms", "viperforms/conf", "viperformsopen", "viperbindonly")
}

func TestCastAccepts(t *testing.T) {
	cast := func(k envgraph.TypeKind) envgraph.Type { return envgraph.Type{Kind: k, Cast: true} }
	for _, c := range []struct {
		t    envgraph.Type
		v    string
		want bool
	}{
		{cast(envgraph.TypeInt), "100", true},
		{cast(envgraph.TypeInt), "many", false},
		{cast(envgraph.TypeInt), "0x1F", true},
		{cast(envgraph.TypeInt), "08", false}, // base 0: octal
		{cast(envgraph.TypeInt), "10.0", true},
		{cast(envgraph.TypeInt), "10.5", true}, // cast v1.9 on: 10
		{cast(envgraph.TypeInt), "1e3", false},
		{cast(envgraph.TypeUint), "-1", false},
		{cast(envgraph.TypeUint), "7", true},
		{cast(envgraph.TypeBool), "TRUE", true},
		{cast(envgraph.TypeBool), "yes", false},
		{cast(envgraph.TypeFloat), "0.5", true},
		{cast(envgraph.TypeFloat), "half", false},
		{cast(envgraph.TypeDuration), "10s", true},
		{cast(envgraph.TypeDuration), "10", false}, // 10ns
		{cast(envgraph.TypeDuration), "0", true},
		{cast(envgraph.TypeDuration), "1d", false},
		{cast(envgraph.TypeDuration), "many", false},
	} {
		if got := c.t.Accepts(c.v); got != c.want {
			t.Errorf("cast %s accepts %q = %v, want %v", c.t, c.v, got, c.want)
		}
	}
	for v, want := range map[string]bool{"10": true, "1.5": true, "0": false, "10s": false, "many": false} {
		if _, got := cast(envgraph.TypeDuration).Nanoseconds(v); got != want {
			t.Errorf("Nanoseconds(%q) = %v, want %v", v, got, want)
		}
	}
	if _, ok := (envgraph.Type{Kind: envgraph.TypeDuration}).Nanoseconds("10"); ok {
		t.Error("time.ParseDuration rejects a bare number; it reads no nanoseconds")
	}
}
