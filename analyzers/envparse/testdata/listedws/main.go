// Package main is run with deploy/envvet.yaml listed (envkeys' manifest
// setting, which envparse shares). Its import example.com/lib is a
// workspace module, not a versioned dependency: looking the listed
// manifest up there failed lib's analysis, and with it envparse on this
// package.
package main

import (
	"os"
	"strconv"

	"example.com/lib"
)

func main() {
	r, _ := strconv.ParseFloat(os.Getenv("FEATURE_RATIO"), 64) // on-bad-value: default in the listed manifest
	n, _ := strconv.Atoi(os.Getenv("REDIS_TIMEOUT_MS"))        // want `env key "REDIS_TIMEOUT_MS" is parsed by strconv.Atoi`
	println(r, n, lib.Workers())
}
