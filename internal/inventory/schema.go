package inventory

import (
	"encoding/json"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/envvet/envvet/analyzers/envgraph"
)

// schemaURI is the JSON Schema dialect writeSchema writes.
const schemaURI = "https://json-schema.org/draft/2020-12/schema"

// durationPattern matches what time.ParseDuration accepts.
const durationPattern = `^[-+]?(0|(([0-9]+(\.[0-9]*)?|\.[0-9]+)(ns|us|µs|μs|ms|s|m|h))+)$`

// boolStrings are the strings strconv.ParseBool accepts.
var boolStrings = []string{"1", "t", "T", "TRUE", "true", "True", "0", "f", "F", "FALSE", "false", "False"}

// writeSchema writes the program's environment as a JSON Schema (draft
// 2020-12) of an object whose properties are the keys: a values file or
// a rendered env block validates against it. A key whose reads expect a
// form gets a subschema accepting that form as a string (an env value)
// or as the JSON value of the type; a key read as a string accepts any
// string.
func writeSchema(w io.Writer, inv *Inventory) error {
	props := make(map[string]any)
	var required []string
	for _, k := range inv.Keys {
		if k.WellKnown {
			continue
		}
		props[k.Key] = keySchema(k)
		if k.Required && k.Default == nil {
			required = append(required, k.Key)
		}
	}
	doc := map[string]any{
		"$schema":    schemaURI,
		"title":      "environment",
		"type":       "object",
		"properties": props,
	}
	if len(required) > 0 {
		doc["required"] = required
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(doc) // maps encode with sorted keys: deterministic
}

// keySchema is one key's subschema: its form, default, description and
// where it is read.
func keySchema(k Key) map[string]any {
	s := map[string]any{"type": "string"}
	if len(k.Types) == 1 {
		s = typeSchema(k.Types[0])
	} else if len(k.Types) > 1 {
		all := make([]any, 0, len(k.Types))
		for _, t := range k.Types {
			all = append(all, typeSchema(t))
		}
		s = map[string]any{"allOf": all}
	}
	if k.Default != nil && !k.Secret {
		s["default"] = *k.Default
	}
	if k.Secret {
		s["writeOnly"] = true
	}
	var at []string
	for _, r := range k.Refs {
		at = append(at, r.Pos)
	}
	desc := k.Description
	if len(at) > 0 {
		if desc != "" {
			desc += "\n"
		}
		desc += "read at " + strings.Join(at, ", ")
	}
	if desc != "" {
		s["description"] = desc
	}
	return s
}

// typeSchema is the subschema of a value of type t.
func typeSchema(t envgraph.Type) map[string]any {
	if t.Sep != "" {
		return map[string]any{"type": "string", "description": t.Describe()}
	}
	var s map[string]any
	switch t.Kind {
	case envgraph.TypeInt, envgraph.TypeUint:
		s = map[string]any{"type": []string{"integer", "string"}, "pattern": intPattern(t)}
		lo, hi := intRange(t)
		s["minimum"], s["maximum"] = lo, hi
	case envgraph.TypeFloat:
		s = map[string]any{"type": []string{"number", "string"}, "pattern": `^[-+]?([0-9_]+(\.[0-9_]*)?|\.[0-9_]+)([eE][-+]?[0-9]+)?$|^[-+]?(?i:inf|infinity|nan)$`}
	case envgraph.TypeBool:
		s = map[string]any{"anyOf": []any{map[string]any{"type": "boolean"}, map[string]any{"type": "string", "enum": boolStrings}}}
	case envgraph.TypeDuration:
		s = map[string]any{"type": "string", "pattern": durationPattern}
	case envgraph.TypeURL, envgraph.TypeRequestURI:
		s = map[string]any{"type": "string", "format": "uri-reference"}
		if t.Kind == envgraph.TypeRequestURI {
			s["format"] = "uri"
		}
	case envgraph.TypeIP, envgraph.TypeAddr:
		s = map[string]any{"type": "string", "anyOf": []any{map[string]any{"format": "ipv4"}, map[string]any{"format": "ipv6"}}}
	case envgraph.TypeEnum:
		s = map[string]any{"type": "string", "enum": t.Enum}
		if t.Fold {
			s = map[string]any{"type": "string", "pattern": foldPattern(t.Enum)}
		}
	case envgraph.TypeJSON:
		s = jsonSchema(t)
	default:
		s = map[string]any{"type": "string", "description": t.Describe()}
	}
	if len(t.Also) > 0 && s["enum"] == nil {
		// The program tests for these values before it parses.
		s = map[string]any{"anyOf": []any{s, map[string]any{"type": "string", "enum": t.Also}}}
	}
	return s
}

// foldPattern matches the values of enum in any case: ^(json|text)$ with
// each letter a class of its two cases ([jJ][sS][oO][nN]), as JSON
// Schema's ECMA-262 patterns have no case-insensitive flag.
func foldPattern(enum []string) string {
	alts := make([]string, len(enum))
	for i, v := range enum {
		var b strings.Builder
		for _, r := range v {
			lo, up := unicode.ToLower(r), unicode.ToUpper(r)
			switch {
			case lo != up:
				b.WriteString("[" + string(lo) + string(up) + "]")
			case strings.ContainsRune(`\^$.|?*+()[]{}/-`, r):
				b.WriteString(`\` + string(r))
			default:
				b.WriteRune(r)
			}
		}
		alts[i] = b.String()
	}
	return "^(" + strings.Join(alts, "|") + ")$"
}

// jsonSchema is the subschema of a value json.Unmarshal reads: in a
// values file, the JSON value itself or a string holding it; a shape
// (an array for a slice, an object for a map or struct) is checked on
// both, null being accepted as json.Unmarshal does.
func jsonSchema(t envgraph.Type) map[string]any {
	desc := t.Describe()
	switch t.Shape {
	case "array", "object":
		open := map[string]string{"array": `\[`, "object": `\{`}[t.Shape]
		return map[string]any{"description": desc, "anyOf": []any{
			map[string]any{"type": []string{t.Shape, "null"}},
			map[string]any{"type": "string", "pattern": `^\s*(` + open + `|null\s*$)`},
		}}
	}
	return map[string]any{"description": desc}
}

// intPattern is the pattern of an integer written as a string: decimal,
// or with strconv's base prefixes when the base is 0.
func intPattern(t envgraph.Type) string {
	sign := `[-+]?`
	if t.Kind == envgraph.TypeUint {
		sign = "" // ParseUint takes no sign
	}
	if t.Base == 0 {
		return `^` + sign + `(0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO]?[0-7_]+|[0-9][0-9_]*)$`
	}
	return `^` + sign + `[0-9]+$`
}

// intRange returns the smallest and largest values of t's bit size,
// exactly (a float64 would round 2^63-1 up).
func intRange(t envgraph.Type) (lo, hi json.Number) {
	bits := t.Bits
	if bits <= 0 || bits > 64 {
		bits = 64
	}
	if t.Kind == envgraph.TypeUint {
		return "0", json.Number(strconv.FormatUint(math.MaxUint64>>(64-bits), 10))
	}
	max := int64(math.MaxInt64 >> (64 - bits))
	return json.Number(strconv.FormatInt(-max-1, 10)), json.Number(strconv.FormatInt(max, 10))
}

// addType records that a read of k expects its value in form t, once.
func (k *Key) addType(t envgraph.Type) {
	if !t.Known() {
		return
	}
	for _, u := range k.Types {
		if u.String() == t.String() && strings.Join(u.Also, ",") == strings.Join(t.Also, ",") {
			return
		}
	}
	k.Types = append(k.Types, t)
	if !slices.Contains(k.Type, t.String()) {
		k.Type = append(k.Type, t.String())
	}
}
