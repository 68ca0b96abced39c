package envgraph_test

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/envvet/envvet/analyzers/envgraph"
)

// types reports each reference with the type its value is parsed as.
var types = &analysis.Analyzer{
	Name:             "types",
	Doc:              "report envgraph's references with their types",
	Requires:         []*analysis.Analyzer{envgraph.Analyzer},
	RunDespiteErrors: true,
	Run: func(pass *analysis.Pass) (any, error) {
		g := pass.ResultOf[envgraph.Analyzer].(*envgraph.Graph)
		for _, r := range g.Refs() {
			msg := describe(r)
			if r.Type.Known() {
				msg += " type " + r.Type.String()
				if len(r.Type.Also) > 0 {
					msg += " also " + strings.Join(r.Type.Also, ",")
				}
				msg += " by " + r.Type.By
			}
			pass.Report(analysis.Diagnostic{Pos: r.Pos, End: r.End, Message: msg})
		}
		return nil, nil
	},
}

func TestTypes(t *testing.T) {
	typesRun.Check(t, "types")
	graphRun.Check(t, "typehelp")
}

func TestTypeAccepts(t *testing.T) {
	for _, c := range []struct {
		t    envgraph.Type
		v    string
		want bool
	}{
		{envgraph.Type{Kind: envgraph.TypeInt, Base: 10}, "500", true},
		{envgraph.Type{Kind: envgraph.TypeInt, Base: 10}, "500ms", false},
		{envgraph.Type{Kind: envgraph.TypeInt, Base: 10, Bits: 8}, "500", false},
		{envgraph.Type{Kind: envgraph.TypeInt}, "0x1F", true},
		{envgraph.Type{Kind: envgraph.TypeInt}, "08", true},
		{envgraph.Type{Kind: envgraph.TypeUint, Base: 10}, "-1", false},
		{envgraph.Type{Kind: envgraph.TypeBool}, "yes", false},
		{envgraph.Type{Kind: envgraph.TypeBool}, "TRUE", true},
		{envgraph.Type{Kind: envgraph.TypeDuration}, "30", false},
		{envgraph.Type{Kind: envgraph.TypeDuration}, "30s", true},
		{envgraph.Type{Kind: envgraph.TypeAddr}, "localhost", false},
		{envgraph.Type{Kind: envgraph.TypeInt, Sep: ","}, "1, 2,3", true},
		{envgraph.Type{Kind: envgraph.TypeInt, Sep: ","}, "1,x", false},
		{envgraph.Type{Kind: envgraph.TypeInt, Base: 10, Also: []string{"auto"}}, "auto", true},
		{envgraph.Type{Kind: envgraph.TypeEnum, Enum: []string{"a", "b"}}, "c", false},
	} {
		if got := c.t.Accepts(c.v); got != c.want {
			t.Errorf("%s accepts %q = %v, want %v", c.t, c.v, got, c.want)
		}
	}
	dur, num := envgraph.Type{Kind: envgraph.TypeDuration}, envgraph.Type{Kind: envgraph.TypeInt}
	if dur.Compatible(num) || !num.Compatible(envgraph.Type{Kind: envgraph.TypeFloat}) {
		t.Error("a duration and an integer exclude each other; an integer and a float do not")
	}
}
