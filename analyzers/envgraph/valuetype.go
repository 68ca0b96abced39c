package envgraph

import (
	"encoding/json"
	"fmt"
	"go/types"
	"net"
	"net/netip"
	"net/url"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/envvet/envvet/internal/relpos"
)

// A TypeKind is the form a program expects an environment value in.
type TypeKind uint8

const (
	TypeUnknown    TypeKind = iota // anything, or a form envvet cannot check (TextUnmarshaler, time.Parse)
	TypeInt                        // strconv.ParseInt, Atoi; Type.Bits, Type.Base
	TypeUint                       // strconv.ParseUint
	TypeFloat                      // strconv.ParseFloat
	TypeBool                       // strconv.ParseBool
	TypeDuration                   // time.ParseDuration
	TypeURL                        // url.Parse
	TypeRequestURI                 // url.ParseRequestURI
	TypeIP                         // net.ParseIP
	TypeAddr                       // netip.ParseAddr
	TypePrefix                     // netip.ParsePrefix, net.ParseCIDR
	TypeAddrPort                   // netip.ParseAddrPort
	TypeJSON                       // json.Unmarshal
	TypeEnum                       // one of Type.Enum
)

var typeKindNames = [...]string{"unknown", "int", "uint", "float", "bool", "duration", "url", "request-uri", "ip", "addr", "prefix", "addrport", "json", "enum"}

func (k TypeKind) String() string {
	if int(k) < len(typeKindNames) {
		return typeKindNames[k]
	}
	return "unknown"
}

// A Type is what a program expects an environment value to parse as, and
// who parses it. The zero Type is unknown: every value will do.
type Type struct {
	Kind TypeKind
	// Bits is the bit size of an integer or float (0: int's, 64).
	Bits int
	// Base is the base of strconv.ParseInt and ParseUint; 0 also
	// accepts plain decimal, as the struct-tag loaders do.
	Base int
	// Enum lists the values a TypeEnum accepts, sorted.
	Enum []string
	// Fold is set when a TypeEnum compares in any case: the program
	// lower- or upper-cases the value before it compares (Enum then holds
	// the folded forms).
	Fold bool
	// Shape is the JSON value a TypeJSON must be: "array" (a slice
	// target), "object" (a map or struct target); "" for any JSON.
	Shape string
	// Sep is set when the value is a list whose elements, split by Sep,
	// each parse as Kind (a []int field of caarlos0/env: ",").
	Sep string
	// Also lists values the program tests for before it parses, and so
	// accepts too (if v == "auto" { ... } else { strconv.Atoi(v) }), sorted.
	Also []string
	// Cast is set when spf13/cast converts the value (viper's GetInt,
	// GetBool, GetDuration...): castAccepts says what it takes.
	Cast bool
	// By names the parse: "strconv.Atoi", "int field Config.Port",
	// "urfave/cli IntFlag".
	By string
	// Site is where the parse is; not valid for a loader's field.
	Site Site
}

// Known reports whether t says anything about the values it accepts.
func (t Type) Known() bool { return t.Kind != TypeUnknown }

// String writes t as the inventory's TYPE column does: int, int32, uint8,
// duration, []int, enum(a|b).
func (t Type) String() string {
	s := t.Kind.String()
	switch t.Kind {
	case TypeInt, TypeUint, TypeFloat:
		if t.Bits != 0 && !(t.Kind == TypeFloat && t.Bits == 64) {
			s += strconv.Itoa(t.Bits)
		}
	case TypeEnum:
		s = "enum(" + strings.Join(t.Enum, "|") + ")"
	case TypeJSON:
		if t.Shape != "" {
			s += "-" + t.Shape
		}
	}
	if t.Sep != "" {
		s = "[]" + s
	}
	return s
}

// Describe says what a value must be: "an integer", "a ","-separated list
// in which each element is a duration".
func (t Type) Describe() string {
	var one string
	switch t.Kind {
	case TypeInt:
		one = "an integer"
		if t.Bits != 0 && t.Bits != 64 {
			one = fmt.Sprintf("a %d-bit integer", t.Bits)
		}
	case TypeUint:
		one = "an unsigned integer"
		if t.Bits != 0 && t.Bits != 64 {
			one = fmt.Sprintf("an unsigned %d-bit integer", t.Bits)
		}
	case TypeFloat:
		one = "a number"
	case TypeBool:
		one = "a boolean"
	case TypeDuration:
		one = "a duration"
	case TypeURL:
		one = "a URL"
	case TypeRequestURI:
		one = "an absolute URL"
	case TypeIP, TypeAddr:
		one = "an IP address"
	case TypePrefix:
		one = "a CIDR prefix"
	case TypeAddrPort:
		one = "an IP address and port"
	case TypeJSON:
		one = "JSON"
		if t.Shape != "" {
			one = "a JSON " + t.Shape
		}
	case TypeEnum:
		one = "one of " + quoteAll(t.Enum)
		if t.Fold {
			one += " (in any case)"
		}
	default:
		return "a value of the expected form"
	}
	if t.Sep != "" {
		return fmt.Sprintf("a %q-separated list in which each element is %s", t.Sep, one)
	}
	return one
}

// Accepts reports whether v parses as t, with the same functions the
// program calls.
func (t Type) Accepts(v string) bool {
	if slices.Contains(t.Also, v) {
		return true
	}
	if t.Sep != "" {
		if v == "" {
			return true
		}
		one := t
		one.Sep = ""
		for _, e := range strings.Split(v, t.Sep) {
			if !one.Accepts(strings.TrimSpace(e)) {
				return false
			}
		}
		return true
	}
	if t.Cast {
		return castAccepts(t.Kind, v)
	}
	bits := t.Bits
	if bits == 0 {
		bits = 64
	}
	var err error
	switch t.Kind {
	case TypeInt:
		if _, err = strconv.ParseInt(v, t.Base, bits); err != nil && t.Base == 0 {
			_, err = strconv.ParseInt(v, 10, bits)
		}
	case TypeUint:
		if _, err = strconv.ParseUint(v, t.Base, bits); err != nil && t.Base == 0 {
			_, err = strconv.ParseUint(v, 10, bits)
		}
	case TypeFloat:
		_, err = strconv.ParseFloat(v, bits)
	case TypeBool:
		_, err = strconv.ParseBool(v)
	case TypeDuration:
		_, err = time.ParseDuration(v)
	case TypeURL:
		_, err = url.Parse(v)
	case TypeRequestURI:
		_, err = url.ParseRequestURI(v)
	case TypeIP:
		return net.ParseIP(v) != nil
	case TypeAddr:
		_, err = netip.ParseAddr(v)
	case TypePrefix:
		if _, err = netip.ParsePrefix(v); err != nil {
			_, _, err = net.ParseCIDR(v)
		}
	case TypeAddrPort:
		_, err = netip.ParseAddrPort(v)
	case TypeJSON:
		return json.Valid([]byte(v)) && hasShape(v, t.Shape)
	case TypeEnum:
		return slices.Contains(t.Enum, v) || t.Fold && slices.ContainsFunc(t.Enum, func(e string) bool { return strings.EqualFold(e, v) })
	}
	return err == nil
}

// hasShape reports whether v, valid JSON, is a value json.Unmarshal
// stores in a target of the shape: an array (a slice), an object (a map,
// a struct), or null (which leaves either as it is).
func hasShape(v, shape string) bool {
	v = strings.TrimLeft(v, " \t\r\n")
	switch shape {
	case "array":
		return strings.HasPrefix(v, "[") || strings.HasPrefix(v, "null")
	case "object":
		return strings.HasPrefix(v, "{") || strings.HasPrefix(v, "null")
	}
	return true
}

// quoteAll writes vs quoted and comma-separated: "json", "text".
func quoteAll(vs []string) string {
	q := make([]string, len(vs))
	for i, v := range vs {
		q[i] = strconv.Quote(v)
	}
	return strings.Join(q, ", ")
}

// Compatible reports whether every value t accepts that u rejects is
// also rejected by t, loosely: both readers of a key can be satisfied.
// Unknown types are compatible with everything; two kinds are compatible
// when some common value exists (an int and a float, an int and an enum
// of numbers), not when the forms exclude each other (a duration and an
// integer: "10" is no duration, "10s" no integer; "0" is both, but no
// deployment means to set it).
func (t Type) Compatible(u Type) bool {
	if !t.Known() || !u.Known() || t.Sep != "" || u.Sep != "" {
		return true
	}
	if t.Kind == TypeEnum || u.Kind == TypeEnum {
		e, o := t, u
		if e.Kind != TypeEnum {
			e, o = u, t
		}
		return slices.ContainsFunc(e.Enum, o.Accepts)
	}
	for _, probe := range []string{"1", "true", "1s", "http://h/", "127.0.0.1", "10.0.0.0/8", "127.0.0.1:80", "{}"} {
		if t.Accepts(probe) && u.Accepts(probe) {
			return true
		}
	}
	return false
}

// A Parser is a function of the standard library (or a well-known module)
// that parses a string and reports a bad one; envparse and the type of a
// reference share this table.
type Parser struct {
	Name string // as written in messages: "strconv.Atoi"
	Arg  int    // the argument holding the value
	// Res is the index of the result that reports a bad value: the error,
	// or for net.ParseIP (NilCheck) the result that is nil.
	Res      int
	NilCheck bool
	Bad      string // what a bad value does when the error is dropped: "runs as 0"
	Type     Type   // what it accepts; Bits and Base of ParseInt come from the call
}

// ParserOf returns the parse that fn is, if any.
func ParserOf(fn *types.Func) (Parser, bool) {
	if fn == nil || fn.Pkg() == nil {
		return Parser{}, false
	}
	if sig, ok := fn.Type().(*types.Signature); !ok || sig.Recv() != nil {
		return Parser{}, false
	}
	path := fn.Pkg().Path()
	switch path {
	case "strconv", "time", "net/url", "net", "net/netip", "encoding/json", "github.com/dustin/go-humanize":
	default:
		// Most calls: no string to build (envparse asks about every
		// call of the package).
		return Parser{}, false
	}
	switch path + "." + fn.Name() {
	case "strconv.Atoi":
		return Parser{Name: "strconv.Atoi", Res: 1, Bad: "runs as 0", Type: Type{Kind: TypeInt, Base: 10}}, true
	case "strconv.ParseInt":
		return Parser{Name: "strconv.ParseInt", Res: 1, Bad: "runs as 0", Type: Type{Kind: TypeInt, Base: 10}}, true
	case "strconv.ParseUint":
		return Parser{Name: "strconv.ParseUint", Res: 1, Bad: "runs as 0", Type: Type{Kind: TypeUint, Base: 10}}, true
	case "strconv.ParseFloat":
		return Parser{Name: "strconv.ParseFloat", Res: 1, Bad: "runs as 0", Type: Type{Kind: TypeFloat}}, true
	case "strconv.ParseBool":
		return Parser{Name: "strconv.ParseBool", Res: 1, Bad: "runs as false", Type: Type{Kind: TypeBool}}, true
	case "time.ParseDuration":
		return Parser{Name: "time.ParseDuration", Res: 1, Bad: "runs as 0s", Type: Type{Kind: TypeDuration}}, true
	case "time.Parse":
		return Parser{Name: "time.Parse", Arg: 1, Res: 1, Bad: "runs as the zero time"}, true
	case "net/url.Parse":
		return Parser{Name: "url.Parse", Res: 1, Bad: "runs as a nil *url.URL", Type: Type{Kind: TypeURL}}, true
	case "net/url.ParseRequestURI":
		return Parser{Name: "url.ParseRequestURI", Res: 1, Bad: "runs as a nil *url.URL", Type: Type{Kind: TypeRequestURI}}, true
	case "net.ParseIP":
		return Parser{Name: "net.ParseIP", NilCheck: true, Bad: "runs as a nil net.IP", Type: Type{Kind: TypeIP}}, true
	case "net.ParseCIDR":
		return Parser{Name: "net.ParseCIDR", Res: 2, Bad: "runs as a nil *net.IPNet", Type: Type{Kind: TypePrefix}}, true
	case "net/netip.ParseAddr":
		return Parser{Name: "netip.ParseAddr", Res: 1, Bad: "runs as the zero netip.Addr", Type: Type{Kind: TypeAddr}}, true
	case "net/netip.ParsePrefix":
		return Parser{Name: "netip.ParsePrefix", Res: 1, Bad: "runs as the zero netip.Prefix", Type: Type{Kind: TypePrefix}}, true
	case "net/netip.ParseAddrPort":
		return Parser{Name: "netip.ParseAddrPort", Res: 1, Bad: "runs as the zero netip.AddrPort", Type: Type{Kind: TypeAddrPort}}, true
	case "encoding/json.Unmarshal":
		return Parser{Name: "json.Unmarshal", Bad: "leaves the target as it was", Type: Type{Kind: TypeJSON}}, true
	case "github.com/dustin/go-humanize.ParseBytes":
		return Parser{Name: "humanize.ParseBytes", Res: 1, Bad: "runs as 0"}, true
	}
	return Parser{}, false
}

// basicType returns the type a value of Go type t is parsed as by the
// struct-tag loaders and kong: ints, uints and floats with their size,
// bool, time.Duration, url.URL, net.IP and slices of them (elements split
// by sep). Anything else, strings and TextUnmarshalers included, is unknown.
func basicType(t types.Type, sep string) Type {
	if t == nil {
		return Type{}
	}
	if isDuration(t) {
		return Type{Kind: TypeDuration}
	}
	if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil {
		switch n.Obj().Pkg().Path() + "." + n.Obj().Name() {
		case "net/url.URL":
			return Type{Kind: TypeURL}
		case "net.IP":
			return Type{Kind: TypeIP}
		}
		if hasMethod(t, "UnmarshalText") || hasMethod(types.NewPointer(t), "UnmarshalText") || hasMethod(types.NewPointer(t), "Set", "Decode", "UnmarshalEnvironmentValue") {
			return Type{}
		}
	}
	if p, ok := t.(*types.Pointer); ok {
		return basicType(p.Elem(), sep)
	}
	switch u := t.Underlying().(type) {
	case *types.Slice:
		if sep == "" {
			return Type{}
		}
		if b, ok := u.Elem().Underlying().(*types.Basic); ok && b.Kind() == types.Byte {
			return Type{}
		}
		el := basicType(u.Elem(), "")
		if !el.Known() {
			return Type{}
		}
		el.Sep = sep
		return el
	case *types.Basic:
		return basicKind(u)
	}
	return Type{}
}

func basicKind(b *types.Basic) Type {
	switch b.Kind() {
	case types.Int:
		return Type{Kind: TypeInt}
	case types.Int64:
		return Type{Kind: TypeInt, Bits: 64}
	case types.Int8:
		return Type{Kind: TypeInt, Bits: 8}
	case types.Int16:
		return Type{Kind: TypeInt, Bits: 16}
	case types.Int32:
		return Type{Kind: TypeInt, Bits: 32}
	case types.Uint, types.Uintptr:
		return Type{Kind: TypeUint}
	case types.Uint64:
		return Type{Kind: TypeUint, Bits: 64}
	case types.Uint8:
		return Type{Kind: TypeUint, Bits: 8}
	case types.Uint16:
		return Type{Kind: TypeUint, Bits: 16}
	case types.Uint32:
		return Type{Kind: TypeUint, Bits: 32}
	case types.Float32:
		return Type{Kind: TypeFloat, Bits: 32}
	case types.Float64:
		return Type{Kind: TypeFloat, Bits: 64}
	case types.Bool:
		return Type{Kind: TypeBool}
	}
	return Type{}
}

// fieldType returns the type a struct-tag loader parses field f's value
// as, list elements split by sep (def when sep is "").
func fieldType(f *types.Var, sep, def string) Type {
	if sep == "" {
		sep = def
	}
	t := basicType(f.Type(), sep)
	if t.Kind == TypeInt || t.Kind == TypeUint {
		t.Base = 0 // the loaders accept 0x1F as well as 31
	}
	return t
}

// kongType is fieldType for kong, with enum:"a,b" a value set; an enum
// holding a ${var} that kong interpolates from its Vars (FerretDB's
// enum:"${enum_mode}") is unknown.
func kongType(f *types.Var, tag reflect.StructTag) Type {
	if enum, ok := tag.Lookup("enum"); ok && strings.Contains(enum, "${") {
		return Type{}
	} else if ok && enum != "" && isStringType(deref(f.Type())) {
		var vals []string
		for _, v := range strings.Split(enum, ",") {
			vals = append(vals, strings.TrimSpace(v))
		}
		return Type{Kind: TypeEnum, Enum: sortedSet(vals)}
	}
	sep := tag.Get("sep")
	if sep == "none" {
		sep = ""
	} else if sep == "" {
		sep = ","
	}
	return fieldType(f, sep, "")
}

// objSite returns the Site of obj's declaration.
func (s *state) objSite(obj types.Object) Site {
	if obj == nil || !obj.Pos().IsValid() {
		return Site{}
	}
	p := relpos.Position(s.pass.Fset, obj.Pos())
	if !p.IsValid() {
		return Site{}
	}
	return Site{File: p.Filename, Line: p.Line, Col: p.Column}
}
