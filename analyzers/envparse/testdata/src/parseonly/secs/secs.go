// Package secs parses but holds no env value: it imports os, calls
// strconv.Atoi, reads no key and calls no helper with a valueOf or
// silentDefault fact. Its parse functions get their parsesArg facts
// (Second, Nested); Fixed parses something else and Count is of another
// type: no fact.
package secs

import (
	"os"
	"strconv"
	"time"
)

func Exit(code int) { os.Exit(code) }

func Second(s string) (time.Duration, error) { // want Second:"parsesArg\\(strconv.Atoi\\)"
	v, err := strconv.Atoi(s)
	if err != nil {
		return 0, err
	}
	return time.Duration(v) * time.Second, nil
}

func Nested(s string) (int, error) { // want Nested:"parsesArg\\(strconv.Atoi\\)"
	f := func() (int, error) { return strconv.Atoi(s) }
	return f()
}

func Fixed(s string) (int, error) { return strconv.Atoi("1") }

func Count(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
