package envgraph_test

import (
	"testing"

	"github.com/envvet/envvet/analyzers/envgraph"
)

// TestValueSets checks the value sets (switches, map lookups) and the
// JSON shapes of reads, and the helper facts that carry them.
func TestValueSets(t *testing.T) {
	typesRun.Check(t, "valuesets")
	graphRun.Check(t, "valuehelp")
}

func TestValueSetAccepts(t *testing.T) {
	for _, c := range []struct {
		t    envgraph.Type
		v    string
		want bool
	}{
		{envgraph.Type{Kind: envgraph.TypeEnum, Enum: []string{"json", "text"}}, "jsn", false},
		{envgraph.Type{Kind: envgraph.TypeEnum, Enum: []string{"json", "text"}}, "JSON", false},
		{envgraph.Type{Kind: envgraph.TypeEnum, Enum: []string{"json", "text"}, Fold: true}, "JSON", true},
		{envgraph.Type{Kind: envgraph.TypeEnum, Enum: []string{"json", "text"}, Fold: true}, "jsn", false},
		{envgraph.Type{Kind: envgraph.TypeJSON, Shape: "array"}, `["a"]`, true},
		{envgraph.Type{Kind: envgraph.TypeJSON, Shape: "array"}, `{"a":1}`, false},
		{envgraph.Type{Kind: envgraph.TypeJSON, Shape: "array"}, `null`, true},
		{envgraph.Type{Kind: envgraph.TypeJSON, Shape: "object"}, ` {"a":1}`, true},
		{envgraph.Type{Kind: envgraph.TypeJSON, Shape: "object"}, `a=1`, false},
		{envgraph.Type{Kind: envgraph.TypeJSON, Shape: "object"}, `[1]`, false},
		{envgraph.Type{Kind: envgraph.TypeJSON}, `"x"`, true},
	} {
		if got := c.t.Accepts(c.v); got != c.want {
			t.Errorf("%v.Accepts(%q) = %v, want %v", c.t, c.v, got, c.want)
		}
	}
}
