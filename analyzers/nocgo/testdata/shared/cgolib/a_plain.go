// Package cgolib stands for a third-party cgo package such as
// github.com/mattn/go-sqlite3: cgo, with a !cgo stub.
package cgolib

// Name is the driver name.
const Name = "cgolib"
