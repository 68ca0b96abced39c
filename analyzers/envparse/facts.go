package envparse

import (
	"fmt"
	"strconv"
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
	Parser       string // the parse whose error is ignored ("strconv.Atoi")
	Func         string // the helper that holds the parse, package.Func
	Site         string // file:line:col of that parse
}

func (*silentDefault) AFact() {}

func (f *silentDefault) String() string {
	s := fmt.Sprintf("silentDefault(%d %s", f.Param, f.Parser)
	switch {
	case f.DefaultParam >= 0:
		s += fmt.Sprintf(" default=%d", f.DefaultParam)
	case f.Value != "":
		s += " value=" + strconv.Quote(f.Value)
	}
	return s + ")"
}
