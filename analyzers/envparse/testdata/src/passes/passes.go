// Package passes holds the variables computeVars finds in a second pass
// over a function's assignments, and their twins; no helper of the
// package has a summary, so infer's first round is its last.
package passes

import (
	"os"
	"strconv"
)

// b gets a's env value from an assignment above a's in source order:
// the second pass over the function's assignments finds it.
func loopCarried() int {
	var a, b string
	for i := 0; i < 2; i++ {
		b = a
		a = os.Getenv("LOOP_PORT")
	}
	n, _ := strconv.Atoi(b) // want `env key "LOOP_PORT" is parsed by strconv.Atoi but the error is dropped`
	return n
}

// Its twin: a holds no env value, nor does b.
func loopCarriedConst() int {
	var a, b string
	for i := 0; i < 2; i++ {
		b = a
		a = "8080"
	}
	n, _ := strconv.Atoi(b)
	return n
}

// A variable set from two keys holds both; setting one of them again
// adds nothing.
func twoKeys(alt bool) int {
	v := os.Getenv("MERGE_A")
	if alt {
		v = os.Getenv("MERGE_B")
		v = os.Getenv("MERGE_A")
	}
	n, _ := strconv.Atoi(v) // want `env key "MERGE_A" is parsed by strconv.Atoi` `env key "MERGE_B" is parsed by strconv.Atoi`
	return n
}

// Its twin: one key, set twice.
func oneKeyTwice(alt bool) int {
	v := os.Getenv("MERGE_C")
	if alt {
		v = os.Getenv("MERGE_C")
	}
	n, _ := strconv.Atoi(v) // want `^env key "MERGE_C" is parsed by strconv.Atoi but the error is dropped: a bad value runs as 0$`
	return n
}
