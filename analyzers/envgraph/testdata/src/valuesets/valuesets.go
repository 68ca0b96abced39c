// Package valuesets holds reads whose values must be one of a fixed list
// of constants, each with a twin that accepts any value.
package valuesets

import (
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"os"
	"strings"
	"valuehelp"
)

var errFormat = errors.New("bad format")

func switches() error {
	switch os.Getenv("S_DIRECT") { // want `read "S_DIRECT" type enum\(json\|text\) by switch`
	case "json":
	case "text":
	default:
		log.Fatalf("bad S_DIRECT")
	}
	mode := os.Getenv("S_VAR") // want `read "S_VAR" type enum\(a\|b\|c\) by switch`
	if mode == "" {
		mode = "a"
	}
	switch mode {
	case "a", "b":
		fmt.Println(mode)
	case "c":
	default:
		return fmt.Errorf("S_VAR=%q", mode)
	}
	switch os.Getenv("S_ERRVAR") { // want `read "S_ERRVAR" type enum\(x\|y\) by switch`
	case "x", "y":
	default:
		return errFormat
	}
	switch os.Getenv("S_PANIC") { // want `read "S_PANIC" type enum\(off\|on\) by switch`
	case "on", "off":
	default:
		panic("S_PANIC")
	}
	switch os.Getenv("S_EXIT") { // want `read "S_EXIT" type enum\(off\|on\) by switch`
	case "on", "off":
	default:
		fmt.Fprintln(os.Stderr, "bad S_EXIT")
		os.Exit(2)
	}
	return nil
}

// The twins: any value is accepted, or the set cannot be told.
func switchTwins(other string) error {
	switch os.Getenv("S_FALLBACK") { // want `read "S_FALLBACK"$`
	case "json":
	default:
		log.Printf("unknown format, using text")
	}
	switch os.Getenv("S_NODEFAULT") { // want `read "S_NODEFAULT"$`
	case "json":
	case "text":
	}
	switch os.Getenv("S_NONCONST") { // want `read "S_NONCONST"$`
	case "json", other:
	default:
		return errFormat
	}
	switch strings.TrimPrefix(os.Getenv("S_CUT"), "x-") { // want `read "S_CUT"$`
	case "a", "b":
	default:
		return errFormat
	}
	// One value is a test (is it on?) more often than a list.
	switch os.Getenv("S_ONE") { // want `read "S_ONE"$`
	case "true":
		return nil
	default:
		return errFormat
	}
	switch os.Getenv("S_EMPTYONLY") { // want `read "S_EMPTYONLY"$`
	case "", "x":
	default:
		return errFormat
	}
	var err error
	switch os.Getenv("S_NILERR") { // want `read "S_NILERR"$`
	case "a", "b":
	default:
		return err
	}
	switch os.Getenv("S_MAYBE") { // want `read "S_MAYBE"$`
	case "a", "b":
	default:
		if other != "" {
			return nil
		}
		return errFormat
	}
	p := os.Getenv("S_PREFIX") // want `read "S_PREFIX"$`
	if strings.HasPrefix(p, "file:") {
		return nil
	}
	switch p {
	case "a", "b":
	default:
		return errFormat
	}
	return nil
}

// Every case returns and the statement after the switch fails.
func afterSwitch() (int, error) {
	switch os.Getenv("S_AFTER") { // want `read "S_AFTER" type enum\(one\|two\) by switch`
	case "one":
		return 1, nil
	case "two":
		return 2, nil
	}
	return 0, fmt.Errorf("bad S_AFTER")
}

func afterSwitchTwin() int {
	switch os.Getenv("S_AFTER_OK") { // want `read "S_AFTER_OK"$`
	case "one":
		return 1
	}
	return 0
}

var levels = map[string]int{"debug": 0, "info": 1, "warn": 2}

var written = map[string]int{"a": 1}

func init() { written["b"] = 2 }

func lookups() error {
	lvl, ok := levels[os.Getenv("S_MAP")] // want `read "S_MAP" type enum\(debug\|info\|warn\) by map lookup`
	if !ok {
		return fmt.Errorf("bad S_MAP")
	}
	_ = lvl
	if _, ok := levels[strings.ToLower(os.Getenv("S_MAPFOLD"))]; !ok { // want `read "S_MAPFOLD" type enum\(debug\|info\|warn\) by map lookup`
		log.Fatal("bad S_MAPFOLD")
	}
	if l, ok := levels[os.Getenv("S_MAPOK")]; ok { // want `read "S_MAPOK" type enum\(debug\|info\|warn\) by map lookup`
		return fmt.Errorf("%d", l)
	}
	return errFormat
}

func lookupTwins() int {
	lvl, ok := levels[os.Getenv("S_MAPDEFAULT")] // want `read "S_MAPDEFAULT"$`
	if !ok {
		lvl = 1
	}
	if _, ok := written[os.Getenv("S_MAPWRITTEN")]; !ok { // want `read "S_MAPWRITTEN"$`
		panic("bad")
	}
	return lvl
}

func helpers() {
	_, _ = valuehelp.Format("S_HELPER") // want `read "S_HELPER" via valuehelp.Format type enum\(json\|text\) by switch`
	_ = valuehelp.Level("S_LEVEL")      // want `read "S_LEVEL" via valuehelp.Level type enum\(debug\|info\) by switch`
	_ = valuehelp.Loose("S_LOOSE")      // want `read "S_LOOSE" via valuehelp.Loose$`
}

type target struct{ A int }

func unmarshal() {
	var list []string
	_ = json.Unmarshal([]byte(os.Getenv("S_JSON_LIST")), &list) // want `read "S_JSON_LIST" type json-array by json.Unmarshal`
	var obj target
	_ = json.Unmarshal([]byte(os.Getenv("S_JSON_OBJ")), &obj) // want `read "S_JSON_OBJ" type json-object by json.Unmarshal`
	var anyv any
	_ = json.Unmarshal([]byte(os.Getenv("S_JSON_ANY")), &anyv) // want `read "S_JSON_ANY" type json by json.Unmarshal`
	var raw []byte
	_ = json.Unmarshal([]byte(os.Getenv("S_JSON_BYTES")), &raw) // want `read "S_JSON_BYTES" type json by json.Unmarshal`
}

// An if chain whose branches all return and whose end fails.
func ifChain() (int, error) {
	f := os.Getenv("S_IFCHAIN") // want `read "S_IFCHAIN" type enum\(json\|plain\|text\) by if chain`
	if f == "json" {
		return 1, nil
	} else if f == "text" || f == "plain" {
		return 2, nil
	}
	return 0, fmt.Errorf("S_IFCHAIN=%q", f)
}

func ifChainElse() int {
	if os.Getenv("S_IFELSE") == "a" { // want `read "S_IFELSE"$`
		return 1
	} else if os.Getenv("S_IFELSE") == "b" { // want `read "S_IFELSE" type enum\(a\|b\) by if chain`
		return 2
	} else {
		panic("S_IFELSE")
	}
}

func ifChainTwins() (int, error) {
	if os.Getenv("S_IFONE") == "true" { // want `read "S_IFONE"$`
		return 1, nil
	}
	v := os.Getenv("S_IFFALL") // want `read "S_IFFALL"$`
	if v == "a" {
		fmt.Println("a")
	} else if v == "b" {
		return 2, nil
	}
	w := os.Getenv("S_IFOTHER") // want `read "S_IFOTHER"$`
	if w == "a" {
		return 1, nil
	} else if v == "b" {
		return 2, nil
	}
	return 0, errFormat
}
