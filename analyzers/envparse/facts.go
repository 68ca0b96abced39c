package envparse

import (
	"fmt"
	"strconv"
	"strings"
)

// valueOf is the object fact on a *types.Func whose first result, a
// string, is the value of the env key its parameter Param names:
// func Get(key, def string) string returning os.Getenv(key), or def when
// it is unset.
type valueOf struct{ Param int }

func (*valueOf) AFact() {}

func (f *valueOf) String() string { return fmt.Sprintf("valueOf(%d)", f.Param) }

// silentDefault is the object fact on a *types.Func that parses the value
// of the env key its parameter Param names and, when the value does not
// parse, returns anyway: its default parameter, a constant or zero.
type silentDefault struct {
	Param        int    // the key parameter
	DefaultParam int    // the parameter a bad value runs as; -1 when none
	Value        string // what a bad value runs as when DefaultParam < 0 ("0"); "" when unknown
	Parser       string // the parse whose error is ignored ("strconv.Atoi"); "" when ParserArg > 0
	// ParserArg is 1 + the index of the parameter that holds the parse, a
	// func(string) (T, error) that each caller hands in
	// (getOrDefault(key, def, strconv.Atoi)); 0 when the parse is fixed.
	ParserArg int
	Func      string // the helper that holds the parse, package.Func
	Site      string // file:line:col of that parse
}

func (*silentDefault) AFact() {}

func (f *silentDefault) String() string {
	s := fmt.Sprintf("silentDefault(%d %s", f.Param, f.Parser)
	if f.ParserArg > 0 {
		s = fmt.Sprintf("silentDefault(%d parser=%d", f.Param, f.ParserArg-1)
	}
	switch {
	case f.DefaultParam >= 0:
		s += fmt.Sprintf(" default=%d", f.DefaultParam)
	case f.Value != "":
		s += " value=" + strconv.Quote(f.Value)
	}
	return s + ")"
}

// parsesArg is the object fact on a func(string) (T, error) that parses
// its argument with Parser (lego's env.ParseSecond, strconv.Atoi with a
// range check): a parse that a helper taking its parse as an argument may
// be handed from another package.
type parsesArg struct{ Parser string }

func (*parsesArg) AFact() {}

func (f *parsesArg) String() string { return "parsesArg(" + f.Parser + ")" }

// urfaveFlags is the package fact of a package whose urfave/cli flag
// literals parse the values of env keys (Keys, sorted), for the flags of
// the urfave/cli import path Path: main runs an app whose flags another
// package of the module declares.
type urfaveFlags struct {
	Sets []urfaveKeySet
}

type urfaveKeySet struct {
	Path string
	Keys []string
}

func (*urfaveFlags) AFact() {}

func (f *urfaveFlags) String() string {
	var b strings.Builder
	b.WriteString("urfaveFlags(")
	for i, set := range f.Sets {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(set.Path + ": " + strings.Join(set.Keys, ","))
	}
	return b.String() + ")"
}
