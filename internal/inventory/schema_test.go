package inventory

import (
	"bytes"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/envvet/envvet/analyzers/envgraph"
)

// TestSchemaValidates writes the schema of an inventory and validates
// values files against it with the JSON Schema library: each value the
// program's parse accepts passes, each it rejects fails.
func TestSchemaValidates(t *testing.T) {
	def := "8080"
	inv := &Inventory{Keys: []Key{
		{Key: "PORT", Default: &def, Types: []envgraph.Type{{Kind: envgraph.TypeUint, Bits: 16, Base: 10}}, Refs: []Ref{{Pos: "main.go:10:5"}}},
		{Key: "TIMEOUT", Required: true, Types: []envgraph.Type{{Kind: envgraph.TypeDuration}}},
		{Key: "DEBUG", Types: []envgraph.Type{{Kind: envgraph.TypeBool}}},
		{Key: "MODE", Types: []envgraph.Type{{Kind: envgraph.TypeEnum, Enum: []string{"fast", "safe"}}}},
		{Key: "CACHE", Types: []envgraph.Type{{Kind: envgraph.TypeInt, Base: 10, Also: []string{"auto"}}}},
		{Key: "RATE", Types: []envgraph.Type{{Kind: envgraph.TypeFloat, Bits: 64}}},
		{Key: "HOST", Description: "the host name"},
		{Key: "LEVEL", Types: []envgraph.Type{{Kind: envgraph.TypeEnum, Enum: []string{"debug", "info"}, Fold: true, By: "map lookup"}}},
		{Key: "HOSTS", Types: []envgraph.Type{{Kind: envgraph.TypeJSON, Shape: "array"}}},
	}}
	var buf bytes.Buffer
	if err := writeSchema(&buf, inv); err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("env.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("env.schema.json")
	if err != nil {
		t.Fatalf("the schema does not compile: %v\n%s", err, buf.String())
	}
	for _, tc := range []struct {
		values string
		ok     bool
	}{
		{`{"TIMEOUT": "30s", "PORT": "443", "DEBUG": "true", "MODE": "fast", "CACHE": "auto", "RATE": "0.5", "HOST": "db"}`, true},
		{`{"TIMEOUT": "1m30s", "PORT": 443, "DEBUG": false, "CACHE": "-1", "RATE": 2}`, true},
		{`{"PORT": "443"}`, false},                    // TIMEOUT is required
		{`{"TIMEOUT": "30"}`, false},                  // not a duration
		{`{"TIMEOUT": "30s", "PORT": "70000"}`, true}, // a string's range is not checked, only its digits
		{`{"TIMEOUT": "30s", "PORT": 70000}`, false},  // out of uint16's range
		{`{"TIMEOUT": "30s", "PORT": "-1"}`, false},   // ParseUint takes no sign
		{`{"TIMEOUT": "30s", "PORT": "8080ms"}`, false},
		{`{"TIMEOUT": "30s", "DEBUG": "yes"}`, false},
		{`{"TIMEOUT": "30s", "MODE": "slow"}`, false},
		{`{"TIMEOUT": "30s", "CACHE": "off"}`, false},
		{`{"TIMEOUT": "30s", "RATE": "half"}`, false},
		{`{"TIMEOUT": "30s", "LEVEL": "INFO", "HOSTS": ["a", "b"]}`, true}, // LEVEL is compared in lower case
		{`{"TIMEOUT": "30s", "LEVEL": "Debug", "HOSTS": "[\"a\"]"}`, true},
		{`{"TIMEOUT": "30s", "LEVEL": "trace"}`, false},
		{`{"TIMEOUT": "30s", "HOSTS": "a,b"}`, false}, // not a JSON array
		{`{"TIMEOUT": "30s", "HOSTS": {"a": 1}}`, false},
	} {
		v, err := jsonschema.UnmarshalJSON(strings.NewReader(tc.values))
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Validate(v); (err == nil) != tc.ok {
			t.Errorf("%s: valid = %v, want %v (%v)", tc.values, err == nil, tc.ok, err)
		}
	}
	for _, want := range []string{`"$schema": "https://json-schema.org/draft/2020-12/schema"`, `"default": "8080"`, `"description": "the host name"`, `"read at main.go:10:5"`} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("schema lacks %s:\n%s", want, buf.String())
		}
	}
}

// TestSchemaMatchesAccepts checks the schema's integer and duration
// patterns against the parse itself, value by value.
func TestSchemaMatchesAccepts(t *testing.T) {
	types := []envgraph.Type{{Kind: envgraph.TypeInt, Base: 10}, {Kind: envgraph.TypeInt}, {Kind: envgraph.TypeDuration}, {Kind: envgraph.TypeBool},
		{Kind: envgraph.TypeEnum, Enum: []string{"json", "text", "1s"}}, {Kind: envgraph.TypeEnum, Enum: []string{"json", "true", "a.b"}, Fold: true},
		{Kind: envgraph.TypeJSON, Shape: "array"}, {Kind: envgraph.TypeJSON, Shape: "object"}}
	values := []string{"0", "10", "-3", "+4", "0x1F", "08", "1_000", "1s", "1.5h", "-2m3s", ".5s", "30", "true", "T", "yes", "", "1e3",
		"json", "JSON", "Text", "TRUE", "a.b", "aXb", "[1]", "[]", " [\"x\"]", "{}", `{"a":1}`, "null", "a,b"}
	for _, typ := range types {
		inv := &Inventory{Keys: []Key{{Key: "K", Types: []envgraph.Type{typ}}}}
		var buf bytes.Buffer
		if err := writeSchema(&buf, inv); err != nil {
			t.Fatal(err)
		}
		doc, _ := jsonschema.UnmarshalJSON(bytes.NewReader(buf.Bytes()))
		c := jsonschema.NewCompiler()
		if err := c.AddResource("k.json", doc); err != nil {
			t.Fatal(err)
		}
		s, err := c.Compile("k.json")
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range values {
			got := s.Validate(map[string]any{"K": v}) == nil
			if want := typ.Accepts(v); got != want {
				t.Errorf("%s: schema accepts %q = %v, the parse %v", typ, v, got, want)
			}
		}
	}
}
