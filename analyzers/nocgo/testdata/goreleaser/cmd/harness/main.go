package main // want package:`usesCgo\(via example\.org/cgolib, import "C" in cgolib\.go\)`

// Command harness is a CI tool that the release does not build
// (litestream's cmd/litestream-test): the release's CGO_ENABLED says
// nothing about it, and its import of cgolib is not reported.

import "example.org/cgolib"

func main() { println(cgolib.Answer()) }
