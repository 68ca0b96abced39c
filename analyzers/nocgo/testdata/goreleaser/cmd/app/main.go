package main // want package:`usesCgo\(via example\.org/cgolib, import "C" in cgolib\.go, reported\)`

// Command app is the released program: the release's CGO_ENABLED=0 is its.

import "example.org/cgolib" // want `example\.org/cgolib uses cgo \(import "C" in cgolib\.go\), but CGO_ENABLED=0 is set in \.goreleaser\.yaml:3`

func main() { println(cgolib.Answer()) }
