package direct // want package:`usesCgo\(import "C" in direct\.go\)`

// Plain is in a file without cgo, so that it is the package's first file
// whatever CGO_ENABLED is.
const Plain = 1
