package direct

// static int one(void) { return 1; }
import "C" // want `example\.com/dockerfile/direct uses cgo \(import "C"\), but CGO_ENABLED=0 is set in Dockerfile:6`

// One calls into C.
func One() int { return int(C.one()) }
