package suppressedimport // want package:`usesCgo\(via example\.org/cgolib, import "C" in cgolib\.go, reported\)`

import "example.org/cgolib" //envvet:ignore nocgo only the admin tool, built with cgo, links this package

// Answer uses cgolib.
func Answer() int { return cgolib.Answer() }
