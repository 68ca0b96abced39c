package envparse_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/envvet/envvet/analyzers/envparse"
)

// TestParseOnly checks envparse's path for a package that parses but
// holds no env value (secs: it imports os, calls strconv.Atoi, reads no
// key and calls no helper with a valueOf or silentDefault fact): its
// parse functions get their parsesArg facts (Second, Nested), functions
// that parse something else (Fixed) or are of another type (Count) get
// none, no inspector is built for it, and a helper of another package
// handed Second is still reported while one handed Fixed is not.
func TestParseOnly(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"secs/secs.go": `package secs

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
`,
		"h/h.go": `package h

import "os"

func Get[T any](key string, def T, fn func(string) (T, error)) T { // want Get:"silentDefault\\(0 parser=2 default=1\\)"
	v, err := fn(os.Getenv(key))
	if err != nil {
		return def
	}
	return v
}
`,
		"use/use.go": `package use

import (
	"time"

	"h"
	"secs"
)

func Config() (time.Duration, int, int) {
	timeout := h.Get("X_TIMEOUT", time.Second, secs.Second) // want ` + "`" + `env key "X_TIMEOUT" is parsed by h.Get, which ignores a parse error: a bad value runs as time.Second` + "`" + `
	n := h.Get("X_N", 2, secs.Nested)                       // want ` + "`" + `env key "X_N" is parsed by h.Get, which ignores a parse error: a bad value runs as 2` + "`" + `
	m := h.Get("X_M", 3, secs.Fixed)
	return timeout, n, m
}
`,
	}
	writeTree(t, dir, files)
	a := envparse.New(envparse.Config{})
	analysistest.Run(t, dir, a, "secs", "h", "use")

	// The probe reports no facts: its own expectations are not checked.
	built := inspectorsBuilt(&quiet{T: t}, dir, envparse.New(envparse.Config{}), "secs")
	if built["secs"] {
		t.Errorf("package secs: inspector built, want none (it holds no env value)")
	}
}
