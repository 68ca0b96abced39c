// Package illtyped has type errors: envparse must not panic on it.
package illtyped

import (
	"os"
	"strconv"
)

func Broken() {
	n, _ := strconv.Atoi(os.Getenv())
	m, _ := strconv.Atoi(os.Getenv("A"), 3) // want `env key "A" is parsed by strconv.Atoi`
	var x int = "s"
	_, _, _ = n, m, x
	k, _ := strconv.Atoi(undefined("B"))
	_ = k
	p, _ := strconv.Atoi(os.Getenv("GOOD")) // want `env key "GOOD" is parsed by strconv.Atoi`
	_ = p
	q, _ := missing.Atoi(os.Getenv("C"))
	_ = q
	err := strconv.Atoi(os.Getenv("D"))
	_ = err
}

func helper(key string, def int) int { // want helper:`silentDefault`
	n, err := strconv.Atoi(os.Getenv(key))
	if err != nil {
		return def, 1
	}
	return n
}
