package envparse

import "go/types"

// A parser is a function that parses a string and reports a bad one.
type parser struct {
	name string // as written in messages: "strconv.Atoi"
	arg  int    // the argument holding the value
	// res is the index of the result that reports a bad value: the error,
	// or for net.ParseIP (nilCheck) the result that is nil.
	res      int
	nilCheck bool
	bad      string // what a bad value does when the error is dropped
}

// parserOf returns the parse that fn is, if any.
func parserOf(fn *types.Func) (parser, bool) {
	if fn == nil || fn.Pkg() == nil {
		return parser{}, false
	}
	if sig, ok := fn.Type().(*types.Signature); !ok || sig.Recv() != nil {
		return parser{}, false
	}
	switch fn.Pkg().Path() + "." + fn.Name() {
	case "strconv.Atoi", "strconv.ParseInt", "strconv.ParseUint", "strconv.ParseFloat":
		return parser{name: "strconv." + fn.Name(), res: 1, bad: "runs as 0"}, true
	case "strconv.ParseBool":
		return parser{name: "strconv.ParseBool", res: 1, bad: "runs as false"}, true
	case "time.ParseDuration":
		return parser{name: "time.ParseDuration", res: 1, bad: "runs as 0s"}, true
	case "time.Parse":
		return parser{name: "time.Parse", arg: 1, res: 1, bad: "runs as the zero time"}, true
	case "net/url.Parse", "net/url.ParseRequestURI":
		return parser{name: "url." + fn.Name(), res: 1, bad: "runs as a nil *url.URL"}, true
	case "net.ParseIP":
		return parser{name: "net.ParseIP", nilCheck: true, bad: "runs as a nil net.IP"}, true
	case "net.ParseCIDR":
		return parser{name: "net.ParseCIDR", res: 2, bad: "runs as a nil *net.IPNet"}, true
	case "net/netip.ParseAddr", "net/netip.ParsePrefix", "net/netip.ParseAddrPort":
		return parser{name: "netip." + fn.Name(), res: 1, bad: "runs as the zero " + "netip." + fn.Name()[len("Parse"):]}, true
	case "encoding/json.Unmarshal":
		return parser{name: "json.Unmarshal", res: 0, bad: "leaves the target as it was"}, true
	case "github.com/dustin/go-humanize.ParseBytes":
		return parser{name: "humanize.ParseBytes", res: 1, bad: "runs as 0"}, true
	}
	return parser{}, false
}

// zeroText returns what a bad value runs as through p when its error is
// dropped, for a fact: "0", "false", "".
func (p parser) zeroText() string {
	const prefix = "runs as "
	if len(p.bad) > len(prefix) && p.bad[:len(prefix)] == prefix {
		return p.bad[len(prefix):]
	}
	return ""
}
