package envparse

import (
	"go/types"

	"github.com/envvet/envvet/analyzers/envgraph"
)

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

// parserOf returns the parse that fn is, if any, from the table envgraph
// keeps for the types of references.
func parserOf(fn *types.Func) (parser, bool) {
	p, ok := envgraph.ParserOf(fn)
	if !ok {
		return parser{}, false
	}
	return parser{name: p.Name, arg: p.Arg, res: p.Res, nilCheck: p.NilCheck, bad: p.Bad}, true
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
